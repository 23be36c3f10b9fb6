// Communities of one level by size, largest first: a page ($after skipped, $first kept) and the level's total.
MATCH (c:Community)
WHERE c.level = $level
WITH c ORDER BY c.size DESC, c.id
WITH collect(c {.id, .level, .size, .label, .parent, .centralPapers}) AS ranked
RETURN size(ranked) AS total, ranked[$after..$after + $first] AS items
