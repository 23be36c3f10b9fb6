// The non-repository links each paper names.
UNWIND $ids AS id
MATCH (p:Paper {id: id})-[r:LINKS_TO]->(l:Link)
RETURN p.id AS paperId, l.url AS url, r.kind AS kind
ORDER BY paperId, url
