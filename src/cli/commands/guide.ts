import type { Command } from 'commander';

export function registerGuide(program: Command): void {
  program
    .command('guide')
    .description(
      'serve the Neo4j Browser guide (graph/guide), style (graph/browser-style.grass) and saved queries on localhost until stopped, for a server other than the local one (which serves them itself)',
    )
    .option('--port <n>', 'port on 127.0.0.1 (default KG_GUIDE_PORT or 7480; 0 = any free port)')
    .action(async (opts: { port?: string }) => {
      const [{ localConfig, localConnection }, { guidePort, startGuideServer }] = await Promise.all([
        import('../../server/index.ts'),
        import('../../queries/guide.ts'),
      ]);
      const port = opts.port === undefined ? guidePort() : guidePort({ KG_GUIDE_PORT: opts.port });
      const server = await startGuideServer(port);
      const browser = process.env.NEO4J_URI ? null : localConnection(localConfig()).browserUrl;
      console.log(
        [
          `kg guide: serving ${server.urls.base} (Ctrl-C stops)`,
          // The local server serves its own copy and the Browser loads it on connect: this one is for other servers.
          ...(browser
            ? [`(The local server's Browser, ${browser}, loads its own copy on connect.) In another server's Neo4j Browser, run:`]
            : ['In Neo4j Browser, run:']),
          `  :style ${server.urls.style}`,
          `  :play ${server.urls.guide}`,
        ].join('\n'),
      );
      await new Promise<void>((resolve) => {
        const stop = () => {
          void server.close().then(resolve);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
