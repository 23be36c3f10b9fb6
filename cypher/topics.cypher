// A page of topics ($after skipped, $first kept): most papers first, ties by name; by name alone when $order = 'name';
// rising first when $order = 'growth' (topics without a growth last, then by df and name).
MATCH (t:Topic)
WITH t ORDER BY CASE WHEN $order = 'growth' THEN CASE WHEN t.growth IS NULL THEN 1 ELSE 0 END ELSE 0 END,
  CASE WHEN $order = 'growth' THEN -coalesce(t.growth, 0) ELSE 0 END,
  CASE WHEN $order = 'name' THEN 0 ELSE -t.df END, t.name SKIP $after LIMIT $first
WITH collect(t {.name, .aliases, .df, .idf, .byYear, .growth}) AS items
RETURN COUNT { MATCH (:Topic) } AS total, items
