-- wrk script for bench/run-mixed.sh: POSTs GraphQL requests over a list of paper ids, cycling through the query kinds
-- named by the MIX environment variable (comma-separated; default: the issue 17 mix). Each wrk thread starts at its own
-- offset so threads do not ask for the same paper at the same time.
local queries = {
  paper = '{"query":"query($id:ID!){ paper(id:$id){ id title year pageRank repos { url } } }","variables":{"id":"%s"}}',
  search = '{"query":"query($t:String!){ search(text:$t, first:10){ score paper { id title } } }","variables":{"t":"%s"}}',
  papers = '{"query":"{ papers(first:20, orderBy:PAGERANK){ edges { node { id title pageRank } } pageInfo { hasNextPage endCursor } } }"}',
  subgraph = '{"query":"query($s:[ID!]!){ subgraph(seeds:$s, radius:1, maxNodes:200){ nodes { id } edges { source target kind } } }","variables":{"s":["%s"]}}',
  lineage = '{"query":"query($id:ID!){ lineage(paperId:$id, maxDepth:3, first:200){ nodes { depth paper { id } } } }","variables":{"id":"%s"}}',
  related = '{"query":"query($id:ID!){ related(paperId:$id, first:10){ score paper { id title } } }","variables":{"id":"%s"}}',
  ranking = '{"query":"{ ranking(metric:PAGERANK, first:20){ rank score paper { id title } } }"}',
  stats = '{"query":"{ stats { papers repos topics authors citations inferredCitations coTopicEdges communities modularity } }"}',
}
-- The ten bench words by default; WORDS names a file of search words, one a line (run-mixed.sh draws thousands from the
-- store's vocabulary, so a result cache or a warm page cache for ten words cannot flatter the search numbers).
local words = { "attention", "graph", "retrieval", "diffusion", "transformer", "lattice", "contrastive", "sparse", "reinforcement", "benchmark" }

local ids = {}
local kinds = {}
local counter = 0
local thread_id = 0

function setup(thread)
  thread_id = thread_id + 1
  thread:set("offset", thread_id * 7919)
end

function init(args)
  for line in io.lines(os.getenv("IDS") or "bench/out/mixed-ids.txt") do
    ids[#ids + 1] = line
  end
  if (os.getenv("WORDS") or "") ~= "" then
    words = {}
    for line in io.lines(os.getenv("WORDS")) do
      words[#words + 1] = line
    end
  end
  for kind in string.gmatch(os.getenv("MIX") or "paper,search,papers,subgraph,lineage,related,ranking,stats", "[^,]+") do
    kinds[#kinds + 1] = kind
  end
  counter = offset or 0
end

function request()
  counter = counter + 1
  local kind = kinds[(counter % #kinds) + 1]
  local arg = kind == "search" and words[(counter % #words) + 1] or ids[(counter % #ids) + 1]
  local body = string.format(queries[kind], arg)
  return wrk.format("POST", "/graphql", { ["Content-Type"] = "application/json" }, body)
end

local failures = 0
function response(status, headers, body)
  if status ~= 200 or string.find(body, '"errors"', 1, true) then
    failures = failures + 1
    if failures <= 3 then
      io.stderr:write("failed (" .. status .. "): " .. string.sub(body, 1, 300) .. "\n")
    end
  end
end
