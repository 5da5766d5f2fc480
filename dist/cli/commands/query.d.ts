import type { Command } from 'commander';
export declare function registerQuery(program: Command): void;
