// In-database analytics: weakly connected components written to Paper.component (direction does not matter).
CALL gds.wcc.write($graph, {
  relationshipTypes: [$directed],
  consecutiveIds: true,
  writeProperty: 'component'
})
YIELD componentCount, nodePropertiesWritten, computeMillis, writeMillis
RETURN componentCount, nodePropertiesWritten, computeMillis, writeMillis
