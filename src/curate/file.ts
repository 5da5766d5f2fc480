// The decisions file: graph/curation/decisions.jsonl in the repository (or
// KG_CURATION_FILE), one Decision per line, appended to and never rewritten,
// so the file is the history of what analysts decided, reviewable in a diff.
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Decision } from '../model/decisions.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEFAULT_DECISIONS_FILE = path.join(ROOT, 'graph', 'curation', 'decisions.jsonl');

/** Where decisions are kept: KG_CURATION_FILE, else graph/curation/decisions.jsonl. */
export function decisionsFile(env: NodeJS.ProcessEnv = process.env): string {
  return env.KG_CURATION_FILE ? path.resolve(env.KG_CURATION_FILE) : DEFAULT_DECISIONS_FILE;
}

/** A line of the decisions file that is not a decision: the message names the file and line. */
export class DecisionsFileError extends Error {}

/** Parses the file's text; a bad line throws with its number (a run must not go on half-curated). */
export function parseDecisions(text: string, file = 'decisions.jsonl'): Decision[] {
  const out: Decision[] = [];
  const ids = new Set<string>();
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (err) {
      throw new DecisionsFileError(`${file}:${i + 1}: not JSON (${(err as Error).message})`);
    }
    const parsed = Decision.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new DecisionsFileError(`${file}:${i + 1}: not a decision: ${issue.path.join('.') || '(line)'}: ${issue.message}`);
    }
    if (ids.has(parsed.data.id)) throw new DecisionsFileError(`${file}:${i + 1}: decision id ${parsed.data.id} used twice`);
    ids.add(parsed.data.id);
    out.push(parsed.data);
  });
  return out;
}

/** Every decision of the file, withdrawals included, in order ([] when there is no file). */
export function readDecisions(file = decisionsFile()): Decision[] {
  if (!existsSync(file)) return [];
  return parseDecisions(readFileSync(file, 'utf8'), path.relative(process.cwd(), file) || file);
}

/** Appends one decision (validated) as one line. */
export function appendDecision(decision: Decision, file = decisionsFile()): void {
  const d = Decision.parse(decision);
  mkdirSync(path.dirname(file), { recursive: true });
  appendFileSync(file, `${JSON.stringify(d)}\n`);
}
