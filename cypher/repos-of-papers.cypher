// The repositories each paper references, with the evidence text.
UNWIND $ids AS id
MATCH (p:Paper {id: id})-[l:REFERENCES_REPO]->(r:Repo)
RETURN p.id AS paperId, r.url AS url, r.host AS host, r.owner AS owner, r.name AS name, l.evidence AS evidence
ORDER BY paperId, url, evidence
