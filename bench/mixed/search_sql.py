"""Times the old (main 38e6e2d) and new (SqliteGraphStore.Search.cs) search SQL on one store, alternating in one process.

usage: python3 bench/mixed/search_sql.py STORE.db — CPU ms per query (mean of 5) per bench word; asserts identical rows.
"""
import sqlite3, sys, time

db = sqlite3.connect(sys.argv[1])
cols = ("p.pk, p.id, p.title, p.abstract, p.year, p.published, p.authors_count, p.organization, p.upvotes, p.arxiv_id, "
        "p.doi, p.page_rank, p.betweenness, p.community, p.core_number")
old = f"""SELECT {cols}, -bm25(paper_fts, 10.0, 1.0), snippet(paper_fts, -1, '[', ']', '…', 16)
FROM paper_fts JOIN paper p ON p.pk = paper_fts.rowid WHERE paper_fts MATCH :q AND p.is_stub = 0
ORDER BY bm25(paper_fts, 10.0, 1.0), p.pk LIMIT 10"""
new = f"""WITH cand AS MATERIALIZED (
  SELECT rowid AS pk, bm25(paper_fts, 10.0, 1.0) AS rank FROM paper_fts
  WHERE paper_fts MATCH :q ORDER BY rank, rowid LIMIT 52),
page AS MATERIALIZED (
  SELECT cand.pk, cand.rank FROM cand JOIN paper s ON s.pk = cand.pk
  WHERE s.is_stub = 0 ORDER BY cand.rank, cand.pk LIMIT 10)
SELECT {cols}, -page.rank, snippet(paper_fts, -1, '[', ']', '…', 16)
FROM page CROSS JOIN paper_fts ON paper_fts.rowid = page.pk JOIN paper p ON p.pk = page.pk
WHERE paper_fts MATCH :q ORDER BY page.rank, page.pk"""
total = {"old": 0.0, "new": 0.0}
for w in ["graph", "retrieval", "diffusion", "transformer", "contrastive", "sparse"]:
    rows = {}
    for name, q in [("old", old), ("new", new)]:
        t = time.process_time()
        for _ in range(5):
            rows[name] = db.execute(q, {"q": w}).fetchall()
        d = (time.process_time() - t) / 5
        total[name] += d
        print(f"{w} {name} {d * 1000:.1f} ms")
    assert rows["old"] == rows["new"], w
print(f"total old {total['old'] * 1000:.0f} ms new {total['new'] * 1000:.0f} ms ratio {total['old'] / total['new']:.1f}x")
