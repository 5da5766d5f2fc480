// Serves the Neo4j Browser guide (graph/guide/*.html), the Browser style
// (graph/browser-style.grass) and the saved queries on a localhost port, so
// that Neo4j Browser can load them:
//
//   :play http://localhost:7480/guide.html
//   :style http://localhost:7480/browser-style.grass
//
// Neo4j Browser fetches remote guides and styles from the page itself, so
// every answer carries CORS headers (and OPTIONS preflights are answered: the
// Browser sends pragma / cache-control headers). Its default
// browser.remote_content_hostname_allowlist ("guides.neo4j.com,localhost")
// admits http://localhost:PORT, so no server setting is needed — the address
// must say "localhost", not 127.0.0.1.
//
// Guide pages may contain {{query:NAME}}: it becomes the query's title,
// description, a clickable `:params {...}` block with its defaults and a
// clickable block with its Cypher (graph/queries/NAME.cypher), so the guide
// always shows the queries as saved. {{guide-url}} and {{style-url}} become
// this server's addresses.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { browserParamsCommand, loadQuery, listQueries, QUERIES_DIR } from './index.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const GUIDE_DIR = path.join(ROOT, 'graph', 'guide');
export const STYLE_FILE = path.join(ROOT, 'graph', 'browser-style.grass');
export const DEFAULT_GUIDE_PORT = 7480;

export function guidePort(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.KG_GUIDE_PORT;
  if (raw === undefined || raw === '') return DEFAULT_GUIDE_PORT;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`KG_GUIDE_PORT must be a TCP port, got "${raw}"`);
  return n;
}

export const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The HTML that {{query:NAME}} stands for. */
export function queryBlock(name: string): string {
  const q = loadQuery(name);
  const params = q.params.length
    ? `<p>Parameters (edit them in the <code>:params</code> line before running it):</p>
<ul>${q.params.map((p) => `<li><code>$${escapeHtml(p.name)}</code> (${p.type}, default <code>${escapeHtml(JSON.stringify(p.default))}</code>): ${escapeHtml(p.description)}</li>`).join('')}</ul>
<p>1. Set the parameters (click the block to copy it to the editor, or its ▶ icon to run it):</p>
<pre class="code runnable">${escapeHtml(browserParamsCommand(q))}</pre>
<p>2. Run the query:</p>`
    : '<p>Run the query:</p>';
  return `<div class="kg-query" data-query="${escapeHtml(q.name)}">
<h4>${escapeHtml(q.title)}</h4>
${q.description
  .split('\n\n')
  .map((p) => `<p>${escapeHtml(p)}</p>`)
  .join('\n')}
${params}
<pre class="code runnable pre-scrollable">${escapeHtml(q.cypher)}</pre>
<p>In a terminal: <code>kg query ${escapeHtml(q.name)}${q.params.map((p) => ` --param ${escapeHtml(p.name)}=...`).join('')}</code></p>
</div>`;
}

export interface GuideUrls {
  base: string;
  guide: string;
  style: string;
}

export function guideUrls(port: number): GuideUrls {
  const base = `http://localhost:${port}`;
  return { base, guide: `${base}/guide.html`, style: `${base}/browser-style.grass` };
}

/** A guide page with its placeholders filled in. */
export function renderGuide(file: string, urls: GuideUrls): string {
  const html = readFileSync(file, 'utf8');
  return html
    .replace(/\{\{query:([a-z0-9-]+)\}\}/g, (_m, name: string) => queryBlock(name))
    .replace(/\{\{guide-url\}\}/g, urls.guide)
    .replace(/\{\{style-url\}\}/g, urls.style)
    .replace(
      /\{\{query-list\}\}/g,
      () =>
        `<ul>${listQueries()
          .map((q) => `<li><code>${escapeHtml(q.name)}</code>: ${escapeHtml(q.title)}</li>`)
          .join('')}</ul>`,
    );
}

