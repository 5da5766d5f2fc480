// Every agreement a party signed, with dates
//
// The agreements (MoUs, declarations, statements, commitments) a party
// SIGNED, oldest first, with the signing or announcement date, where it was
// signed, the summit that produced it, what it builds on, the other
// signatories and the sentence that states the signing: names and values
// only, a table.
//
// @param party "OpenAI"  the signing party (company, institute, country, ...): canonical name or any alias, any case
MATCH (party:Entity)
WHERE toLower(party.name) = toLower($party) OR any(a IN party.aliases WHERE toLower(a) = toLower($party))
MATCH (party)-[s:SIGNED]->(agreement:Agreement)
OPTIONAL MATCH (agreement)-[:HELD_IN]->(place:Entity)
OPTIONAL MATCH (summit:Summit)-[:PRODUCED]->(agreement)
OPTIONAL MATCH (agreement)-[:BUILDS_ON]->(earlier:Entity)
OPTIONAL MATCH (other:Entity)-[:SIGNED]->(agreement) WHERE other <> party
WITH party, agreement, s, collect(DISTINCT place.name) AS signedIn, collect(DISTINCT summit.name) AS producedBy,
     collect(DISTINCT earlier.name) AS buildsOn, collect(DISTINCT other.name) AS otherSignatories
RETURN party.name AS party, agreement.name AS agreement, coalesce(s.date, agreement.date) AS date, signedIn, producedBy, buildsOn,
       size(otherSignatories) AS otherSignatoryCount, otherSignatories[0..10] AS otherSignatories, s.evidenceSentences[0] AS evidence,
       reduce(acc = [], d IN s.evidenceDocs | CASE WHEN d IN acc THEN acc ELSE acc + d END) AS documents
ORDER BY date IS NULL, date, agreement
