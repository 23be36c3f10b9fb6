// Topic layer write, step 2: topics, and every name each answers to (lower-cased names and canonical keys) as a
// TopicAlias node, shared by the topics that share it (an acronym with two expansions). byYear is JSON [[year, papers], …];
// growth is null below the minimum support (a null property is not stored).
UNWIND $rows AS row
CREATE (t:Topic {id: row.id, name: row.name, aliases: row.aliases, df: row.df, idf: row.idf, byYear: row.byYear, growth: row.growth})
WITH t, row
UNWIND row.lookup AS alias
MERGE (a:TopicAlias {alias: alias})
MERGE (a)-[:ALIAS_OF]->(t)
