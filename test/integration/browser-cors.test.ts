// Other web pages cannot read the local graph, for real, in Chromium: a page
// served from another local origin (as any page the analyst opens could be)
// asks the test Neo4j's HTTP API for the graph, even with the right password,
// and gets nothing it can read, while a page of the Browser's own origin
// (http://localhost:HTTP_PORT) reads the answer. The server reaches both: the
// other page's request goes out (an opaque no-cors response comes back), only
// CORS keeps the answer from it. test/integration/server.test.ts checks the
// headers themselves.
//
// Needs /usr/bin/chromium (apt-get install chromium; CHROMIUM_PATH overrides).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { testServerConfig } from './env.ts';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let browser: Browser;
let other: Server;
let otherOrigin: string;

beforeAll(async () => {
  // The other origin: a plain page on another local port.
  other = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!DOCTYPE html><html><head><title>another site</title></head><body>hello</body></html>');
  });
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  otherOrigin = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (other ? other.close(() => resolve()) : resolve()));
});

interface Answer {
  read: boolean;
  status?: number;
  body?: string;
  error?: string;
}

/** In the page: POST a Cypher statement to the Query API with Basic auth, and say whether the answer could be read. */
function askFrom(page: Page, url: string, password: string): Promise<Answer> {
  return page.evaluate(
    async ({ url, password }) => {
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers: { authorization: `Basic ${btoa(`neo4j:${password}`)}`, 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify({ statement: 'RETURN 40 + 2 AS answer' }),
        });
        return { read: true, status: res.status, body: await res.text() };
      } catch (err) {
        return { read: false, error: String(err) };
      }
    },
    { url, password },
  );
}

describe('the local Neo4j seen from web pages', () => {
  it('a page of another origin cannot read its HTTP API, even with the password; the Browser origin can', async () => {
    const conn = inject('neo4j');
    if (conn.password === null) throw new Error('the cross-origin test needs the local test Neo4j (not KG_TEST_NEO4J_URI)');
    const own = `http://localhost:${testServerConfig().httpPort}`;
    const api = `${own}/db/neo4j/query/v2`;

    const page = await browser.newPage();
    await page.goto(`${otherOrigin}/`);
    expect(new URL(page.url()).origin).toBe(otherOrigin);
    const refused = await askFrom(page, api, conn.password);
    expect(refused).toEqual({ read: false, error: expect.stringMatching(/Failed to fetch/) });
    // The server is reachable from that page: without CORS a request still goes out, and its answer stays opaque.
    const opaque = await page.evaluate(async (url) => {
      const res = await fetch(url, { mode: 'no-cors' });
      return { type: res.type, status: res.status, body: await res.text() };
    }, `${own}/`);
    expect(opaque).toEqual({ type: 'opaque', status: 0, body: '' });

    // The Browser's own origin (where `kg run` sends the analyst) reads the answer.
    await page.goto(`${own}/`);
    const allowed = await askFrom(page, api, conn.password);
    expect(allowed.read).toBe(true);
    expect(allowed.status).toBeLessThan(300);
    expect(JSON.parse(allowed.body!)).toMatchObject({ data: { fields: ['answer'], values: [[42]] } });
    await page.close();
  });
});
