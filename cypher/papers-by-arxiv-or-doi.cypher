// Incremental derive: non-stub papers whose own arXiv id or DOI is one of the given (indexes paper_arxiv, paper_doi).
CALL (){
  UNWIND $arxiv AS a
  MATCH (p:Paper {arxivId: a})
  RETURN p
  UNION
  UNWIND $doi AS d
  MATCH (p:Paper {doi: d})
  RETURN p
}
WITH p WHERE p.isStub = false
RETURN p.id AS id
ORDER BY p.seq
