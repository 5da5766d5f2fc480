// Neo4j Browser, for real: Debian's chromium (driven by playwright-core) opens
// the Browser that the test Neo4j serves, at the address `kg run` prints, and
// connects with the local password. The server alone does the rest (no `kg
// guide` process): on connect the Browser runs the server's post-connect
// commands, which load the project's style and play its guide from the
// server's own /browser/kg/PORT/. The test then runs the partnership network
// from the guide and checks the drawing (nodes, the relationships between
// them, captions, colours), the captions of agreements, documents, runs and
// the schema view, and a saved query's Table view. Screenshots stay in
// test-artifacts/browser/ (git-ignored).
//
// Needs /usr/bin/chromium (apt-get install chromium; CHROMIUM_PATH overrides).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { decisionRows, writeDecisionNodes } from '../../src/load/curation.ts';
import type { GraphStore } from '../../src/load/index.ts';
import { Decision } from '../../src/model/decisions.ts';
import { runPipeline } from '../../src/refresh/index.ts';
import { browserContentUrls } from '../../src/server/index.ts';
import { ROOT, testServerConfig } from './env.ts';
import { openStore, wipe } from './helpers.ts';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'browser');
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let store: GraphStore;
let context: BrowserContext;
let page: Page;
let userDataDir: string;

async function runCommand(command: string): Promise<void> {
  await page.locator('#monaco-main-editor').click();
  await page.keyboard.type(command);
  await page.locator('[data-testid="editor-Run"]').click();
}

/** The newest result frame of a command that starts with `start`. */
const frameOf = (start: string): Locator =>
  page.locator('[data-testid="frame"]', { has: page.locator('[data-testid="frameCommand"]', { hasText: start }) }).first();

/** Each drawn node's caption: its text lines joined by spaces. */
const captionsOf = (frame: Locator) =>
  frame.locator('svg g.node').evaluateAll((els) =>
    els.map((e) =>
      [...e.querySelectorAll('text')]
        .map((t) => (t.textContent ?? '').trim())
        .filter(Boolean)
        .join(' '),
    ),
  );

/** Runs a query and waits until it has drawn at least `min` nodes; returns their captions. */
async function draw(cypher: string, min: number): Promise<{ frame: Locator; captions: string[] }> {
  await runCommand(cypher);
  const frame = frameOf(cypher.slice(0, 40));
  await expect.poll(() => frame.locator('svg g.node').count(), { timeout: 60_000 }).toBeGreaterThanOrEqual(min);
  return { frame, captions: await captionsOf(frame) };
}

beforeAll(async () => {
  store = await openStore();
  await wipe(store);
  await runPipeline(store, { paths: ['seeds'], mode: 'full' });
  mkdirSync(ARTIFACTS, { recursive: true });
  userDataDir = mkdtempSync(path.join(os.tmpdir(), 'kg-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1400, height: 1000 },
  });
  context.setDefaultTimeout(60_000);
  page = context.pages()[0] ?? (await context.newPage());
});

afterAll(async () => {
  await context?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  await store?.close();
});

