// Refresh semantics on the real pipeline (whatever extraction finds), the Run
// records and the writer lock.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { GraphStore } from '../../src/load/index.ts';
import { LOCK_ID, LockHeldError, listRuns } from '../../src/load/runs.ts';
import { removeDocuments, runPipeline } from '../../src/refresh/index.ts';
import { copySeeds, factSets, normalize, openStore, query, scratchDir, wipe } from './helpers.ts';

let store: GraphStore;
beforeAll(async () => {
  store = await openStore();
  await store.applySchema();
});
afterAll(async () => store?.close());
beforeEach(async () => wipe(store));

/** Everything but the Run records: what a no-op refresh must leave exactly as it was. */
async function snapshot() {
  return {
    graph: normalize(await store.readGraph()),
    counts: await store.counts(),
    documents: await query(store, 'MATCH (d:Document) RETURN properties(d) AS p ORDER BY d.id'),
    nodes: await query(store, 'MATCH (n) WHERE NOT n:Run RETURN count(n) AS n'),
    rels: await query(store, 'MATCH ()-[r]->() RETURN count(r) AS n'),
  };
}

/** The graph a full load of exactly these paths gives, in a wiped database. */
async function fullLoadFacts(paths: string[]) {
  await wipe(store);
  await runPipeline(store, { paths, mode: 'full' });
  return factSets(await store.readGraph());
}

const files = (dir: string) =>
  readdirSync(dir)
    .sort()
    .map((f) => path.join(dir, f));

