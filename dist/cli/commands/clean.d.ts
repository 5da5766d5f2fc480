import type { Command } from 'commander';
export declare function registerClean(program: Command): void;
