import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('print the whole graph from Neo4j as the JSON export (documents, entities, relations with evidence)')
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .action(async (opts: { output?: string }) => {
      const { openGraph } = await import('../graph-session.ts');
      const { store } = await openGraph();
      try {
        const graph = await store.readGraph();
        const json = JSON.stringify(graph, null, 1) + '\n';
        if (opts.output) {
          await writeFile(opts.output, json);
          console.error(
            `kg export: ${graph.documents.length} documents, ${graph.entities.length} entities, ${graph.relations.length} relations -> ${opts.output}`,
          );
        } else process.stdout.write(json);
      } finally {
        await store.close();
      }
    });
}