/**
 * Writes the style and every guide page, rendered for these addresses, into
 * dir: what the local Neo4j serves itself at /browser/kg/ (src/server). Each
 * file is replaced whole (written aside, then renamed), so a server reading
 * it meanwhile never sees half a page. Returns the file names.
 */
export function writeBrowserContent(dir: string, urls: GuideUrls): string[] {
  mkdirSync(dir, { recursive: true });
  const files: Array<[string, string]> = [['browser-style.grass', readFileSync(STYLE_FILE, 'utf8')]];
  for (const page of readdirSync(GUIDE_DIR)
    .filter((f) => /^[a-z0-9-]+\.html$/.test(f))
    .sort()) {
    files.push([page, renderGuide(path.join(GUIDE_DIR, page), urls)]);
  }
  for (const [name, content] of files) {
    const tmp = path.join(dir, `.${name}.${process.pid}.tmp`);
    writeFileSync(tmp, content);
    renameSync(tmp, path.join(dir, name));
  }
  return files.map(([name]) => name);
}

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
  'Access-Control-Max-Age': '600',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
};

function handler(urlsOf: () => GuideUrls): http.RequestListener {
  return (req, res) => {
    const send = (status: number, type: string, body: string) => {
      res.writeHead(status, { ...CORS, 'Content-Type': `${type}; charset=utf-8` });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...CORS, 'Access-Control-Allow-Headers': req.headers['access-control-request-headers'] ?? '*' });
      res.end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'text/plain', 'GET only\n');
    // The path as sent, without query or fragment; a malformed escape (GET /%ff)
    // is the client's error, not the server's end.
    let pathname: string;
    try {
      pathname = decodeURIComponent((req.url ?? '/').split(/[?#]/, 1)[0]!);
    } catch {
      return send(400, 'text/plain', 'bad request: malformed percent-encoding in the path\n');
    }
    try {
      if (pathname === '/' || pathname === '/index.html') {
        res.writeHead(302, { ...CORS, Location: '/guide.html' });
        res.end();
        return;
      }
      if (pathname === '/browser-style.grass') return send(200, 'text/plain', readFileSync(STYLE_FILE, 'utf8'));
      let m = /^\/([a-z0-9-]+)\.html$/.exec(pathname);
      if (m && existsSync(path.join(GUIDE_DIR, `${m[1]}.html`))) {
        return send(200, 'text/html', renderGuide(path.join(GUIDE_DIR, `${m[1]}.html`), urlsOf()));
      }
      m = /^\/queries\/([a-z0-9-]+)\.cypher$/.exec(pathname);
      if (m && existsSync(path.join(QUERIES_DIR, `${m[1]}.cypher`))) {
        return send(200, 'text/plain', readFileSync(path.join(QUERIES_DIR, `${m[1]}.cypher`), 'utf8'));
      }
      return send(404, 'text/plain', `not found: ${pathname}\n`);
    } catch (err) {
      return send(500, 'text/plain', `${(err as Error).message}\n`);
    }
  };
}

export interface GuideServer {
  port: number;
  urls: GuideUrls;
  close(): Promise<void>;
}

/** Starts serving on 127.0.0.1:port (0: any free port). */
/** Whatever a request does, the server answers it and goes on serving. */
function guarded(inner: http.RequestListener): http.RequestListener {
  return (req, res) => {
    try {
      inner(req, res);
    } catch (err) {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`${(err as Error)?.message ?? String(err)}\n`);
    }
  };
}

export async function startGuideServer(port = guidePort()): Promise<GuideServer> {
  let urls = guideUrls(port);
  const server = http.createServer(guarded(handler(() => urls)));
  // A request Node's parser rejects (bad request line, header overflow) gets a 400, never an exception.
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      reject(err.code === 'EADDRINUSE' ? new Error(`port ${port} on 127.0.0.1 is taken: choose another with --port or KG_GUIDE_PORT`) : err);
    });
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  urls = guideUrls(actual);
  return {
    port: actual,
    urls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
