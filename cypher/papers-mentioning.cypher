// Incremental derive: non-stub papers whose text mentions one of the ids ("Kind:value"), found through the full-text
// index by the id's words and kept when their stored mentions hold it.
UNWIND $mentions AS mention
CALL db.index.fulltext.queryNodes('paper_text', mention.query) YIELD node
WITH node, mention
WHERE node.isStub = false AND mention.key IN coalesce(node.mentions, [])
RETURN DISTINCT node.id AS id, node.seq AS seq
ORDER BY seq
