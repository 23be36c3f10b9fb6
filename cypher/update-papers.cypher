// Upsert, step 2: the merged view of each paper, recomputed from all of its sources (a null removes the property).
UNWIND $rows AS row
MATCH (p:Paper {id: row.id})
SET p.title = row.title, p.titleKey = row.titleKey, p.abstract = row.abstract, p.year = row.year,
    p.published = row.published, p.authorsCount = row.authorsCount, p.organization = row.organization,
    p.upvotes = row.upvotes, p.arxivId = row.arxivId, p.doi = row.doi, p.isStub = false
