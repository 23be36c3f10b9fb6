"""networkx (pure Python) on the same edge list; only used on the small real graphs. Times only the algorithm call."""
import time

import networkx as nx

from common import args, emit, timed

IMPL = "networkx"


def main():
    path, _, algos, repeats = args()
    start = time.perf_counter()
    g = nx.read_edgelist(path, create_using=nx.DiGraph, nodetype=int)
    emit(IMPL, "load", time.perf_counter() - start, nodes=g.number_of_nodes(), edges=g.number_of_edges())
    u = None
    for algo in algos:
        if algo in ("kcore", "louvain") and u is None:
            u = g.to_undirected()
            u.remove_edges_from(list(nx.selfloop_edges(u)))
        if algo == "pagerank":
            s, pr = timed(lambda: nx.pagerank(g, alpha=0.85, tol=1e-10, max_iter=1000), repeats)
            emit(IMPL, algo, s, sum=sum(pr.values()))
        elif algo == "wcc":
            s, cc = timed(lambda: list(nx.weakly_connected_components(g)), repeats)
            emit(IMPL, algo, s, count=len(cc))
        elif algo == "scc":
            s, cc = timed(lambda: list(nx.strongly_connected_components(g)), repeats)
            emit(IMPL, algo, s, count=len(cc))
        elif algo == "kcore":
            s, core = timed(lambda: nx.core_number(u), repeats)
            emit(IMPL, algo, s, max_core=max(core.values()))
        elif algo == "louvain":
            s, parts = timed(lambda: nx.community.louvain_communities(u, seed=42), repeats)
            emit(IMPL, algo, s, communities=len(parts), modularity=nx.community.modularity(u, parts))


if __name__ == "__main__":
    main()
