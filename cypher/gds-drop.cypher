// In-database analytics, last step: drop the projected graph (false: no error when it is already gone).
CALL gds.graph.drop($graph, false)
YIELD graphName
RETURN graphName
