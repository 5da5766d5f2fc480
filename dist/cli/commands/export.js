import { writeFile } from 'node:fs/promises';
import { openGraph } from "../graph-session.js";
export function registerExport(program) {
    program
        .command('export')
        .description('print the whole graph from Neo4j as the JSON export (documents, entities, relations with evidence)')
        .option('-o, --output <file>', 'write to a file instead of stdout')
        .action(async (opts) => {
        const { store } = await openGraph();
        try {
            const graph = await store.readGraph();
            const json = JSON.stringify(graph, null, 1) + '\n';
            if (opts.output) {
                await writeFile(opts.output, json);
                console.error(`kg export: ${graph.documents.length} documents, ${graph.entities.length} entities, ${graph.relations.length} relations -> ${opts.output}`);
            }
            else
                process.stdout.write(json);
        }
        finally {
            await store.close();
        }
    });
}
//# sourceMappingURL=export.js.map