// Incremental derive write: topics new papers brought that the store lacks (by id), with every name each answers to
// (lower-cased names and canonical keys) as a TopicAlias node, as write-topics does; an existing topic is left as it is.
UNWIND $rows AS row
MERGE (t:Topic {id: row.id})
  ON CREATE SET t.name = row.name, t.aliases = row.aliases, t.df = row.df, t.idf = row.idf
WITH t, row
UNWIND row.lookup AS alias
MERGE (a:TopicAlias {alias: alias})
MERGE (a)-[:ALIAS_OF]->(t)
