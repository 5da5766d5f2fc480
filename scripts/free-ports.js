#!/usr/bin/env node
// Prints two base ports "BOLT HTTP" such that BOLT, BOLT+1, HTTP and HTTP+1
// are all free on 127.0.0.1 (the test Neo4j instances use base and base+1).
import net from 'node:net';

const free = (port) =>
  new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });

async function pick(avoid) {
  for (let i = 0; i < 200; i++) {
    const base = 20000 + Math.floor(Math.random() * 20000) * 2;
    if (avoid.some((p) => Math.abs(p - base) < 2)) continue;
    if ((await free(base)) && (await free(base + 1))) return base;
  }
  throw new Error('no free ports found');
}

const bolt = await pick([]);
const http = await pick([bolt]);
console.log(`${bolt} ${http}`);
