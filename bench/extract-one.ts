// One timed pass of extraction in this thread, in a process of its own so its
// per-word caches start as cold as a `kg extract --workers 0` run's: loads the
// cleaned documents (JSON), warms on the first WARM of them (untimed, like the
// pool's threads), then times extractDocument over all of them and prints
// {"seconds": s, "cpu": s}. Run by bench/extract.ts, possibly pinned to one CPU.
//   usage: node --import tsx bench/extract-one.ts cleaned.json WARM
import { readFileSync } from 'node:fs';
import { extractDocument } from '../src/extract/index.ts';
import type { CleanDocument } from '../src/model/schemas.ts';

const docs = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as CleanDocument[];
const warm = Number(process.argv[3] ?? 20);
for (const d of docs.slice(0, warm)) extractDocument(d);
const cpu0 = process.cpuUsage();
const t0 = performance.now();
let entities = 0;
for (const d of docs) entities += extractDocument(d).entities.length;
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
process.stdout.write(JSON.stringify({ seconds, cpu: (cpu.user + cpu.system) / 1e6, entities }) + '\n');
