// The `kg` command line. Each command lives in its own module under commands/
// and registers itself on the program.
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { registerClean } from "./commands/clean.js";
import { registerExtract } from "./commands/extract.js";
import { registerEval } from "./commands/eval.js";
import { registerExport } from "./commands/export.js";
import { registerNeo4j } from "./commands/neo4j.js";
import { registerQueue } from "./commands/queue.js";
import { registerQuery } from "./commands/query.js";
import { registerGuide } from "./commands/guide.js";
import { registerRemove } from "./commands/remove.js";
import { registerRefresh, registerRun } from "./commands/run.js";
import { registerSchedule } from "./commands/schedule.js";
import { registerStart } from "./commands/start.js";
/** The package's version (package.json two folders up, from src/cli or dist/cli). */
function version() {
    return JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;
}
export async function main(argv) {
    const program = new Command('kg')
        .description('AI-governance knowledge graph: news and policy texts in, Neo4j graph out')
        .version(version(), '-V, --version', 'the version of kg')
        .exitOverride()
        .showHelpAfterError('(run `kg --help` for the commands)');
    registerExtract(program);
    registerEval(program);
    registerClean(program);
    registerRun(program);
    registerRefresh(program);
    registerRemove(program);
    registerExport(program);
    registerNeo4j(program);
    registerStart(program);
    registerSchedule(program);
    registerQueue(program);
    registerQuery(program);
    registerGuide(program);
    try {
        await program.parseAsync(argv);
        return typeof process.exitCode === 'number' ? process.exitCode : 0;
    }
    catch (err) {
        if (err instanceof CommanderError)
            return err.exitCode;
        console.error(`kg: ${err.message}`);
        return 1;
    }
}
//# sourceMappingURL=main.js.map