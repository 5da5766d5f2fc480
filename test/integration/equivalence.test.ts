// The graph after any sequence of runs, interruptions and refreshes over the
// same documents is the graph of one clean load of them: entities (names,
// aliases, dates), MENTIONS, relationships and their evidence. Compared as a
// canonical dump of the whole graph read back (normalize(readGraph())).
import { spawn } from 'node:child_process';
import { cpSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphStore } from '../../src/load/index.ts';
import { extractPaths } from '../../src/pipeline/index.ts';
import { removeDocuments, runPipeline } from '../../src/refresh/index.ts';
import { resolveGraph } from '../../src/resolve/index.ts';
import { runningPid, startServer, stopServer, type Connection } from '../../src/server/index.ts';
import { external, ROOT, testServerConfig } from './env.ts';
import { normalize, openStore, scratchDir, wipe } from './helpers.ts';

const PEOPLE = ['Alan White', 'Kelli White', 'Janet Jackson', 'Michael Jackson', 'Maria Lopez', 'Daniel Lopez'];
const ORGS = [
  ['Andean AI Safety Network', 'AASN'],
  ['Baltic Frontier AI Council', 'BFAC'],
  ['Pacific Model Evaluation Alliance', 'PMEA'],
];
const SUMMITS = ['AI Seoul Summit', 'AI Action Summit', 'Bletchley Park AI Safety Summit'];

/**
 * The sample documents and twelve of our own: namesakes sharing a surname
 * (each also called by it), bodies with acronyms, known summits. Returns the
 * directory and its files.
 */
function corpus(name: string): { dir: string; files: string[] } {
  const dir = scratchDir(name);
  cpSync(path.join(ROOT, 'seeds'), dir, { recursive: true });
  for (let i = 0; i < 12; i++) {
    const person = PEOPLE[i % PEOPLE.length]!;
    const [org, acronym] = ORGS[i % ORGS.length]!;
    writeFileSync(
      path.join(dir, `people-${String(i).padStart(2, '0')}.txt`),
      `${person}, director of the ${org} (${acronym}), attended the ${SUMMITS[i % SUMMITS.length]} in May 2024.\n\n` +
        `${person.split(' ')[1]} said the ${acronym} would sign the Seoul Declaration. The ${acronym} partnered with the UK AI Safety Institute in 202${i % 4}.\n`,
    );
  }
  // A body the first document names, that the last one also calls "OCC",
  // and another body that calls itself "OCC" in between.
  writeFileSync(path.join(dir, '0-consortium.txt'), 'The Orinoco Compute Consortium signed the Seoul Declaration in May 2024.\n');
  writeFileSync(path.join(dir, 'm-council.txt'), 'The Orinoco Climate Council (OCC) attended the AI Seoul Summit.\n');
  writeFileSync(path.join(dir, 'zz-consortium.txt'), 'The Orinoco Compute Consortium (OCC) attended the AI Action Summit.\n');
  return {
    dir,
    files: readdirSync(dir)
      .sort()
      .map((f) => path.join(dir, f)),
  };
}

const dump = async (store: GraphStore) => normalize(await store.readGraph());

/** Each entity's aliases in a graph interrupted mid-run, and those a clean load of just its documents gives. */
async function aliasesOfWritten(store: GraphStore) {
  const partial = await dump(store);
  const run = await extractPaths(
    partial.documents.map((d) => d.id),
    { workers: 0 },
  );
  const expected = resolveGraph(run.extractions);
  const aliases = (g: { entities: Array<{ id: string; aliases: string[] }> }) => Object.fromEntries(g.entities.map((e) => [e.id, [...e.aliases].sort()]));
  return { got: aliases(partial), expected: aliases(expected), documents: partial.documents.length };
}

