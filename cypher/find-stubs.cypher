// Upsert, step 3a: stubs (papers known only as a reference) that own an id the batch's papers carry.
UNWIND $rows AS row
MATCH (e:ExternalId {key: row.key})
MATCH (stub:Paper {id: e.paperId})
WHERE stub.isStub = true AND stub.id <> row.paperId
RETURN DISTINCT stub.id AS stubId, row.paperId AS paperId
