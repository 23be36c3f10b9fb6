// A topic by id, else by any name it answers to ($alias lower-cased, $key its canonical key): the id first, then a topic
// whose name is the text, then one with the text as written, then by key; among topics sharing an alias the commoner.
CALL () {
  MATCH (t:Topic {id: $raw})
  RETURN t, 0 AS tier
  UNION
  MATCH (a:TopicAlias)-[:ALIAS_OF]->(t:Topic)
  WHERE a.alias IN [$alias, $key]
  RETURN t, CASE WHEN toLower(t.name) = $alias THEN 1 WHEN a.alias = $alias THEN 2 ELSE 3 END AS tier
}
WITH t, tier ORDER BY tier, t.df DESC, t.name LIMIT 1
RETURN t {.name, .aliases, .df, .idf, .byYear, .growth} AS topic
