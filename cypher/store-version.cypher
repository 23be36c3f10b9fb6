// What the server polls to notice writes made by others (issue 17, item 5): node and relationship counts come from
// Neo4j's count store (O(1)), the last analytics run's sequence number from one node. Loads, derive passes and
// analytics runs change at least one of them; the store hashes the row into one number.
MATCH (n) WITH count(n) AS nodes
MATCH ()-[r]->() WITH nodes, count(r) AS relationships
OPTIONAL MATCH (a:AnalyticsRun) WITH nodes, relationships, max(a.seq) AS analyticsRun
RETURN nodes, relationships, coalesce(analyticsRun, 0) AS analyticsRun;
