// Tests that need third-party data kept outside the repository (../shared:
// the article-extraction benchmark, the development corpus). They run
// whenever the data is there; in CI (CI set) its absence fails the run;
// elsewhere the test reports that it was not run and why, and asserts that
// the absence was detected: never a silent skip, never a pass that checked
// nothing.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect, it, type TestContext } from 'vitest';

/** ../shared beside the clone, or KG_SHARED. */
export const sharedDir = process.env.KG_SHARED ?? path.resolve(import.meta.dirname, '../../shared');

export function inCI(env: NodeJS.ProcessEnv = process.env): boolean {
  const v = (env.CI ?? '').trim().toLowerCase();
  return v !== '' && v !== 'false' && v !== '0';
}

/** The paths under the shared folder that are not there. */
export function missingShared(needs: string[], dir = sharedDir): string[] {
  return needs.filter((p) => !existsSync(path.join(dir, p)));
}

/**
 * `it(name, body)` when every path in `needs` exists under the shared folder.
 * Otherwise, in CI, a test that fails naming what is missing; elsewhere a test
 * named "not run" that asserts the data is indeed absent and says so.
 */
export function itWithShared(name: string, needs: string[], body: (shared: string) => unknown, timeout?: number): void {
  const missing = missingShared(needs);
  if (!missing.length) {
    it(name, () => body(sharedDir) as Promise<void>, timeout);
    return;
  }
  const what = `${missing.join(', ')} under ${sharedDir}`;
  if (inCI()) {
    it(name, () => {
      throw new Error(`third-party test data missing in CI: ${what}. Put the shared folder beside the clone or set KG_SHARED.`);
    });
    return;
  }
  it(`${name} [NOT RUN: third-party data absent]`, async (ctx: TestContext) => {
    const message = `NOT RUN: "${name}" needs ${what} (third-party data, not in the repository). Put the shared folder beside the clone or set KG_SHARED to run it; in CI (CI set) its absence fails the run.`;
    console.warn(message);
    await ctx.annotate(message, 'notice');
    expect(missingShared(needs)).toEqual(missing);
    expect(missing.length).toBeGreaterThan(0);
  });
}
