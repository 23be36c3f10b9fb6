// In-database analytics: PageRank written to Paper.pageRank, with the in-process kernel's settings (PageRankOptions:
// damping 0.85, at most 20 iterations, tolerance 1e-7; GDS semantics, which the in-process kernel reproduces).
CALL gds.pageRank.write($graph, {
  relationshipTypes: [$directed],
  dampingFactor: $damping,
  maxIterations: $maxIterations,
  tolerance: $tolerance,
  relationshipWeightProperty: $weightProperty,
  writeProperty: 'pageRank'
})
YIELD nodePropertiesWritten, ranIterations, didConverge, computeMillis, writeMillis
RETURN nodePropertiesWritten, ranIterations, didConverge, computeMillis, writeMillis
