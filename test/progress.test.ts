// Progress a scheduler's log can live with: without a terminal, a line every
// few seconds per phase (not one per document), with done/total, rate and
// time left, and one line when the phase ends; --quiet shows nothing.
import { describe, expect, it } from 'vitest';
import { formatDuration, Progress } from '../src/cli/progress.ts';

function clocked(options: { quiet?: boolean } = {}) {
  let t = 0;
  const lines: string[] = [];
  const p = new Progress({ label: 'kg run', tty: false, intervalSeconds: 5, now: () => t, write: (l) => lines.push(l), ...options });
  return {
    p,
    lines,
    advance: (ms: number) => {
      t += ms;
    },
  };
}

describe('Progress without a terminal', () => {
  it('prints one line per interval, not one per document, then one at the end of the phase', () => {
    const { p, lines, advance } = clocked();
    p.phase('extract', 1000);
    for (let i = 0; i < 1000; i++) {
      advance(20);
      p.tick();
    } // 20 s in all: 1,000 documents at 50/s
    p.end();
    expect(lines.length).toBeLessThanOrEqual(5);
    expect(lines.length).toBeGreaterThanOrEqual(4);
    expect(lines[0]).toBe('kg run: extract 250/1000 (25%), 50.0/s, 15 s left');
    expect(lines.at(-1)).toBe('kg run: extract done: 1000 in 20.0 s (50.0/s)');
  });

  it('counts failures and, for a stream of unknown length, shows done and rate', () => {
    const { p, lines, advance } = clocked();
    p.phase('extract', null);
    for (let i = 0; i < 30; i++) {
      advance(200);
      p.tick(i % 10 !== 0);
    }
    p.end();
    expect(lines).toEqual(['kg run: extract 25 done, 3 failed (5.00/s)', 'kg run: extract done: 30 (3 failed) in 6.0 s (5.00/s)']);
  });

  it('prints nothing when quiet', () => {
    const { p, lines, advance } = clocked({ quiet: true });
    p.phase('write', 10);
    for (let i = 0; i < 10; i++) {
      advance(10_000);
      p.tick();
    }
    p.note('10 documents read');
    p.end();
    expect(lines).toEqual([]);
  });

  it('writes time left as a person reads it', () => {
    expect(formatDuration(42)).toBe('42 s');
    expect(formatDuration(185)).toBe('3 min 05 s');
    expect(formatDuration(3720)).toBe('1 h 02 min');
    expect(formatDuration(Infinity)).toBe('?');
  });
});
