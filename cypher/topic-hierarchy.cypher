// The broader ($narrower = false) or narrower ($narrower = true) topics of several topics (by canonical name), most
// papers first, ties by name: one read for a page of topics.
UNWIND $names AS name
MATCH (me:Topic {name: name})
CALL (me) {
  MATCH (me)<-[:BROADER]-(t:Topic) WHERE $narrower RETURN t
  UNION
  MATCH (me)-[:BROADER]->(t:Topic) WHERE NOT $narrower RETURN t
}
WITH name, t ORDER BY name, t.df DESC, t.name
RETURN name, t {.name, .aliases, .df, .idf, .byYear, .growth} AS topic