describe('equivalence with one clean load', () => {
  let store: GraphStore;
  let clean: Awaited<ReturnType<typeof dump>>;
  const { dir, files } = corpus('equivalence');

  beforeAll(async () => {
    store = await openStore();
    await store.applySchema();
    await wipe(store);
    await runPipeline(store, { paths: [dir], mode: 'full', workers: 0 });
    clean = await dump(store);
  });
  afterAll(async () => {
    await store.close();
  });

  it('the clean load keeps namesakes apart (the premise)', () => {
    const people = clean.entities.filter((e) => e.type === 'Person' && PEOPLE.includes(e.name));
    expect(people.map((e) => e.name).sort()).toEqual([...PEOPLE].sort());
    expect(people.every((e) => e.aliases.length === 1)).toBe(true);
    const orgs = clean.entities.filter((e) => e.name.startsWith('Orinoco'));
    expect(orgs.map((e) => [e.name, e.aliases])).toEqual([
      ['Orinoco Climate Council', ['OCC']],
      ['Orinoco Compute Consortium', ['OCC']],
    ]);
  });

  it('a load in two steps, and in three, gives the same graph', async () => {
    for (const cuts of [[9], [4, 13]]) {
      await wipe(store);
      const bounds = [0, ...cuts, files.length];
      for (let i = 0; i + 1 < bounds.length; i++) {
        await runPipeline(store, { paths: files.slice(bounds[i], bounds[i + 1]), mode: 'refresh', workers: 0 });
      }
      expect(await dump(store)).toEqual(clean);
    }
  });

  it('a load in batches of two documents gives the same graph', async () => {
    await wipe(store);
    await runPipeline(store, { paths: [dir], mode: 'full', workers: 0, batch: { maxDocs: 2 } });
    expect(await dump(store)).toEqual(clean);
  });

  it('a run streaming its documents in chunks of three (read, extract, resolve, write each) gives the same graph', async () => {
    await wipe(store);
    const plans: number[] = [];
    let holding = 0;
    let most = 0;
    const r = await runPipeline(store, {
      paths: [dir],
      mode: 'full',
      workers: 0,
      chunkDocs: 3,
      onProgress: (e) => {
        // Documents read but not yet written: never more than a chunk.
        if (e.phase === 'read' && e.ok) most = Math.max(most, ++holding);
        if (e.phase === 'write' || e.phase === 'copy') holding--;
        if (e.phase === 'plan') plans.push(e.total);
      },
    });
    expect(plans).toEqual([...Array(Math.floor(files.length / 3)).fill(3), ...(files.length % 3 ? [files.length % 3] : [])]);
    expect(most).toBe(3);
    expect(r.run.new).toBe(files.length);
    expect(r.extracted).toBe(files.length - (r.run.duplicates ?? 0)); // syndicated copies are linked, not extracted
    expect(await dump(store)).toEqual(clean);
  });

  it('documents removed take their aliases with them: the graph is a clean load of the others', async () => {
    const gone = files.filter((f) => /people-0[01]\.txt$|zz-consortium/.test(f)); // Alan White, Kelli White, the consortium's OCC
    await wipe(store);
    await runPipeline(store, { paths: files.filter((f) => !gone.includes(f)), mode: 'full', workers: 0 });
    const without = await dump(store);
    await wipe(store);
    await runPipeline(store, { paths: [dir], mode: 'full', workers: 0 });
    await removeDocuments(store, gone);
    expect(await dump(store)).toEqual(without);
    await runPipeline(store, { paths: [dir], mode: 'refresh', workers: 0 });
    expect(await dump(store)).toEqual(clean);
  });

  it('a changed document that no longer calls an entity by a name takes that alias away', async () => {
    const changing = files.find((f) => f.endsWith('people-00.txt'))!;
    const original = (await import('node:fs')).readFileSync(changing, 'utf8');
    try {
      writeFileSync(
        changing,
        original.replace('Alan White, director of the Andean AI Safety Network (AASN)', 'Alan White, director of the Andean AI Safety Network (AAISN)'),
      );
      await wipe(store);
      await runPipeline(store, { paths: [dir], mode: 'full', workers: 0 });
      const changed = await dump(store);
      // The premise: the change gave names.
      expect(changed.entities.find((e) => e.id === 'org/andean-ai-safety-network')!.aliases).toContain('AAISN');
    } finally {
      writeFileSync(changing, original);
    }
    await runPipeline(store, { paths: [dir], mode: 'refresh', workers: 0 });
    expect(await dump(store)).toEqual(clean);
  });

  it('Ctrl-C of a run after its first batch, then a refresh, gives the same graph', async () => {
    await wipe(store);
    // A run as `kg run` makes it, in its own process, interrupted by SIGINT
    // (kg run has no handler of its own: the default, exit at once) once its
    // first batch of two documents has committed.
    const script = `
      import { GraphStore } from './src/load/index.ts';
      import { runPipeline } from './src/refresh/index.ts';
      const store = await GraphStore.open(JSON.parse(process.env.KG_TEST_CONNECTION));
      await runPipeline(store, { paths: [process.env.KG_TEST_DIR], mode: 'full', workers: 0, batch: { maxDocs: 2 },
        afterBatchWritten: async () => { process.stdout.write('batch\\n'); await new Promise((r) => setTimeout(r, 300)); } });
      process.stdout.write('finished\\n');`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: ROOT,
      env: { ...process.env, KG_TEST_CONNECTION: JSON.stringify(store.connection), KG_TEST_DIR: dir },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('batch')) child.kill('SIGINT');
    });
    expect(await exited).toBe('SIGINT');
    expect(out).not.toContain('finished');
    // What was written carries only the names its own documents gave.
    const partial = await aliasesOfWritten(store);
    expect(partial.documents).toBeGreaterThan(0);
    expect(partial.documents).toBeLessThan(files.length);
    expect(partial.got).toEqual(partial.expected);

    await runPipeline(store, { paths: [dir], mode: 'refresh', workers: 0 });
    expect(await dump(store)).toEqual(clean);
  });
});

