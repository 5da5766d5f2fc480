// The baseline in a process of its own, so that it can be pinned to one CPU
// like bench/extract-one.ts: compromise's full parse, nlp(text).json(), of
// the cleaned documents. Warms on the first WARM of them (untimed), then
// prints {"seconds": s, "cpu": s} for one pass over all of them.
//   usage: node --import tsx bench/baseline-one.ts cleaned.json WARM
import { readFileSync } from 'node:fs';
import nlp from 'compromise';
import type { CleanDocument } from '../src/model/schemas.ts';

const docs = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as CleanDocument[];
const warm = Number(process.argv[3] ?? 20);
for (const d of docs.slice(0, warm)) nlp(d.text).json();
const cpu0 = process.cpuUsage();
const t0 = performance.now();
let sentences = 0;
for (const d of docs) sentences += (nlp(d.text).json() as unknown[]).length;
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
process.stdout.write(JSON.stringify({ seconds, cpu: (cpu.user + cpu.system) / 1e6, sentences }) + '\n');
