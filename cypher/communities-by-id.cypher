// Communities by id: one read for every community a page of papers names.
MATCH (c:Community) WHERE c.id IN $ids
RETURN c.id AS id, c.level AS level, c.size AS size, c.label AS label, c.parent AS parent, c.centralPapers AS centralPapers
