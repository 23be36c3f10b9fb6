// A paper by an external id: normalized keys ("Arxiv:2001.08361", "Doi:10.1/x") or any kind's raw value.
MATCH (e:ExternalId)
WHERE e.key IN $keys OR e.value = $raw
MATCH (p:Paper {id: e.paperId})
RETURN p {.*} AS paper
LIMIT 1
