import { type Ctx } from './doc-context.ts';
import { type RelationDraft } from './relations.ts';
/**
 * Table rows (cells glued or separated):
 * - a party in the first cell with a country in the next is based there, with a policy in a later cell it published it;
 * - under a "signatories" heading, it signed the agreement the text named last;
 * - in a timeline of summits (a "Summit" column), each row's summit follows the previous one and produced what its row lists;
 * - in a table of members ("Country" first) after text about a network, each country is a member; a "Yes" under a
 *   meeting-attendance column means it attended that meeting.
 */
export declare function tableRows(ctx: Ctx): RelationDraft[];
