// In-database analytics: Leiden communities written to Paper.community (consecutive ids from 0), on the undirected
// view, with the in-process kernel's settings (resolution gamma, randomness theta, levels, seed); one thread so that a
// seed gives one answer.
CALL gds.leiden.write($graph, {
  relationshipTypes: [$undirected],
  gamma: $resolution,
  theta: $theta,
  maxLevels: $maxLevels,
  tolerance: $tolerance,
  randomSeed: $seed,
  concurrency: 1,
  consecutiveIds: true,
  relationshipWeightProperty: $weightProperty,
  writeProperty: 'community'
})
YIELD communityCount, ranLevels, modularity, nodePropertiesWritten, computeMillis, writeMillis
RETURN communityCount, ranLevels, modularity, nodePropertiesWritten, computeMillis, writeMillis
