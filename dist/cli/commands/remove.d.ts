import type { Command } from 'commander';
export declare function registerRemove(program: Command): void;
