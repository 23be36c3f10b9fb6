// Every paper node (stubs included) in position order: the node list of the citation graph.
MATCH (p:Paper)
RETURN p.id AS id
ORDER BY p.seq
