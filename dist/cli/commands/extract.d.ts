import type { Command } from 'commander';
export declare function registerExtract(program: Command): void;
