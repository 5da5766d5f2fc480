#!/usr/bin/env node
// The published entry point runs the TypeScript sources through tsx, so a
// checkout never runs stale compiled code.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv);
