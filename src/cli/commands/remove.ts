import path from 'node:path';
import type { Command } from 'commander';
import { outputOptions, type OutputOptions } from '../options.ts';
import { redactUrl } from '../../util/redact.ts';

export function registerRemove(program: Command): void {
  outputOptions(
    program
      .command('remove')
      .description('retract documents: their mentions and evidence go, and relationships and entities no other document supports')
      .argument('<docs...>', 'document ids as `kg export` shows them (canonical URL or path)'),
  ).action(async (docs: string[], opts: OutputOptions) => {
    // Loaded when the command runs: `kg --help` loads neither the graph nor the pipeline.
    const [{ removeDocuments }, { connectionLines, graphLines, openGraph }] = await Promise.all([
      import('../../refresh/index.ts'),
      import('../graph-session.ts'),
    ]);
    const { store, connection } = await openGraph(opts.quiet ? () => {} : undefined);
    try {
      // A path given differently (./seeds/x.txt) still names the same document.
      const ids = docs.map(documentId);
      const result = await removeDocuments(store, ids);
      const counts = await store.counts();
      if (opts.json) {
        console.log(
          JSON.stringify({
            command: 'remove',
            run: result.run.id,
            removed: result.removed,
            missing: result.missing,
            graph: counts,
            neo4j: { uri: redactUrl(connection.uri), local: connection.local },
          }),
        );
      } else if (!opts.quiet)
        console.log(
          [
            `kg remove: ${result.removed.length} removed${result.missing.length ? `, not in the graph: ${result.missing.join(', ')}` : ''} (run ${result.run.id})`,
            ...graphLines(counts),
            ...connectionLines(connection),
          ].join('\n'),
        );
      if (result.missing.length) throw new Error(`${result.missing.length} of ${ids.length} documents were not in the graph`);
    } finally {
      await store.close();
    }
  });
}

/** The id ingest gives a path (relative to the working directory when inside it); URLs as they are. */
function documentId(arg: string): string {
  if (/^[a-z][\w+.-]*:\/\//i.test(arg)) return arg;
  const abs = path.resolve(arg);
  const rel = path.relative(process.cwd(), abs);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : abs;
}
