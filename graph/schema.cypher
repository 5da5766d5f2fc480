// Neo4j schema of the AI-governance graph. Applied by src/load (applySchema)
// before every write; every statement is idempotent (IF NOT EXISTS).
// Statements end with ';'. Only static Cypher here: no data, no parameters.

// Every entity carries :Entity plus its ontology type label; ids are unique
// across all types, so MERGE (e:Entity {id: ...}) is backed by this constraint.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name);

// One uniqueness constraint and one name index per ontology label
// (shared/contract/ONTOLOGY.md), so label-specific queries are index-backed too.
CREATE CONSTRAINT institute_id IF NOT EXISTS FOR (n:Institute) REQUIRE n.id IS UNIQUE;
CREATE INDEX institute_name IF NOT EXISTS FOR (n:Institute) ON (n.name);
CREATE CONSTRAINT company_id IF NOT EXISTS FOR (n:Company) REQUIRE n.id IS UNIQUE;
CREATE INDEX company_name IF NOT EXISTS FOR (n:Company) ON (n.name);
CREATE CONSTRAINT government_body_id IF NOT EXISTS FOR (n:GovernmentBody) REQUIRE n.id IS UNIQUE;
CREATE INDEX government_body_name IF NOT EXISTS FOR (n:GovernmentBody) ON (n.name);
CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;
CREATE INDEX organization_name IF NOT EXISTS FOR (n:Organization) ON (n.name);
CREATE CONSTRAINT country_id IF NOT EXISTS FOR (n:Country) REQUIRE n.id IS UNIQUE;
CREATE INDEX country_name IF NOT EXISTS FOR (n:Country) ON (n.name);
CREATE CONSTRAINT location_id IF NOT EXISTS FOR (n:Location) REQUIRE n.id IS UNIQUE;
CREATE INDEX location_name IF NOT EXISTS FOR (n:Location) ON (n.name);
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE INDEX person_name IF NOT EXISTS FOR (n:Person) ON (n.name);
CREATE CONSTRAINT summit_id IF NOT EXISTS FOR (n:Summit) REQUIRE n.id IS UNIQUE;
CREATE INDEX summit_name IF NOT EXISTS FOR (n:Summit) ON (n.name);
CREATE CONSTRAINT agreement_id IF NOT EXISTS FOR (n:Agreement) REQUIRE n.id IS UNIQUE;
CREATE INDEX agreement_name IF NOT EXISTS FOR (n:Agreement) ON (n.name);
CREATE CONSTRAINT policy_id IF NOT EXISTS FOR (n:Policy) REQUIRE n.id IS UNIQUE;
CREATE INDEX policy_name IF NOT EXISTS FOR (n:Policy) ON (n.name);
CREATE CONSTRAINT aimodel_id IF NOT EXISTS FOR (n:AIModel) REQUIRE n.id IS UNIQUE;
CREATE INDEX aimodel_name IF NOT EXISTS FOR (n:AIModel) ON (n.name);

// Provenance: one node per source document (canonical URL or path).
CREATE CONSTRAINT document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE;
CREATE INDEX document_content_hash IF NOT EXISTS FOR (n:Document) ON (n.contentHash);

// What a run looks up for each chunk of documents instead of reading the
// whole graph (src/load/candidates.ts): entities by the normal forms of their
// names (nameKey: its own name's, formKeys: every name's; exact, or within
// two edits), first copies by exact text and by MinHash LSH band (lshKeys).
CREATE FULLTEXT INDEX entity_name_keys IF NOT EXISTS FOR (n:Entity) ON EACH [n.nameKey, n.formKeys] OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace'}};
CREATE INDEX document_text_hash IF NOT EXISTS FOR (n:Document) ON (n.textHash);
CREATE FULLTEXT INDEX document_lsh IF NOT EXISTS FOR (n:Document) ON EACH [n.lshKeys] OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace'}};

// Bookkeeping of refreshes (kg refresh / kg run) and the one-writer lock.
CREATE CONSTRAINT run_id IF NOT EXISTS FOR (n:Run) REQUIRE n.id IS UNIQUE;
CREATE INDEX run_started_at IF NOT EXISTS FOR (n:Run) ON (n.startedAt);
CREATE CONSTRAINT lock_id IF NOT EXISTS FOR (n:Lock) REQUIRE n.id IS UNIQUE;

// Analysts' decisions (kg curate), mirrored from graph/curation/decisions.jsonl.
CREATE CONSTRAINT decision_id IF NOT EXISTS FOR (n:Decision) REQUIRE n.id IS UNIQUE;
