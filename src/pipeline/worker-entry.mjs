// Worker-thread entry. Built (dist/pipeline/, copied there by scripts/build.js)
// it runs worker.js; in a checkout it registers tsx in this thread (loader
// hooks are not inherited by workers on Node 20) and runs worker.ts.
import { existsSync } from 'node:fs';

const built = new URL('./worker.js', import.meta.url);
if (existsSync(built)) {
  await import(built.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./worker.ts');
}
