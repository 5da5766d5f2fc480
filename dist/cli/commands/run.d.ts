import type { Command } from 'commander';
export declare function registerRun(program: Command): void;
export declare function registerRefresh(program: Command): void;
