// The saved-query files and the Browser guide server, without Neo4j.
import { readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGuideServer, type GuideServer } from '../src/queries/guide.ts';
import { bindParams, browserParamsCommand, formatTable, listQueries, parseAssignments, parseQuery, QueryError, usedParameters } from '../src/queries/index.ts';

const sample = `// Partners of one party
//
// Who partners with it.
// Second line of the description.
//
// @param name "Korea AI Safety Institute"  the party
// @param limit 10  at most this many
// @param min 0.5  a threshold
// @param strict false  exact names only
MATCH (e:Entity {name: $name}) WHERE $strict OR $min > 0 RETURN e LIMIT $limit
`;

describe('query files', () => {
  it('parses title, description, typed parameters and the Cypher', () => {
    const q = parseQuery('partners', sample);
    expect(q.title).toBe('Partners of one party');
    expect(q.description).toBe('Who partners with it. Second line of the description.');
    expect(q.params).toEqual([
      { name: 'name', type: 'string', default: 'Korea AI Safety Institute', description: 'the party' },
      { name: 'limit', type: 'integer', default: 10, description: 'at most this many' },
      { name: 'min', type: 'float', default: 0.5, description: 'a threshold' },
      { name: 'strict', type: 'boolean', default: false, description: 'exact names only' },
    ]);
    expect(q.cypher.startsWith('MATCH (e:Entity {name: $name})')).toBe(true);
  });

  it('rejects undeclared, unused and malformed parameters', () => {
    expect(() => parseQuery('x', '// T\nRETURN $who')).toThrow(/uses \$who without an @param line/);
    expect(() => parseQuery('x', '// T\n// @param who "a" someone\nRETURN 1')).toThrow(/declares @param who but never uses it/);
    expect(() => parseQuery('x', '// T\n// @param who someone\nRETURN $who')).toThrow(/bad @param line/);
    expect(() => parseQuery('x', '// T\n// @params who "a"\nRETURN $who')).toThrow(/unknown header tag/);
    expect(() => parseQuery('x', '// only a header\n')).toThrow(/no Cypher/);
    // $ inside strings and comments is not a parameter.
    expect(usedParameters("RETURN '$no' AS a, $yes // $comment")).toEqual(['yes']);
  });

  it('binds --param values by their declared type, and names the mistake', () => {
    const q = parseQuery('partners', sample);
    expect(bindParams(q, parseAssignments(['limit=3', 'min=0.25', 'strict=TRUE', 'name=a=b']))).toEqual({ name: 'a=b', limit: 3, min: 0.25, strict: true });
    expect(bindParams(q)).toEqual({ name: 'Korea AI Safety Institute', limit: 10, min: 0.5, strict: false });
    expect(() => bindParams(q, { limit: '3.5' })).toThrow('partners: parameter limit must be an integer, got "3.5"');
    expect(() => bindParams(q, { strict: 'yes' })).toThrow('must be true or false');
    expect(() => bindParams(q, { nme: 'x' })).toThrow(new QueryError('partners has no parameter "nme" (its parameters: name, limit, min, strict)'));
    expect(() => parseAssignments(['limit'])).toThrow('--param takes NAME=VALUE, got "limit"');
    expect(browserParamsCommand(q)).toBe(':params {name: "Korea AI Safety Institute", limit: 10, min: 0.5, strict: false}');
  });

  it('every file in graph/queries parses, with a description and defaults for all its parameters', () => {
    const all = listQueries();
    expect(all.length).toBeGreaterThanOrEqual(7);
    for (const q of all) {
      expect(q.description.length, q.name).toBeGreaterThan(20);
      expect(q.params.length, q.name).toBeGreaterThan(0);
      for (const p of q.params) expect(p.description, `${q.name} ${p.name}`).not.toBe('');
    }
  });

  it('formats a table', () => {
    const t = formatTable(
      {
        columns: ['a', 'b'],
        rows: [
          { a: 'x', b: [1, 2.345678] },
          { a: null, b: 'a long value' },
        ],
      },
      8,
    );
    expect(t.split('\n')).toEqual(['a | b', '--+---------', 'x | 1; 2.346', '  | a long …']);
  });
});