describe.skipIf(external())('equivalence after kill -9 of Neo4j mid-run', () => {
  const cfg = testServerConfig(2);
  let conn: Connection;
  beforeAll(async () => {
    conn = (await startServer(cfg)).connection;
  });
  afterAll(async () => {
    await stopServer(cfg);
  });

  // A server restarted after kill -9 recovers and warms up slowly on a busy machine.
  it('the rerun after the crash gives the graph of one clean load', { timeout: 600_000 }, async () => {
    const { dir } = corpus('equivalence-crash');
    let store = await GraphStore.open(conn, { maxRetryTimeMs: 2000 });
    await store.applySchema();
    await wipe(store);
    await runPipeline(store, { paths: [dir], mode: 'full', workers: 0 });
    const clean = await dump(store);
    await wipe(store);

    const t = Date.now();
    const log = (m: string) => console.log(`${((Date.now() - t) / 1000).toFixed(1)} s ${m}`);
    let batches = 0;
    const err = await runPipeline(store, {
      paths: [dir],
      mode: 'full',
      workers: 0,
      batch: { maxDocs: 3 },
      afterBatchWritten: () => {
        if (++batches === 2) process.kill(runningPid(cfg)!, 'SIGKILL');
      },
    }).catch((e: unknown) => e);
    log(`run failed: ${(err as Error).message}`);
    await store.close();
    expect(err).toBeInstanceOf(Error);

    await startServer(cfg);
    log('restarted');
    store = await GraphStore.open(conn);
    try {
      const partial = await aliasesOfWritten(store);
      expect(partial.documents).toBe(6); // two batches of three survived the crash
      expect(partial.got).toEqual(partial.expected); // with only the names their documents gave
      await runPipeline(store, { paths: [dir], mode: 'refresh', workers: 0 });
      expect(await dump(store)).toEqual(clean);
      await runPipeline(store, { paths: [dir], mode: 'full', workers: 0 });
      expect(await dump(store)).toEqual(clean);
    } finally {
      await store.close();
    }
  });
});
