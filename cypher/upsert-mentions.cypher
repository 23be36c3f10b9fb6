// Upsert, step 9: ids a paper's text mentions ("Kind:value"), kept as a set: the raw material of inferred citations.
UNWIND $rows AS row
MATCH (p:Paper {id: row.paperId})
SET p.mentions = [m IN coalesce(p.mentions, []) WHERE NOT m IN row.mentions] + row.mentions
