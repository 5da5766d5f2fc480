import { Cron } from 'croner';
import { GraphStore } from "../../load/index.js";
import { runPipeline } from "../../refresh/index.js";
import { loadPipeline } from "../../refresh/pipelines.js";
import { ensureNeo4j } from "../../server/index.js";
import { runLines } from "../graph-session.js";
export function registerSchedule(program) {
    program
        .command('schedule')
        .description('keep running a pipeline\'s refresh on its cron schedule (pipelines/NAME with "schedule"); stops on SIGINT/SIGTERM')
        .argument('<pipeline>', 'pipeline definition, e.g. pipelines/seeds')
        .option('--now', 'also run once right away')
        .option('--max-runs <n>', 'stop after this many scheduled runs')
        .action(async (ref, opts) => {
        const def = loadPipeline(ref);
        if (!def.schedule)
            throw new Error(`${ref} has no "schedule" (a cron expression)`);
        const maxRuns = opts.maxRuns === undefined ? undefined : Number(opts.maxRuns);
        if (maxRuns !== undefined && (!Number.isInteger(maxRuns) || maxRuns < 1))
            throw new Error('--max-runs must be a positive integer');
        let failures = 0;
        const once = async () => {
            // Each run opens its own connection: a server restarted between runs is fine.
            try {
                const { connection } = await ensureNeo4j();
                const store = await GraphStore.open(connection);
                try {
                    const summary = await runPipeline(store, { paths: def.inputs, mode: def.mode, concurrency: def.concurrency, pipeline: def.name });
                    console.log(`${new Date().toISOString()} ${runLines(`kg schedule ${def.name}`, summary).join('\n')}`);
                }
                finally {
                    await store.close();
                }
            }
            catch (err) {
                failures++;
                console.error(`${new Date().toISOString()} kg schedule ${def.name}: run failed: ${err.message}`);
            }
        };
        if (opts.now)
            await once();
        const job = new Cron(def.schedule, { timezone: def.timezone, protect: true, maxRuns }, once);
        console.error(`kg schedule ${def.name}: "${def.schedule}"${def.timezone ? ` (${def.timezone})` : ''}, next run ${job.nextRun()?.toISOString() ?? 'never'}`);
        await new Promise((resolve) => {
            // With --max-runs the job ends by itself.
            const poll = setInterval(() => {
                if (!job.isRunning() && !job.isBusy())
                    stop();
            }, 500);
            const stop = () => {
                clearInterval(poll);
                job.stop();
                process.off('SIGINT', stop);
                process.off('SIGTERM', stop);
                resolve();
            };
            process.once('SIGINT', stop);
            process.once('SIGTERM', stop);
        });
        if (failures > 0 && maxRuns !== undefined)
            process.exitCode = 1;
    });
}
//# sourceMappingURL=schedule.js.map