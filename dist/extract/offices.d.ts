import { type Ctx } from './doc-context.ts';
import type { RelationDraft } from './relations.ts';
/** Offices of a state whose holder works for the state itself when no body is named ("Prime Minister", not "Senator"). */
export declare const STATE_OFFICES: RegExp;
/** WORKS_FOR for every person whose office the text states, with the role. */
export declare function officeHolders(ctx: Ctx): RelationDraft[];
