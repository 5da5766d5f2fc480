// A decision taken (or withdrawn) now: recorded in the decisions file, then
// applied to the live graph at once. Most decisions re-derive the documents
// they touch (their stored text extracted and resolved again under every
// decision in force: src/refresh/rederive.ts), so the live graph is what a
// run of those documents would give; a rejection is an exact edit of the
// relationship's evidence, and a confirmation only a (:Decision) node.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Decision } from '../model/decisions.ts';
import { decisionRows, documentsMentioning, rejectInGraph, writeDecisionNodes } from '../load/curation.ts';
import type { GraphStore } from '../load/index.ts';
import { acquireLock } from '../load/runs.ts';
import { rederiveDocuments, type RederiveSummary } from '../refresh/rederive.ts';
import { activeDecisions, decisionEntities, resetFor } from './apply.ts';
import { appendDecision, decisionsFile, readDecisions } from './file.ts';

/** A decision as the analyst states it; id, time and author are added. */
export type DecisionBody = Decision extends infer D ? (D extends Decision ? Omit<D, 'id' | 'at' | 'by' | 'why'> : never) : never;

export interface DecideOptions {
  /** Who decides (default: defaultAuthor()). */
  by?: string;
  why?: string | null;
  /** The decisions file (default: decisionsFile()). */
  file?: string;
}

export interface DecideOutcome {
  decision: Decision;
  /** What applying it to the live graph did. */
  applied: { rederived: string[]; unavailable: RederiveSummary['unavailable']; evidenceLeft?: number; run?: string };
}

/** git's user.name, else $USER, else "unknown". */
export function defaultAuthor(): string {
  try {
    const name = execFileSync('git', ['config', 'user.name'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (name) return name;
  } catch {
    // no git, or no user.name: fall through
  }
  return process.env.USER || process.env.USERNAME || 'unknown';
}

/** A new decision id: the date and random letters (sortable by day, unique without a counter). */
export function newDecisionId(now = new Date()): string {
  return `d-${now.toISOString().slice(0, 10)}-${randomBytes(4).toString('hex')}`;
}

/** Records a decision and applies it to the live graph. */
export async function decide(store: GraphStore, body: DecisionBody, options: DecideOptions = {}): Promise<DecideOutcome> {
  const file = options.file ?? decisionsFile();
  const before = readDecisions(file);
  const now = new Date();
  const decision = Decision.parse({ ...body, id: newDecisionId(now), at: now.toISOString(), by: options.by || defaultAuthor(), why: options.why ?? null });
  appendDecision(decision, file);
  const all = [...before, decision];
  return { decision, applied: await applyLive(store, all, decision, false) };
}

/** Withdraws a decision (recorded as a `withdraw` decision) and takes it out of the live graph. */
export async function withdraw(store: GraphStore, id: string, options: DecideOptions = {}): Promise<DecideOutcome & { withdrawn: Decision }> {
  const file = options.file ?? decisionsFile();
  const before = readDecisions(file);
  const target = before.find((d) => d.id === id);
  if (!target) throw new Error(`no decision ${id} in ${file} (kg curate list shows them)`);
  if (target.kind === 'withdraw') throw new Error(`${id} is itself a withdrawal; it cannot be withdrawn`);
  if (!activeDecisions(before).some((d) => d.id === id)) throw new Error(`decision ${id} is already withdrawn`);
  const now = new Date();
  const decision = Decision.parse({
    kind: 'withdraw',
    decision: id,
    id: newDecisionId(now),
    at: now.toISOString(),
    by: options.by || defaultAuthor(),
    why: options.why ?? null,
  });
  appendDecision(decision, file);
  const all = [...before, decision];
  return { decision, withdrawn: target, applied: await applyLive(store, all, target, true) };
}

/** The decision is in the file: if the graph cannot take it now, say that the next run will apply it. */
async function applyLive(store: GraphStore, all: Decision[], d: Decision, undo: boolean): Promise<DecideOutcome['applied']> {
  try {
    return await applyNow(store, all, d, undo);
  } catch (err) {
    const what = all[all.length - 1]!;
    throw new Error(
      `${what.id} is recorded in the decisions file, but applying it to the graph failed (${(err as Error).message}); the next kg run or kg refresh applies it`,
    );
  }
}

async function applyNow(store: GraphStore, all: Decision[], d: Decision, undo: boolean): Promise<DecideOutcome['applied']> {
  if (d.kind === 'confirm' || d.kind === 'confirm-entity' || d.kind === 'withdraw') {
    await writeDecisionNodes(store, decisionRows(all));
    return { rederived: [], unavailable: [] };
  }
  if (d.kind === 'reject' && !undo) {
    // Exact and cheap: the entries go from the relationship (under the writer lock, so no run writes them back meanwhile).
    const lock = await acquireLock(store, 'curate');
    try {
      await writeDecisionNodes(store, decisionRows(all));
      const left = await rejectInGraph(store, d.fact, d.evidence);
      return { rederived: [], unavailable: [], evidenceLeft: left };
    } finally {
      await lock.release();
    }
  }
  // A withdrawn rejection: the documents that could state the fact mention both its ends.
  const docs =
    d.kind === 'reject' ? await documentsMentioning(store, [d.fact.source, d.fact.target], true) : await documentsMentioning(store, decisionEntities(d));
  const summary = await rederiveDocuments(store, docs, { decisions: all, reset: resetFor(d, undo) });
  return { rederived: summary.rederived, unavailable: summary.unavailable, run: summary.run.id };
}
