// Measures the fuzzy-match threshold of the resolver on the registry: pairs
// of names of one entity (name and alias spelled out, not acronyms) should
// score above it, names of two different entities of the same type below.
// Prints precision/recall of "same entity" at each threshold.
import { registry } from '../src/registry/index.ts';
import { conflictingQualifiers, similar } from '../src/resolve/index.ts';

const entries = registry().entries.filter((e) => e.type !== 'Country' && e.type !== 'Location');
const longForms = (names: string[]) => names.filter((n) => n.split(/\s+/).length >= 2);
const same: number[] = [];
const different: number[] = [];
for (const e of entries) {
  const forms = longForms([e.name, ...e.aliases]);
  for (let i = 0; i < forms.length; i++) for (let j = i + 1; j < forms.length; j++) same.push(similar(forms[i]!, forms[j]!));
}
for (let a = 0; a < entries.length; a++) {
  for (let b = a + 1; b < entries.length; b++) {
    const x = entries[a]!;
    const y = entries[b]!;
    if (x.type !== y.type) continue;
    for (const f of longForms([x.name, ...x.aliases]))
      for (const g of longForms([y.name, ...y.aliases])) {
        if (!conflictingQualifiers(f, g)) different.push(similar(f, g));
      }
  }
}
console.log(JSON.stringify({ samePairs: same.length, differentPairs: different.length }));
for (const t of [0.8, 0.85, 0.88, 0.9, 0.92, 0.95]) {
  const tp = same.filter((s) => s >= t).length;
  const fp = different.filter((s) => s >= t).length;
  console.log(
    JSON.stringify({
      threshold: t,
      mergedSame: tp,
      mergedDifferent: fp,
      precision: +(tp / Math.max(1, tp + fp)).toFixed(3),
      recall: +(tp / same.length).toFixed(3),
    }),
  );
}
if (process.argv.includes('--show')) {
  for (let a = 0; a < entries.length; a++)
    for (let b = a + 1; b < entries.length; b++) {
      const x = entries[a]!;
      const y = entries[b]!;
      if (x.type !== y.type) continue;
      for (const f of longForms([x.name, ...x.aliases]))
        for (const g of longForms([y.name, ...y.aliases])) {
          if (!conflictingQualifiers(f, g) && similar(f, g) >= 0.8) console.log(similar(f, g).toFixed(3), f, '|', g);
        }
    }
}
