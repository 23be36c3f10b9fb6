// Node and relationship counts (stubs are not counted as papers).
RETURN COUNT { MATCH (p:Paper) WHERE p.isStub = false } AS papers,
       COUNT { MATCH (:Repo) } AS repos,
       COUNT { MATCH (:Topic) } AS topics,
       COUNT { MATCH (:Author) } AS authors,
       COUNT { MATCH (:Paper)-[:CITES]->(:Paper) } AS citations,
       COUNT { MATCH (:Paper)-[c:CITES]->(:Paper) WHERE c.kind = 'inferred' } AS inferredCitations,
       COUNT { MATCH (:Source) } AS sources,
       COUNT { MATCH (:Paper)-[:LINKS_TO]->(:Link) } AS links,
       COUNT { MATCH (:Paper)-[:CO_TOPIC]->(:Paper) } AS coTopicEdges
