// What the benchmark scripts share: where the corpus is, corpus subsets as
// JSONL files, and the one-line-per-figure output.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SHARED = process.env.KG_SHARED ?? path.resolve(ROOT, '..', 'shared');
export const CORPUS_JSONL = path.join(SHARED, 'data', 'news-corpus', 'bbc-news.jsonl');
export const WORK = path.join(ROOT, '.bench-tmp');
export const CORES = availableParallelism();

export interface Figure {
  name: string;
  value: number;
  unit: string;
  docs: number;
  cores: number;
}

export function emit(f: Figure): void {
  const value = Number.isInteger(f.value) ? f.value : Number(f.value.toPrecision(4));
  process.stdout.write(JSON.stringify({ name: f.name, value, unit: f.unit, docs: f.docs, cores: f.cores }) + '\n');
}

export function corpusLines(): string[] {
  if (!existsSync(CORPUS_JSONL)) throw new Error(`bench: no corpus at ${CORPUS_JSONL} (set KG_SHARED to the folder holding data/news-corpus)`);
  return readFileSync(CORPUS_JSONL, 'utf8')
    .split('\n')
    .filter((l) => l.trim());
}

/** The first n articles of the corpus as a JSONL file of their own (read through the real reader). */
export function corpusSubset(n: number): { file: string; docs: number } {
  const lines = corpusLines();
  const take = Math.min(n, lines.length);
  mkdirSync(WORK, { recursive: true });
  const file = path.join(WORK, `bbc-${take}.jsonl`);
  writeFileSync(file, lines.slice(0, take).join('\n') + '\n');
  return { file, docs: take };
}

export const words = (text: string): number => text.split(/\s+/).filter(Boolean).length;

export const sizeLabel = (n: number, all: number): string => (n >= all ? 'nall' : `n${n}`);
