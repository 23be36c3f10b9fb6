// In-database analytics: k-core decomposition (each paper's core number) written to Paper.coreNumber, on the
// undirected view, as the in-process kernel computes it.
CALL gds.kcore.write($graph, {
  relationshipTypes: [$undirected],
  writeProperty: 'coreNumber'
})
YIELD degeneracy, nodePropertiesWritten, computeMillis, writeMillis
RETURN degeneracy, nodePropertiesWritten, computeMillis, writeMillis
