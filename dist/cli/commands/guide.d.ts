import type { Command } from 'commander';
export declare function registerGuide(program: Command): void;
