// Every source record of the given papers (provenance, and the input of the order-independent merge and of
// PaperMerge.Explain's provenance per field).
UNWIND $ids AS id
MATCH (p:Paper {id: id})-[:FROM_SOURCE]->(s:Source)
RETURN p.id AS paperId, s.source AS source, s.line AS line, s.format AS format, s.title AS title,
       s.abstract AS abstract, s.published AS published, s.authorsCount AS authorsCount,
       s.organization AS organization, s.upvotes AS upvotes, s.arxivId AS arxivId, s.doi AS doi
ORDER BY paperId, source, line
