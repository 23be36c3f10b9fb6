// Incremental derive: every topic (the vocabulary new papers are described with), in a stable order.
MATCH (t:Topic)
RETURN t {.name, .aliases, .df, .idf} AS topic
ORDER BY t.name
