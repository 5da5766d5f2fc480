// The graph's entity and relationship types as plain lists (schemas.ts makes
// them zod enums and re-exports them). Apart from zod so the command
// definitions, loaded at every `kg` start, can name them in their help.
export const ENTITY_TYPES = [
  'Institute',
  'Company',
  'GovernmentBody',
  'Organization',
  'Country',
  'Location',
  'Person',
  'Summit',
  'Agreement',
  'Policy',
  'AIModel',
] as const;

export const RELATION_TYPES = [
  'SIGNED',
  'PARTNERED_WITH',
  'HELD_IN',
  'HOSTED_BY',
  'ATTENDED',
  'PRODUCED',
  'FOLLOWS',
  'BUILDS_ON',
  'ESTABLISHED',
  'PART_OF',
  'MEMBER_OF',
  'BASED_IN',
  'WORKS_FOR',
  'EVALUATED',
  'DEVELOPED',
  'PUBLISHED',
] as const;
