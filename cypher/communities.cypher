// Communities by size, largest first: a page ($after skipped, $first kept) and the total.
MATCH (c:Community)
WITH c ORDER BY c.size DESC, c.id
WITH collect(c {.id, .level, .size, .label}) AS ranked
RETURN size(ranked) AS total, ranked[$after..$after + $first] AS items
