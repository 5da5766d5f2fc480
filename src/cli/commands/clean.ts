import type { Command } from 'commander';
import type { cleanDocument } from '../../clean/index.ts';

export function registerClean(program: Command): void {
  program
    .command('clean')
    .description('read and clean documents; print the cleaned main text (or, with --json, one JSON object per document)')
    .argument('<paths...>', 'files or directories (.txt .md .html .jsonl, optionally .gz; - for stdin)')
    .option('--json', 'one JSON object per line: source, url, title, publishedAt, author, lang, text, warnings')
    .action(async (paths: string[], opts: { json?: boolean }) => {
      // Loaded when the command runs: `kg --help` loads no pipeline code.
      const [{ cleanDocument }, { readInputs }] = await Promise.all([import('../../clean/index.ts'), import('../../ingest/index.ts')]);
      let ok = 0,
        failed = 0,
        first = true;
      const out = (s: string) => process.stdout.write(s);
      for await (const item of readInputs(paths)) {
        if (!item.ok) {
          failed++;
          console.error(`kg: skipped ${item.failure.source}: ${item.failure.error}`);
          continue;
        }
        let doc: ReturnType<typeof cleanDocument>;
        try {
          doc = cleanDocument(item.doc);
        } catch (err) {
          failed++;
          console.error(`kg: skipped ${item.doc.source}: ${(err as Error).message}`);
          continue;
        }
        ok++;
        for (const w of doc.warnings) console.error(`kg: ${doc.source}: ${w}`);
        if (opts.json) {
          const { id, source, url, title, publishedAt, author, lang, text, contentHash, warnings } = doc;
          out(JSON.stringify({ id, source, url, title, publishedAt, author, lang, text, contentHash, warnings }) + '\n');
        } else {
          if (!first) out('\n');
          if (paths.length > 1 || !first || paths.some((p) => !/\.(?:txt|md|markdown|html?|xhtml)(?:\.gz)?$/i.test(p))) {
            out(`==> ${doc.source} <==\n`);
          }
          out(doc.text + '\n');
        }
        first = false;
      }
      if (ok === 0 && failed > 0) process.exitCode = 1;
    });
}
