// Upsert, step 4: external ids (arXiv, DOI, OpenAlex, S2, …); an id already owned by a paper stays with it.
UNWIND $rows AS row
MERGE (e:ExternalId {key: row.key})
  ON CREATE SET e.kind = row.kind, e.value = row.value, e.paperId = row.paperId
