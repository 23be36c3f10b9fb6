// A community by id.
MATCH (c:Community {id: $id})
RETURN c.id AS id, c.level AS level, c.size AS size, c.label AS label, c.parent AS parent, c.centralPapers AS centralPapers
