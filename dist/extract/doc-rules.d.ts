import { type Ctx } from './doc-context.ts';
import { type RelationDraft } from './relations.ts';
export declare function documentRelations(ctx: Ctx, sentenceDrafts: RelationDraft[]): RelationDraft[];