describe('kg guide server', () => {
  let server: GuideServer;
  beforeAll(async () => {
    server = await startGuideServer(0);
  });
  afterAll(async () => {
    await server.close();
  });

  it('serves the guide with every {{query:...}} filled in from graph/queries, with CORS', async () => {
    const res = await fetch(server.urls.guide, { headers: { Origin: 'http://localhost:7474' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const html = await res.text();
    expect(html).not.toMatch(/\{\{/);
    expect(html).toContain(`:style ${server.urls.style}`);
    const slides = html.match(/<slide/g) ?? [];
    expect(slides.length).toBeGreaterThanOrEqual(8);
    for (const q of listQueries()) {
      const escaped = q.cypher.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
      expect(html, q.name).toContain(`<pre class="code runnable pre-scrollable">${escaped}</pre>`);
      expect(html, q.name).toContain(browserParamsCommand(q).replace(/"/g, '&quot;'));
    }
  });

  it("answers the Browser's preflight and serves the style and the raw queries", async () => {
    const pre = await fetch(server.urls.guide, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:7474', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'pragma,cache-control' },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-headers')).toBe('pragma,cache-control');
    const style = await fetch(server.urls.style);
    expect(await style.text()).toBe(readFileSync(path.join(import.meta.dirname, '..', 'graph', 'browser-style.grass'), 'utf8'));
    const raw = await fetch(`${server.urls.base}/queries/partnership-network.cypher`);
    expect(await raw.text()).toContain('@param name');
    expect((await fetch(`${server.urls.base}/nothing.html`)).status).toBe(404);
    expect((await fetch(`${server.urls.base}/../package.json`)).status).toBe(404);
  });

  // fetch() normalizes paths; these go on the wire as written.
  const raw = (port: number, request: string): Promise<string> =>
    new Promise((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => socket.end(request));
      let data = '';
      socket.setEncoding('latin1');
      socket.on('data', (c: string) => {
        data += c;
      });
      socket.on('end', () => resolve(data));
      socket.on('error', reject);
    });

  it('answers every request path, malformed ones with 400, and keeps serving', async () => {
    const statusOf = async (target: string, method = 'GET') =>
      (await raw(server.port, `${method} ${target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`)).split('\r\n', 1)[0];
    expect(await statusOf('/%ff')).toBe('HTTP/1.1 400 Bad Request');
    expect(await statusOf('/%')).toBe('HTTP/1.1 400 Bad Request');
    expect(await statusOf('/queries/%E0%A4%A.cypher')).toBe('HTTP/1.1 400 Bad Request');
    expect(await statusOf('/%ff', 'HEAD')).toBe('HTTP/1.1 400 Bad Request');
    expect(await statusOf('/..%2f..%2fpackage.json')).toBe('HTTP/1.1 404 Not Found');
    expect(await statusOf('/../../package.json')).toBe('HTTP/1.1 404 Not Found');
    expect(await statusOf('//etc/passwd')).toBe('HTTP/1.1 404 Not Found');
    expect(await statusOf('/guide.html%00')).toBe('HTTP/1.1 404 Not Found');
    expect(await statusOf('http://elsewhere.example/guide.html')).toBe('HTTP/1.1 404 Not Found');
    expect(await statusOf('*', 'OPTIONS')).toBe('HTTP/1.1 204 No Content');
    expect(await statusOf(`/${'a'.repeat(20_000)}`)).toMatch(/^HTTP\/1\.1 (?:404|414|431|400) /);
    expect(await statusOf('/guide.html', 'DELETE')).toBe('HTTP/1.1 405 Method Not Allowed');
    // Not HTTP at all: Node's parser refuses it with a 400.
    expect((await raw(server.port, 'hello\r\n\r\n')).split('\r\n', 1)[0]).toBe('HTTP/1.1 400 Bad Request');
    // Still serving.
    expect((await fetch(server.urls.guide)).status).toBe(200);
    expect(await statusOf('/guide.html?x=%ff')).toBe('HTTP/1.1 200 OK');
  });
});

describe('browser style', () => {
  it('captions entities by name and colours every ontology type', () => {
    const grass = readFileSync(path.join(import.meta.dirname, '..', 'graph', 'browser-style.grass'), 'utf8');
    expect(grass).not.toMatch(/\/\//); // the Browser's grass parser has no comments
    expect(grass).toMatch(/node\.Entity \{\s*caption: '\{name\}';/);
    for (const t of ['Institute', 'Company', 'GovernmentBody', 'Organization', 'Country', 'Location', 'Person', 'Summit', 'Agreement', 'Policy', 'AIModel']) {
      expect(grass).toMatch(new RegExp(`node\\.${t} \\{[^}]*color: #[0-9A-F]{6};[^}]*caption: '\\{name\\}';`));
    }
  });

  it('captions documents by title, runs by kind, status and start, and every label of the schema view by its name', () => {
    const grass = readFileSync(path.join(import.meta.dirname, '..', 'graph', 'browser-style.grass'), 'utf8');
    const rule = (label: string) => new RegExp(`node\\.${label} \\{([\\s\\S]*?)\\n\\}`).exec(grass)?.[1] ?? '';
    const caption = (label: string) => /caption: '([^']*)';/.exec(rule(label))?.[1];
    // db.schema.visualization() draws one node per label, whose only text is its name property:
    // every caption that does not start with {name} has it too, so no schema node is blank or an id.
    expect(caption('Document')).toBe('{title}{name}');
    expect(caption('Run')).toBe('{kind}{name} {status} {startedAt}');
    expect(caption('Lock')).toBe('{name}{id}');
    // An analyst's decision by what it decided, whether it is in force and who took it.
    expect(caption('Decision')).toBe('{kind}{name} {status} {by}');
    expect(rule('Decision')).toMatch(/color: #(?!FFFFFF)[0-9A-F]{6};/);
    // A Run is drawn in a colour of its own, not white on the white canvas.
    expect(rule('Run')).toMatch(/color: #(?!FFFFFF)[0-9A-F]{6};/);
    // Agreements' long generated names ("OpenAI–K-AISI memorandum of understanding") need room for three lines.
    expect(Number(/diameter: (\d+)px/.exec(rule('Agreement'))?.[1])).toBeGreaterThanOrEqual(80);
  });
});
