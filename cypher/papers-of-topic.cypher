// A page of the papers carrying a topic (by canonical name), strongest weight first, ties in position order, and the
// total; no row when no topic has that name.
MATCH (t:Topic {name: $name})
CALL (t) {
  MATCH (t)<-[h:HAS_TOPIC]-(p:Paper)
  WITH p, h ORDER BY h.weight DESC, p.seq SKIP $after LIMIT $first
  RETURN collect(p {.*}) AS papers
}
RETURN COUNT { (t)<-[:HAS_TOPIC]-(:Paper) } AS total, papers
