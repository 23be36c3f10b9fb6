"""graph-tool (C++/OpenMP, python3-graph-tool) on the same edge list; times only the algorithm call."""
import os
import time

import graph_tool.all as gt
import numpy as np

from common import args, emit, timed, write_doubles

IMPL = "graph-tool"
UNDIRECTED = {"kcore", "betweenness-undirected"}


def main():
    path, out_dir, algos, repeats = args()
    start = time.perf_counter()
    edges = np.fromfile(path, dtype=np.int64, sep=" ").reshape(-1, 2)
    g = gt.Graph(directed=True)
    g.add_vertex(int(edges.max()) + 1)
    g.add_edge_list(edges)
    del edges
    emit(IMPL, "load", time.perf_counter() - start, nodes=g.num_vertices(), edges=g.num_edges(), threads=gt.openmp_get_num_threads())
    u = None
    for algo in algos:
        if algo in UNDIRECTED and u is None:
            start = time.perf_counter()
            u = gt.Graph(g)
            u.set_directed(False)
            gt.remove_self_loops(u)
            gt.remove_parallel_edges(u)
            emit(IMPL, "undirected_view", time.perf_counter() - start, arcs=2 * u.num_edges())
        if algo == "pagerank":
            s, pr = timed(lambda: gt.pagerank(g, damping=0.85, epsilon=1e-10), repeats)
            write_doubles(os.path.join(out_dir, "graph-tool-pagerank.bin"), pr.a)
            emit(IMPL, algo, s, sum=float(pr.a.sum()))
        elif algo in ("wcc", "scc"):
            s, (comp, hist) = timed(lambda: gt.label_components(g, directed=algo == "scc"), repeats)
            emit(IMPL, algo, s, count=len(hist), largest=int(hist.max()))
        elif algo == "kcore":
            s, core = timed(lambda: gt.kcore_decomposition(u), repeats)
            emit(IMPL, algo, s, max_core=int(core.a.max()), sum_core=int(core.a.sum()))
        elif algo in ("betweenness", "betweenness-undirected"):
            graph = g if algo == "betweenness" else u
            s, (vb, _) = timed(lambda: gt.betweenness(graph, norm=False), repeats)
            write_doubles(os.path.join(out_dir, f"graph-tool-{algo}.bin"), vb.a)
            emit(IMPL, algo, s, max=float(vb.a.max()))


if __name__ == "__main__":
    main()
