import type { Command } from 'commander';
import type { SavedQuery } from '../../queries/index.ts';

function listing(queries: SavedQuery[]): string {
  const lines: string[] = [];
  for (const q of queries) {
    lines.push(`${q.name}  —  ${q.title}`);
    for (const p of q.params) lines.push(`    --param ${p.name}=${JSON.stringify(p.default)}  (${p.type}) ${p.description}`);
  }
  return lines.join('\n');
}

export function registerQuery(program: Command): void {
  program
    .command('query')
    .description('run a saved analyst query (graph/queries/NAME.cypher) against the graph and print a table')
    .argument('[name]', 'the query (see --list)')
    .option('-l, --list', 'list the saved queries with their parameters')
    .option(
      '-p, --param <name=value>',
      'set a parameter (repeatable); the others keep their defaults',
      (v: string, acc: string[]) => [...acc, v],
      [] as string[],
    )
    .option('--json', 'print the rows as JSON instead of a table')
    .option('-w, --width <n>', 'cut table cells at n characters', '60')
    .option('--show', 'print the Cypher and the parameters instead of running it')
    .action(async (name: string | undefined, opts: { list?: boolean; param: string[]; json?: boolean; width: string; show?: boolean }) => {
      // Loaded when the command runs (the queries module loads the Neo4j driver): `kg --help` does not.
      const [{ bindParams, formatTable, listQueries, loadQuery, parseAssignments, plain, runSavedQuery }, { openGraph }] = await Promise.all([
        import('../../queries/index.ts'),
        import('../graph-session.ts'),
      ]);
      if (opts.list) {
        console.log(listing(listQueries()));
        return;
      }
      if (!name) throw new Error('give a query name (kg query --list shows them)');
      const q = loadQuery(name);
      const values = bindParams(q, parseAssignments(opts.param));
      const width = Number(opts.width);
      if (!Number.isInteger(width) || width < 5) throw new Error('--width must be an integer of at least 5');
      if (opts.show) {
        console.log(`// ${q.title}\n// parameters: ${JSON.stringify(values)}\n${q.cypher}`);
        return;
      }
      const { store } = await openGraph();
      try {
        const result = await store.read((tx) => runSavedQuery(tx, q, values));
        if (opts.json) {
          console.log(
            JSON.stringify(
              result.rows.map((r) => plain(r)),
              null,
              1,
            ),
          );
        } else {
          console.log(
            `${q.title} (${
              Object.entries(values)
                .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
                .join(', ') || 'no parameters'
            })`,
          );
          console.log(formatTable(result, width));
          console.log(`(${result.rows.length} row${result.rows.length === 1 ? '' : 's'})`);
        }
      } finally {
        await store.close();
      }
    });
}
