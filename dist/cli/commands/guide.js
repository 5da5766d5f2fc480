import { localConfig, localConnection } from "../../server/index.js";
import { guidePort, startGuideServer } from "../../queries/guide.js";
export function registerGuide(program) {
    program
        .command('guide')
        .description('serve the Neo4j Browser guide (graph/guide), style (graph/browser-style.grass) and saved queries on localhost until stopped')
        .option('--port <n>', 'port on 127.0.0.1 (default KG_GUIDE_PORT or 7480; 0 = any free port)')
        .action(async (opts) => {
        const port = opts.port === undefined ? guidePort() : guidePort({ KG_GUIDE_PORT: opts.port });
        const server = await startGuideServer(port);
        const browser = process.env.NEO4J_URI ? null : localConnection(localConfig()).browserUrl;
        console.log([
            `kg guide: serving ${server.urls.base} (Ctrl-C stops)`,
            ...(browser ? [`In Neo4j Browser (${browser}), run:`] : ['In Neo4j Browser, run:']),
            `  :style ${server.urls.style}`,
            `  :play ${server.urls.guide}`,
        ].join('\n'));
        await new Promise((resolve) => {
            const stop = () => {
                void server.close().then(resolve);
            };
            process.once('SIGINT', stop);
            process.once('SIGTERM', stop);
        });
    });
}
//# sourceMappingURL=guide.js.map