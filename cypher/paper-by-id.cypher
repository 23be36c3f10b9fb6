// A paper by CiteGraph id.
MATCH (p:Paper {id: $id})
RETURN p {.*} AS paper
