// What the server polls to notice writes made by others (issue 17, item 5; replicas, issue 22): the change counter
// every write transaction moves (count-change), and, for stores written before it existed, node and relationship counts
// from Neo4j's count store (O(1)) and the last analytics run's sequence number. The store hashes the row into one number.
MATCH (n) WITH count(n) AS nodes
MATCH ()-[r]->() WITH nodes, count(r) AS relationships
OPTIONAL MATCH (a:AnalyticsRun) WITH nodes, relationships, max(a.seq) AS analyticsRun
OPTIONAL MATCH (s:StoreState {key: 'changes'})
RETURN nodes, relationships, coalesce(analyticsRun, 0) AS analyticsRun, coalesce(s.counter, 0) AS changes
