// The topics co-occurring with a topic (CO_OCCURS either way): pairs shared by two or more papers first, then by
// pmi · ln(1 + count), ties by name.
MATCH (me:Topic {name: $name})-[c:CO_OCCURS]-(t:Topic)
WITH t, c ORDER BY CASE WHEN c.count >= 2 THEN 0 ELSE 1 END, c.pmi * log(1 + c.count) DESC, t.name LIMIT $first
RETURN t {.name, .aliases, .df, .idf, .byYear, .growth} AS topic, c.count AS papers, c.pmi AS pmi
