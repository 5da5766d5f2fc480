// When a name shared by a new entity and an entity already resolved may make
// them one. A person's surname alone ("White", "Jackson") names every member
// of a family and many strangers, so two people are never merged through it:
// "Kelli White" said by a second document is not "Alan White" of the first
// because each of them is also called "White". Likewise a name that already
// stands for two different entities of the type cannot tell which of them a
// third one is, so it merges with neither.
import type { EntityType } from '../model/schemas.ts';
import { normalizeName } from './normalize.ts';

/** Words before a person's name that do not make a surname any more specific. */
const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady']);

/** How many words of a person's name identify them (honorifics do not count). */
function personWords(normalized: string): number {
  return normalized.split(' ').filter((w) => w && !HONORIFICS.has(w)).length;
}

export interface AliasMatch {
  /** The shared name, normalized (normalizeName). */
  form: string;
  type: EntityType;
  /** The new entity's own name and that of the entity it would join. */
  entityName: string;
  clusterName: string;
  /** How many distinct entities of this type already go by `form`. */
  holders: number;
}

/**
 * Whether the shared name `form` may merge the new entity into the resolved
 * one. Always when it is both entities' own name (the same name is the same
 * entity, as ids derived from names already say). Otherwise only when it is
 * one of them's own name, stands for no other entity, and is not a one-word
 * name of a person.
 */
export function mayMergeByAlias(m: AliasMatch): boolean {
  const entityOwn = normalizeName(m.entityName) === m.form;
  const clusterOwn = normalizeName(m.clusterName) === m.form;
  if (entityOwn && clusterOwn) return true;
  // Two entities with names of their own sharing only another name (the
  // "Orinoco Climate Council (OCC)" and the "Orinoco Compute Consortium
  // (OCC)"): nothing says they are one; spelling variants of one name are
  // the fuzzy match's to join.
  if (!entityOwn && !clusterOwn) return false;
  if (m.holders > 1) return false;
  if (m.type === 'Person' && personWords(m.form) < 2) return false;
  return true;
}
