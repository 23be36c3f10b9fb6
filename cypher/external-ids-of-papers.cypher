// The external ids each paper carries.
UNWIND $ids AS id
MATCH (e:ExternalId {paperId: id})
RETURN id AS paperId, e.kind AS kind, e.value AS value
ORDER BY paperId, kind, value
