// Option helpers shared by the command definitions. No dependencies beyond
// commander: the definitions load at every start (`kg --help` included), so
// nothing here may pull in the pipeline, the driver or the queue.
import type { Command } from 'commander';

export interface OutputOptions {
  json?: boolean;
  quiet?: boolean;
}

/** --json and --quiet, the same words on every command that writes. */
export function outputOptions<T extends Command>(cmd: T, what = 'the summary'): T {
  return cmd
    .option('--json', `print ${what} as one JSON object on stdout (no credentials)`)
    .option('-q, --quiet', 'no progress and no summary text: only failures, on stderr (for cron)');
}
