import type { EntityType } from '../model/schemas.ts';
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
export declare function mayMergeByAlias(m: AliasMatch): boolean;
