// Analytics write-back, step 5: what ran, when, on which graph.
CALL () {
  MATCH (r:AnalyticsRun)
  RETURN count(r) AS runs
}
CREATE (:AnalyticsRun {seq: runs + 1, ranAt: $ranAt, graph: $graph, algorithms: $algorithms, modularity: $modularity})
