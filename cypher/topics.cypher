// A page of topics ($after skipped, $first kept): most papers first, ties by name; by name alone when $byName.
MATCH (t:Topic)
WITH t ORDER BY CASE WHEN $byName THEN 0 ELSE -t.df END, t.name SKIP $after LIMIT $first
WITH collect(t {.name, .aliases, .df, .idf}) AS items
RETURN COUNT { MATCH (:Topic) } AS total, items
