// Timeline of summits and what each produced
//
// Summits, meetings and dialogues in date order (undated ones last), with
// where they were held, who hosted them, the summit each follows, what each
// PRODUCED (declarations, commitments, networks) and how many parties
// attended: names and values only, a table.
//
// @param since "2000"  earliest start date to list (ISO 8601 prefix: 2024, 2024-05 or 2024-05-21); undated summits are always listed
MATCH (summit:Summit)
WITH summit, coalesce(summit.startDate, summit.date) AS startDate
WHERE startDate IS NULL OR startDate >= $since
OPTIONAL MATCH (summit)-[:PRODUCED]->(outcome:Entity)
WITH summit, startDate, collect(DISTINCT outcome) AS outcomes
OPTIONAL MATCH (summit)-[:HELD_IN]->(place:Entity)
OPTIONAL MATCH (summit)-[:HOSTED_BY]->(host:Entity)
OPTIONAL MATCH (summit)-[:FOLLOWS]->(previous:Summit)
OPTIONAL MATCH (attendee:Entity)-[:ATTENDED]->(summit)
RETURN summit.name AS summit, startDate, collect(DISTINCT place.name) AS heldIn, collect(DISTINCT host.name) AS hostedBy,
       collect(DISTINCT previous.name) AS follows, [o IN outcomes | o.name] AS produced, [o IN outcomes | o.type] AS producedTypes,
       count(DISTINCT attendee) AS attendees
ORDER BY startDate IS NULL, startDate, summit
