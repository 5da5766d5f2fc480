import type { Command } from 'commander';
export declare function registerExport(program: Command): void;
