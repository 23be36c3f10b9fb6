// Incremental derive: the stored embeddings of the named papers (the lineage same-subject gate reads them).
UNWIND $ids AS id
MATCH (e:Embedding {paperId: id})
RETURN e.paperId AS paperId, e.textHash AS textHash, e.vector AS vector
