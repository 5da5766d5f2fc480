// Neo4j Browser, for real: Debian's chromium (driven by playwright-core) opens
// the Browser that the test Neo4j serves, at the address `kg run` prints,
// connects with the documented local password, loads the project's style and
// guide from `kg guide`'s server, runs the partnership-network query from the
// guide and checks that the graph is drawn. The screenshot stays in
// test-artifacts/browser/ (git-ignored).
//
// Needs /usr/bin/chromium (apt-get install chromium; CHROMIUM_PATH overrides).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { GraphStore } from '../../src/load/index.ts';
import { startGuideServer, type GuideServer } from '../../src/queries/guide.ts';
import { runPipeline } from '../../src/refresh/index.ts';
import { ROOT } from './env.ts';
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
let guide: GuideServer;
let context: BrowserContext;
let page: Page;
let userDataDir: string;

async function runCommand(command: string): Promise<void> {
  await page.locator('#monaco-main-editor').click();
  await page.keyboard.type(command);
  await page.locator('[data-testid="editor-Run"]').click();
}

beforeAll(async () => {
  store = await openStore();
  await wipe(store);
  await runPipeline(store, { paths: ['seeds'], mode: 'full' });
  guide = await startGuideServer(0);
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
  await guide?.close();
  await store?.close();
});

describe('Neo4j Browser', () => {
  it('connects at the printed address, loads style and guide, and draws a saved query', async () => {
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
    await expect
      .poll(async () => (await page.locator('[data-testid="frame"]').allInnerTexts()).join('\n'), { timeout: 60_000 })
      .toContain('You are connected as user');

    // Style and guide, served by `kg guide`.
    await runCommand(`:style ${guide.urls.style}`);
    await runCommand(`:play ${guide.urls.guide}`);
    const carousel = page.locator('[data-testid="carousel"]');
    // biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator.innerText, not the DOM property: the guide's text as the analyst sees it rendered.
    await expect.poll(async () => carousel.innerText().catch(() => ''), { timeout: 60_000 }).toContain('The AI-governance knowledge graph');
    await carousel.locator('[data-testid="nextSlide"]').click();
    const block = carousel.locator('.kg-query[data-query="partnership-network"]');
    await block.waitFor();

    // Set the parameters, then run the query (the ▶ icon runs a block).
    await block.locator('pre.runnable', { hasText: ':params' }).locator('i.fa-play-circle-o').click();
    await expect.poll(async () => (await page.locator('[data-testid="frame"]').allInnerTexts()).join('\n')).toContain('"Korea AI Safety Institute"');
    await block.locator('pre.runnable', { hasText: 'MATCH (center:Entity)' }).locator('i.fa-play-circle-o').click();

    // The result frame draws the network: one SVG node per entity, captions by name.
    const frame = page.locator('[data-testid="frame"]', { has: page.locator('[data-testid="frameCommand"]', { hasText: 'MATCH (center:Entity)' }) }).first();
    const nodes = frame.locator('svg g.node');
    await expect.poll(() => nodes.count(), { timeout: 60_000 }).toBeGreaterThanOrEqual(3);
    const captions = await frame.locator('svg g.node text').allTextContents();
    const text = captions.join(' ');
    expect(text).toContain('OpenAI');
    expect(text).toContain('Korea');
    // The grass file's colour for :Institute nodes.
    const fills = await frame.locator('svg g.node circle.b-outline').evaluateAll((els) => els.map((e) => e.getAttribute('fill')));
    expect(fills.map((f) => (f ?? '').toUpperCase())).toContain('#D9534F');

    await page.waitForTimeout(1500); // let the force layout settle for the picture (not an assertion)
    await page.screenshot({ path: path.join(ARTIFACTS, 'partnership-network.png') });
    await frame.screenshot({ path: path.join(ARTIFACTS, 'partnership-network-frame.png') });
  });
});
