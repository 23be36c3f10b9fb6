// A shortest chain of citations between two different papers, either direction, at most 10 hops (the caller keeps it
// only within its own limit: a predicate on the path here would turn the breadth-first search into an exhaustive one).
MATCH (a:Paper {id: $from})
MATCH (b:Paper {id: $to})
MATCH path = shortestPath((a)-[:CITES*..10]-(b))
RETURN [n IN nodes(path) | n.id] AS ids,
       [r IN relationships(path) | {source: startNode(r).id, target: endNode(r).id, kind: r.kind, confidence: r.confidence}] AS edges
