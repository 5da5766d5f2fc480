// Warnings (another language, a decoding fallback, no text left after
// cleaning) reach the run's summary, the Run node and each Document node, not
// only `kg clean`; and a document that fails names its real cause.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLines } from '../../src/cli/graph-session.ts';
import type { GraphStore } from '../../src/load/index.ts';
import { listRuns } from '../../src/load/runs.ts';
import { runPipeline, type RunSummary } from '../../src/refresh/index.ts';
import { ROOT } from './env.ts';
import { openStore, query, scratchDir, wipe } from './helpers.ts';

let store: GraphStore;
let dir: string;
let summary: RunSummary;

const GERMAN =
  'Die Bundesregierung und das britische Institut für KI-Sicherheit haben am Montag in Berlin eine Vereinbarung über die Zusammenarbeit bei der Prüfung von KI-Modellen unterzeichnet. Die Ministerin sagte, die Partnerschaft werde die Forschung beider Länder stärken und gemeinsame Standards für die Bewertung fortgeschrittener Systeme schaffen.\n';
const ENGLISH =
  'The UK AI Safety Institute and the US AI Safety Institute signed a memorandum of understanding in Washington on 1 April 2024 to work together on testing advanced AI models.\n';

beforeAll(async () => {
  store = await openStore();
  await store.applySchema();
  await wipe(store);
  dir = scratchDir('warnings');
  writeFileSync(path.join(ROOT, dir, 'a-english.txt'), ENGLISH);
  writeFileSync(path.join(ROOT, dir, 'b-german.txt'), GERMAN);
  // Mostly UTF-8, one stray windows-1252 byte.
  writeFileSync(
    path.join(ROOT, dir, 'c-stray-byte.txt'),
    Buffer.concat([
      Buffer.from('Herr Müller of the UK AI Safety Institute met the US AI Safety Institute in Washington'),
      Buffer.from([0x92]),
      Buffer.from('s office.\n'),
    ]),
  );
  writeFileSync(path.join(ROOT, dir, 'd-empty.html'), '<html><body><nav><a href="/">Home</a></nav><script>var x = 1;</script></body></html>');
  writeFileSync(path.join(ROOT, dir, 'e-binary.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 0, 4, 5, 6]));
  summary = await runPipeline(store, { paths: [dir], mode: 'full' });
});
afterAll(async () => store?.close());

const rel = (name: string) => path.join(dir, name);

describe('warnings of documents', () => {
  it('are in the run summary and on the Run node, naming each document', async () => {
    const expected = [
      expect.stringMatching(new RegExp(`^${rel('b-german.txt')}: language is de, not English`)),
      expect.stringMatching(new RegExp(`^${rel('c-stray-byte.txt')}: not valid UTF-8 in 1 place\\(s\\)`)),
      expect.stringMatching(new RegExp(`^${rel('d-empty.html')}: no text left after cleaning`)),
    ];
    expect(summary.run.warnings).toEqual(expected);
    const lines = runLines('kg run', summary);
    expect(lines.filter((l) => l.startsWith('  warning: '))).toEqual(summary.run.warnings.map((w) => `  warning: ${w}`));
    expect(lines).toContain(`  failed: ${rel('e-binary.txt')}: binary data (4 NUL bytes in the first 10 bytes), not a text document`);
    const [run] = await listRuns(store, 1);
    expect(run!.id).toBe(summary.run.id);
    expect(run!.warnings).toEqual(summary.run.warnings);
  });

  it('are on each Document node (and none on a document without)', async () => {
    const rows = await query<{ id: string; warnings: string[] | null }>(store, 'MATCH (d:Document) RETURN d.id AS id, d.warnings AS warnings ORDER BY id');
    expect(rows.map((r) => [r.id, r.warnings?.map((w) => w.split(':')[0]) ?? null])).toEqual([
      [rel('a-english.txt'), null],
      [rel('b-german.txt'), ['language is de, not English']],
      [rel('c-stray-byte.txt'), ['not valid UTF-8 in 1 place(s) (first at byte 87)']],
      [rel('d-empty.html'), ['no text left after cleaning']],
    ]);
    // A changed document that no longer has a warning loses it.
    writeFileSync(path.join(ROOT, dir, 'b-german.txt'), ENGLISH.replace('Washington', 'London'));
    await runPipeline(store, { paths: [rel('b-german.txt')], mode: 'refresh' });
    const [german] = await query<{ warnings: string[] | null }>(store, 'MATCH (d:Document {id: $id}) RETURN d.warnings AS warnings', {
      id: rel('b-german.txt'),
    });
    expect(german!.warnings).toBeNull();
  });

  it('are printed by kg extract, beside the failures', async () => {
    // A run with a failed document exits 2 unless told the failures are expected.
    const { stderr } = await promisify(execFile)(process.execPath, [path.join(ROOT, 'bin', 'kg.js'), 'extract', '--allow-failures', dir], {
      cwd: ROOT,
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(stderr).toContain(`kg extract: skipped ${rel('e-binary.txt')}: binary data`);
    expect(stderr).toContain(`kg extract: ${rel('c-stray-byte.txt')}: not valid UTF-8 in 1 place(s)`);
    expect(stderr).toContain(`kg extract: ${rel('d-empty.html')}: no text left after cleaning`);
  });
});
