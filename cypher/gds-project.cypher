// In-database analytics, step 1: project the papers and the analyzed relationships into GDS's in-memory graph
// $graph. $relationships maps a projected type to {type, orientation, aggregation, properties}: the directed view
// (PageRank) and the undirected one (Leiden, k-core) of the same relationships, parallel ones aggregated to one
// (a pair cited explicitly and inferred counts once, as in the in-process graph).
CALL gds.graph.project($graph, 'Paper', $relationships)
YIELD graphName, nodeCount, relationshipCount, projectMillis
RETURN graphName, nodeCount, relationshipCount, projectMillis