describe('Neo4j Browser', () => {
  it('connects at the printed address and gets the style and guide from the server itself, with no usage banner', async () => {
    const conn = inject('neo4j');
    if (!conn.browserUrl || conn.password === null) throw new Error('the browser test needs the local test Neo4j (not KG_TEST_NEO4J_URI)');

    // The address the run summary prints: connect form with URL and user filled in.
    await page.goto(conn.browserUrl);
    const password = page.locator('input[data-testid="password"]');
    await password.waitFor();
    expect(await page.inputValue('input[data-testid="username"]')).toBe(conn.user);
    expect(await page.inputValue('input[data-testid="boltaddress"]')).toContain(new URL(conn.uri.replace(/^bolt/, 'http')).port);
    await password.fill(conn.password);
    await page.locator('button[data-testid="connect"]').click();

    // browser.post_connect_cmd: the style and the guide, from the server's own address.
    const urls = browserContentUrls(testServerConfig().httpPort);
    const commands = () => page.locator('[data-testid="frameCommand"]').allInnerTexts();
    await expect.poll(commands, { timeout: 90_000 }).toEqual(expect.arrayContaining([`:style ${urls.style}`, `:play ${urls.guide}`]));
    const carousel = page.locator('[data-testid="carousel"]');
    await expect
      .poll(
        async () =>
          carousel
            .textContent()
            .then((t) => t ?? '')
            .catch(() => ''),
        { timeout: 60_000 },
      )
      .toContain('The AI-governance knowledge graph');
    expect(await frameOf(':style').textContent()).toContain('node.Institute');
    // client.allow_telemetry=false: the Browser shows no usage-collection banner.
    expect(await page.getByText('we collect information on product usage').count()).toBe(0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'connected.png') });
  });

  it('runs the partnership network from the guide and draws it connected, captioned and coloured', async () => {
    const carousel = page.locator('[data-testid="carousel"]');
    await carousel.locator('[data-testid="nextSlide"]').click();
    const block = carousel.locator('.kg-query[data-query="partnership-network"]');
    await block.waitFor();

    // Set the parameters, then run the query (the ▶ icon runs a block).
    await block.locator('pre.runnable', { hasText: ':params' }).locator('i.fa-play-circle-o').click();
    await expect.poll(async () => (await page.locator('[data-testid="frame"]').allInnerTexts()).join('\n')).toContain('"Korea AI Safety Institute"');
    await block.locator('pre.runnable', { hasText: 'MATCH (center:Entity)' }).locator('i.fa-play-circle-o').click();

    // One SVG node per entity, captioned by name, and the relationships the query returns between them.
    const frame = frameOf('MATCH (center:Entity)');
    await expect.poll(() => frame.locator('svg g.node').count(), { timeout: 60_000 }).toBeGreaterThanOrEqual(3);
    const text = (await captionsOf(frame)).join(' ');
    expect(text).toContain('OpenAI');
    expect(text).toContain('Korea');
    expect(await frame.locator('svg g.relationship').count()).toBeGreaterThanOrEqual(2);
    // The grass file's colour for :Institute nodes.
    const fills = await frame.locator('svg g.node circle.b-outline').evaluateAll((els) => els.map((e) => e.getAttribute('fill')));
    expect(fills.map((f) => (f ?? '').toUpperCase())).toContain('#D9534F');

    await page.waitForTimeout(1500); // let the force layout settle for the picture (not an assertion)
    await frame.screenshot({ path: path.join(ARTIFACTS, 'partnership-network-frame.png') });
  });

  it('captions tell agreements apart, documents by title, runs by kind and status', async () => {
    // Two agreements whose names both begin "OpenAI–": each caption shows the rest of its name.
    const agreements = await draw("MATCH (a:Agreement)<-[:SIGNED]-(:Entity {name: 'OpenAI'}) WHERE a.name STARTS WITH 'OpenAI' RETURN a", 2);
    expect(agreements.captions).toHaveLength(2);
    expect(new Set(agreements.captions).size).toBe(2);
    expect(agreements.captions.some((c) => c.includes('K-AISI'))).toBe(true);
    expect(agreements.captions.some((c) => c.includes('Ministry'))).toBe(true);
    await agreements.frame.screenshot({ path: path.join(ARTIFACTS, 'agreements-frame.png') });

    const documents = await draw("MATCH (d:Document) WHERE d.title STARTS WITH 'Korea AI Safety Institute' RETURN d", 1);
    expect(documents.captions[0]).toMatch(/^Korea AI Safety Institute/);

    const runs = await draw('MATCH (r:Run) RETURN r', 1);
    expect(
      runs.captions.some((c) => /^full done 20\d\d-/.test(c)),
      runs.captions.join(' | '),
    ).toBe(true);
    const runFills = await runs.frame.locator('svg g.node circle.b-outline').evaluateAll((els) => els.map((e) => e.getAttribute('fill')));
    expect(runFills.every((f) => (f ?? '').toUpperCase() !== '#FFFFFF')).toBe(true);
  });

  it('shows the schema with every label captioned by its name', async () => {
    const schema = await draw('CALL db.schema.visualization()', 10);
    for (const label of ['Entity', 'Institute', 'Company', 'Country', 'Summit', 'Document', 'Run']) {
      expect(
        schema.captions.some((c) => c === label || c.startsWith(`${label} `) || c.startsWith(label.slice(0, 6))),
        label,
      ).toBe(true);
    }
    // No blank node and no internal id (a negative number) as a caption.
    expect(schema.captions.filter((c) => c === '' || /^-?\d+$/.test(c))).toEqual([]);
    await schema.frame.screenshot({ path: path.join(ARTIFACTS, 'schema-frame.png') });

    // The guide's picture of the types alone (APOC): the eleven types and Document, no :Entity or bookkeeping label.
    const types = await draw("CALL apoc.meta.subGraph({excludes: ['Entity', 'Run', 'Lock', 'Decision']})", 12);
    // Long names are cut to the circle ("Organiza…"): each caption is the start of one type's name, each type once.
    const names = [
      'AIModel',
      'Agreement',
      'Company',
      'Country',
      'Document',
      'GovernmentBody',
      'Institute',
      'Location',
      'Organization',
      'Person',
      'Policy',
      'Summit',
    ];
    const named = types.captions.map((c) => names.find((n) => c.length > 0 && n.startsWith(c.replace(/…$/, ''))));
    expect(named.sort()).toEqual([...names].sort());
    await types.frame.screenshot({ path: path.join(ARTIFACTS, 'schema-types-frame.png') });
  });

  it("captions an analyst's decision by kind, status and author", async () => {
    const confirm = Decision.parse({
      kind: 'confirm',
      fact: { type: 'PARTNERED_WITH', source: 'company/openai', target: 'institute/korea-aisi' },
      id: 'd-browser-1',
      at: '2026-11-28T10:00:00.000Z',
      by: 'Ana',
      why: null,
    });
    await writeDecisionNodes(store, decisionRows([confirm]));
    const drawn = await draw("MATCH p = (:Decision {id: 'd-browser-1'})-[:ABOUT]->() RETURN p", 3);
    expect(drawn.captions).toContain('confirm active Ana');
    expect(drawn.captions).toEqual(expect.arrayContaining(['OpenAI', 'Korea AI Safety Institute']));
    await drawn.frame.screenshot({ path: path.join(ARTIFACTS, 'decision-frame.png') });
  });

  it('shows a saved query as a table of names and sentences', async () => {
    const carousel = page.locator('[data-testid="carousel"]');
    await carousel.locator('[data-testid="nextSlide"]').click();
    const block = carousel.locator('.kg-query[data-query="agreements-signed"]');
    await block.waitFor();
    await block.locator('pre.runnable', { hasText: ':params' }).locator('i.fa-play-circle-o').click();
    await block.locator('pre.runnable', { hasText: 'MATCH (party:Entity)' }).locator('i.fa-play-circle-o').click();

    // No nodes in the result: the Browser opens it as a table.
    const frame = frameOf('MATCH (party:Entity)');
    const table = frame.locator('table.relatable__table');
    await table.waitFor({ timeout: 60_000 });
    const headers = await table.locator('th[role="columnheader"]').allInnerTexts();
    expect(headers).toEqual(expect.arrayContaining(['party', 'agreement', 'date', 'otherSignatories', 'evidence', 'documents']));
    const column = async (name: string) => {
      const i = headers.indexOf(name);
      return table.locator('tbody tr').evaluateAll((rows, i) => rows.map((r) => r.querySelectorAll('td[role="cell"]')[i]?.textContent ?? ''), i);
    };
    expect(new Set(await column('party'))).toEqual(new Set(['"OpenAI"']));
    expect((await column('agreement')).some((c) => c.includes('memorandum of understanding'))).toBe(true);
    expect((await column('evidence')).every((c) => /^".+"$/.test(c))).toBe(true);
    // Plain values, not nodes shown as JSON maps.
    const cells = await table.locator('td[role="cell"]').allInnerTexts();
    expect(cells.filter((c) => c.includes('"identity"') || c.includes('"elementId"') || c.includes('"labels"'))).toEqual([]);
    await frame.screenshot({ path: path.join(ARTIFACTS, 'agreements-table-frame.png') });
  });
});
