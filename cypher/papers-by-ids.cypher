// Papers by CiteGraph id; unknown ids are absent.
UNWIND $ids AS id
MATCH (p:Paper {id: id})
RETURN p {.*} AS paper
