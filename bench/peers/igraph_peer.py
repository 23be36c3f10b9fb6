"""igraph (C core, python3-igraph) on the same edge list; times only the algorithm call."""
import os
import time

import igraph as ig

from common import args, emit, timed, write_doubles

IMPL = "igraph"
UNDIRECTED = {"kcore", "louvain", "leiden", "betweenness-undirected"}


def undirected_view(g):
    # Same adjacency as CsrGraph.ToUndirected(): loops dropped, parallel/reciprocal arcs collapsed with summed weight.
    u = g.copy()
    u.es["weight"] = 1.0
    u.simplify(multiple=False, loops=True)
    u.to_undirected(mode="collapse", combine_edges={"weight": "sum"})
    weighted = any(w != 1.0 for w in u.es["weight"])
    return u, ("weight" if weighted else None)


def main():
    path, out_dir, algos, repeats = args()
    os.makedirs(out_dir, exist_ok=True)
    start = time.perf_counter()
    g = ig.Graph.Read_Edgelist(path, directed=True)
    emit(IMPL, "load", time.perf_counter() - start, nodes=g.vcount(), edges=g.ecount())
    u = weights = None
    for algo in algos:
        if algo in UNDIRECTED and u is None:
            start = time.perf_counter()
            u, weights = undirected_view(g)
            emit(IMPL, "undirected_view", time.perf_counter() - start, arcs=2 * u.ecount(), weighted=weights is not None)
        if algo == "pagerank":
            s, pr = timed(lambda: g.pagerank(damping=0.85, directed=True), repeats)
            write_doubles(os.path.join(out_dir, "igraph-pagerank.bin"), pr)
            emit(IMPL, algo, s, sum=sum(pr))
        elif algo in ("wcc", "scc"):
            mode = "weak" if algo == "wcc" else "strong"
            s, cc = timed(lambda: g.connected_components(mode=mode), repeats)
            emit(IMPL, algo, s, count=len(cc), largest=max(cc.sizes()) if len(cc) else 0)
        elif algo == "kcore":
            s, core = timed(lambda: u.coreness(), repeats)
            emit(IMPL, algo, s, max_core=max(core), sum_core=sum(core))
        elif algo == "louvain":
            s, part = timed(lambda: u.community_multilevel(weights=weights), repeats)
            emit(IMPL, algo, s, communities=len(part), modularity=u.modularity(part.membership, weights=weights))
        elif algo == "leiden":
            s, part = timed(lambda: u.community_leiden(objective_function="modularity", weights=weights, n_iterations=2), repeats)
            emit(IMPL, algo, s, communities=len(part), modularity=u.modularity(part.membership, weights=weights))
        elif algo in ("betweenness", "betweenness-undirected"):
            graph = g if algo == "betweenness" else u
            s, b = timed(lambda: graph.betweenness(directed=algo == "betweenness"), repeats)
            write_doubles(os.path.join(out_dir, f"igraph-{algo}.bin"), b)
            emit(IMPL, algo, s, max=max(b))


if __name__ == "__main__":
    main()