describe('kg refresh', () => {
  it('loads new documents, then skips them all when nothing changed: no extraction, no writes but the Run record', async () => {
    const dir = copySeeds('refresh-unchanged');
    const first = await runPipeline(store, { paths: [dir], mode: 'refresh' });
    expect(first.run).toMatchObject({ new: 5, changed: 0, unchanged: 0, failed: 0, status: 'done' });
    expect(first.extracted).toBe(5);
    const before = await snapshot();

    const second = await runPipeline(store, { paths: [dir], mode: 'refresh' });
    expect(second.run).toMatchObject({ new: 0, changed: 0, unchanged: 5, failed: 0, status: 'done' });
    expect(second.extracted).toBe(0);
    expect(second.written).toEqual([]);
    expect(await snapshot()).toEqual(before);
    expect((await query<{ n: number }>(store, 'MATCH (r:Run) RETURN count(r) AS n'))[0].n).toBe(2);
  });

  it("replaces a changed document's facts and touches no other document", async () => {
    const dir = copySeeds('refresh-changed');
    await runPipeline(store, { paths: [dir], mode: 'refresh' });
    const before = await query<{ id: string; ingestedAt: string }>(store, 'MATCH (d:Document) RETURN d.id AS id, d.ingestedAt AS ingestedAt ORDER BY id');

    // One document loses its second half.
    const changed = files(dir)[4];
    const text = readFileSync(changed, 'utf8');
    writeFileSync(changed, text.slice(0, Math.floor(text.length / 2)));
    const r = await runPipeline(store, { paths: [dir], mode: 'refresh' });
    expect(r.run).toMatchObject({ new: 0, changed: 1, unchanged: 4, failed: 0 });
    expect(r.extracted).toBe(1);
    expect(r.written.map((w) => w.id)).toEqual([changed]);

    const after = await query<{ id: string; ingestedAt: string }>(store, 'MATCH (d:Document) RETURN d.id AS id, d.ingestedAt AS ingestedAt ORDER BY id');
    for (const [i, d] of after.entries()) {
      if (d.id === changed) expect(d.ingestedAt).not.toBe(before[i].ingestedAt);
      else expect(d).toEqual(before[i]);
    }
    // The same graph as a full load of the corpus as it is now: nothing stale left, nothing duplicated.
    const refreshed = factSets(await store.readGraph());
    expect(refreshed).toEqual(await fullLoadFacts([dir]));
  });

  it('counts a new document as new and leaves the others alone', async () => {
    const dir = copySeeds('refresh-new');
    const [first, ...rest] = files(dir);
    await runPipeline(store, { paths: rest, mode: 'refresh' });
    const r = await runPipeline(store, { paths: [dir], mode: 'refresh' });
    expect(r.run).toMatchObject({ new: 1, changed: 0, unchanged: 4 });
    expect(r.written.map((w) => w.id)).toEqual([first]);
    expect(factSets(await store.readGraph())).toEqual(await fullLoadFacts([dir]));
  });

  it('records an unreadable document as failed and loads the rest', async () => {
    const dir = copySeeds('refresh-failed');
    writeFileSync(path.join(dir, 'broken.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0, 7, 0, 0]));
    const r = await runPipeline(store, { paths: [dir], mode: 'refresh' });
    expect(r.run).toMatchObject({ new: 5, failed: 1, status: 'done' });
    expect(r.run.errors.join('\n')).toContain('broken.txt');
    const [run] = await listRuns(store, 1);
    expect(run).toMatchObject({ id: r.run.id, kind: 'refresh', status: 'done', new: 5, changed: 0, unchanged: 0, failed: 1 });
    expect(run.errors[0]).toContain('broken.txt');
    expect(Date.parse(run.endedAt!)).toBeGreaterThanOrEqual(Date.parse(run.startedAt));
  });
});

describe('kg remove', () => {
  it('retracts a document: its mentions and evidence go, and whatever only it supported', async () => {
    const dir = copySeeds('remove');
    const all = files(dir);
    await runPipeline(store, { paths: [dir], mode: 'full' });
    const res = await removeDocuments(store, [all[0], 'no/such/document.txt']);
    expect(res.removed).toEqual([all[0]]);
    expect(res.missing).toEqual(['no/such/document.txt']);
    const g = await store.readGraph();
    expect(g.documents.map((d) => d.id)).not.toContain(all[0]);
    expect(g.entities.flatMap((e) => e.mentions).some((m) => m.doc === all[0])).toBe(false);
    expect(g.relations.flatMap((r) => r.evidence).some((e) => e.doc === all[0])).toBe(false);
    // Exactly what loading the other four alone gives.
    expect(factSets(g)).toEqual(await fullLoadFacts(all.slice(1)));
  });
});

describe('the writer lock', () => {
  const setLock = (owner: string, expiresAt: number) =>
    store.write((tx) =>
      tx.run('MERGE (l:Lock {id: $id}) SET l.owner = $owner, l.expiresAt = $expiresAt, l.expiresAtIso = $iso', {
        id: LOCK_ID,
        owner,
        expiresAt,
        iso: new Date(expiresAt).toISOString(),
      }),
    );
  const dir = () => scratchDir('lock');

  it('refuses to run while another live writer holds it, writing nothing', async () => {
    await setLock('another-host:4242:token', Date.now() + 10 * 60_000);
    const err = await runPipeline(store, { paths: [dir()], mode: 'refresh' }).catch((e) => e);
    expect(err).toBeInstanceOf(LockHeldError);
    expect((err as Error).message).toMatch(/another writer holds the graph lock .*another-host:4242/);
    expect((await query<{ n: number }>(store, 'MATCH (r:Run) RETURN count(r) AS n'))[0].n).toBe(0);
  });

  it('takes over a lock whose holder stopped renewing it (expired)', async () => {
    await setLock('another-host:4242:token', Date.now() - 1);
    const r = await runPipeline(store, { paths: [dir()], mode: 'refresh' });
    expect(r.run.status).toBe('done');
  });

  it('takes over a lock left by a process of this host that no longer runs', async () => {
    await setLock(`${hostname()}:2147483646:token`, Date.now() + 10 * 60_000);
    const r = await runPipeline(store, { paths: [dir()], mode: 'refresh' });
    expect(r.run.status).toBe('done');
  });

  it('is released after a run', async () => {
    await runPipeline(store, { paths: [dir()], mode: 'refresh' });
    expect(await query(store, 'MATCH (l:Lock) RETURN l')).toEqual([]);
  });

  it('lets only one of two simultaneous refreshes run', async () => {
    const d = copySeeds('lock-race');
    // B starts once A holds the lock (A is reading); A writes only after B has given up.
    let b: Promise<unknown> | null = null;
    const a = runPipeline(store, {
      paths: [d],
      mode: 'refresh',
      onProgress: () => {
        b ??= runPipeline(store, { paths: [d], mode: 'refresh' }).then(
          () => 'ran',
          (e) => e,
        );
      },
      afterDocumentWritten: async () => {
        await b;
      },
    });
    const aResult = await a;
    expect(aResult.run.status).toBe('done');
    const bResult = await b;
    expect(bResult).toBeInstanceOf(LockHeldError);
  });
});
