// Upsert, step 10: keywords a source attached (Hugging Face ai_keywords, OpenAlex concepts/topics), kept as a set: topic
// candidates for the derive pass.
UNWIND $rows AS row
MATCH (p:Paper {id: row.paperId})
SET p.keywords = [k IN coalesce(p.keywords, []) WHERE NOT k IN row.keywords] + row.keywords
