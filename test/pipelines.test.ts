import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPipeline, nextRuns } from '../src/refresh/pipelines.ts';

const write = (data: unknown) => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'kg-pipeline-')), 'p.json');
  writeFileSync(file, typeof data === 'string' ? data : JSON.stringify(data));
  return file;
};

describe('pipeline definitions', () => {
  it('loads pipelines/seeds (with or without .json)', () => {
    const def = loadPipeline('pipelines/seeds');
    expect(def).toEqual(loadPipeline('pipelines/seeds.json'));
    expect(def).toMatchObject({ name: 'seeds', inputs: ['seeds'], concurrency: 2, mode: 'refresh' });
    expect(def.schedule).toBeTruthy();
  });

  it('fills defaults', () => {
    expect(loadPipeline(write({ name: 'x', inputs: ['a'] }))).toEqual({ name: 'x', inputs: ['a'], concurrency: 2, mode: 'refresh' });
  });

  it('computes the schedule with croner', () => {
    const def = loadPipeline(write({ name: 'x', inputs: ['a'], schedule: '30 2 * * *', timezone: 'UTC' }));
    const runs = nextRuns(def, 3, new Date('2026-01-01T00:00:00Z'));
    expect(runs.map((d) => d.toISOString())).toEqual(['2026-01-01T02:30:00.000Z', '2026-01-02T02:30:00.000Z', '2026-01-03T02:30:00.000Z']);
  });

  it.each([
    [{ name: 'x', inputs: ['a'], schedule: 'every tuesday' }, /schedule: not a valid cron expression/],
    [{ name: 'x', inputs: [] }, /inputs/],
    [{ name: 'x', inputs: ['a'], concurrency: 0 }, /concurrency/],
    [{ name: 'x', inputs: ['a'], extra: 1 }, /extra/],
    [{ name: 'bad name!', inputs: ['a'] }, /name/],
    ['{ not json', /not valid JSON/],
  ])('rejects %j', (data, message) => {
    expect(() => loadPipeline(write(data))).toThrow(message);
  });

  it('says which file is missing', () => {
    expect(() => loadPipeline('pipelines/nope')).toThrow('pipeline definition not found: pipelines/nope (nor pipelines/nope.json)');
  });
});
