// A repository by canonical URL.
MATCH (r:Repo {url: $url})
RETURN r.url AS url, r.host AS host, r.owner AS owner, r.name AS name
