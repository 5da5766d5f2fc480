// The retry window after Neo4j goes away is what the message says: no
// attempt starts later than the window after the first failure (the driver's
// own backoff gave up after 31 to 56 s for "30 s").
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { GraphStore, Neo4jUnavailableError } from '../src/load/index.ts';

/** A port nothing listens on (taken, then freed). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

describe('retrying a unit of work against a server that is gone', () => {
  it('gives up when the window it names has passed, not a backoff step later', async () => {
    const port = await closedPort();
    const store = new GraphStore({ uri: `bolt://127.0.0.1:${port}`, user: 'neo4j', password: 'x', database: undefined, local: false } as never, {
      maxRetryTimeMs: 4000,
    });
    try {
      const t0 = Date.now();
      const err = await store.write((tx) => tx.run('RETURN 1')).catch((e: unknown) => e);
      const elapsed = Date.now() - t0;
      expect(err).toBeInstanceOf(Neo4jUnavailableError);
      expect((err as Error).message).toMatch(/gave up after retrying for 4 s/);
      // With the driver's backoff (1, 2, 4 s, +/- 20%) the last attempt came a second or more after the window.
      expect(elapsed).toBeGreaterThanOrEqual(4000);
      expect(elapsed).toBeLessThan(4600);
    } finally {
      await store.close();
    }
  });
});
