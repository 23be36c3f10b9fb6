// The papers that reference a repository, in load order.
MATCH (:Repo {url: $url})<-[:REFERENCES_REPO]-(p:Paper)
WITH DISTINCT p ORDER BY p.seq
RETURN p {.*} AS paper
