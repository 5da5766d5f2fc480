// The evaluation on the development corpus (../shared/eval/dev: 45 real
// articles, third-party, not in the repository), measured as issue 11 states
// it: the articles fed as a scraper delivers them (JSON Lines {url, title,
// publishedAt, text} from sources.tsv), through the pipeline `kg extract`
// runs, documents mapped back to their files by URL, scored by the shared
// scorer ../shared/eval/score.mjs. Fails below the floors.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect } from 'vitest';
import { fileNamer, readSources, scraperLines } from '../../src/evaluate/sources.ts';
import { extractPaths } from '../../src/pipeline/index.ts';
import { resolveGraph } from '../../src/resolve/index.ts';
import { itWithShared } from '../shared-data.ts';

// Floors: what main reaches on the whole corpus, rounded down by 0.02, so a change that loses ground
// fails. Issue 11's targets are entity F1 0.92, typed entity F1 0.88, relation F1 0.70 with relation
// precision 0.85, dates right for 0.90 of the dated entities: raise these as extraction gets there.
const DEV_FLOORS = {
  entityF1: 0.9, // main 0.922 (issue target 0.92)
  typedF1: 0.89, // main 0.911 (target 0.88)
  relationF1: 0.7, // main 0.720 (target 0.70)
  relationP: 0.93, // main 0.953 (target 0.85)
  dates: 0.88, // main 31/34 = 0.912 (target 0.90)
};

/** The summary line of score.mjs: "entity P .. R .. F1 .. | typed F1 .. | relation P .. R .. F1 .. | dates x/y". */
function parseSummary(out: string): {
  entityF1: number;
  typedF1: number;
  relationP: number;
  relationR: number;
  relationF1: number;
  datesRight: number;
  datesTotal: number;
} {
  const m = /entity P [\d.]+ R [\d.]+ F1 ([\d.]+) \| typed F1 ([\d.]+) \| relation P ([\d.]+) R ([\d.]+) F1 ([\d.]+) \| dates (\d+)\/(\d+)/.exec(out);
  if (!m) throw new Error(`score.mjs printed no summary line:\n${out.slice(-500)}`);
  const n = m.slice(1).map(Number);
  return { entityF1: n[0]!, typedF1: n[1]!, relationP: n[2]!, relationR: n[3]!, relationF1: n[4]!, datesRight: n[5]!, datesTotal: n[6]! };
}

describe('development corpus', () => {
  itWithShared(
    'meets the floors, fed as a scraper delivers it and scored by the shared scorer',
    ['eval/dev/sources.tsv', 'eval/dev/docs', 'eval/dev/gold', 'eval/score.mjs'],
    async (shared) => {
      const set = path.join(shared, 'eval/dev');
      const rows = readSources(path.join(set, 'sources.tsv'));
      const tmp = mkdtempSync(path.join(tmpdir(), 'kg-dev-'));
      const input = path.join(tmp, 'in.jsonl');
      writeFileSync(input, scraperLines(rows, path.join(set, 'docs')));
      const run = await extractPaths([input]);
      expect(run.failures).toEqual([]);
      const graph = resolveGraph(run.extractions);
      const name = fileNamer(rows);
      const out = { ...graph, documents: graph.documents.map((d) => ({ ...d, source: name(d) })) };
      expect(new Set(out.documents.map((d) => d.source))).toEqual(new Set(rows.map((r) => r.file)));
      writeFileSync(path.join(tmp, 'out.json'), JSON.stringify(out));
      const summary = execFileSync(
        process.execPath,
        [
          path.join(shared, 'eval/score.mjs'),
          '--gold',
          path.join(set, 'gold'),
          '--pred',
          path.join(tmp, 'out.json'),
          '--docs',
          rows.map((r) => r.file).join(','),
        ],
        { encoding: 'utf8' },
      );
      const s = parseSummary(summary);
      console.log(`development corpus: ${summary.trim().split('\n').at(-1)}`);
      expect(s.entityF1).toBeGreaterThanOrEqual(DEV_FLOORS.entityF1);
      expect(s.typedF1).toBeGreaterThanOrEqual(DEV_FLOORS.typedF1);
      expect(s.relationF1).toBeGreaterThanOrEqual(DEV_FLOORS.relationF1);
      expect(s.relationP).toBeGreaterThanOrEqual(DEV_FLOORS.relationP);
      expect(s.datesTotal).toBeGreaterThan(10);
      expect(s.datesRight / s.datesTotal).toBeGreaterThanOrEqual(DEV_FLOORS.dates);
    },
    180_000,
  );
});
