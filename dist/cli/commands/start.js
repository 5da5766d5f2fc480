import { outputOptions, runCommand } from "../graph-session.js";
export function registerStart(program) {
    outputOptions(program.command('start').description('what `npm start` does: make sure Neo4j runs (the local one unless NEO4J_URI is set), then `kg run seeds/`'))
        .option('--allow-failures', 'exit 0 even when some documents failed')
        .action(async (opts) => {
        await runCommand('kg start', 'full', ['seeds'], opts);
    });
}
//# sourceMappingURL=start.js.map