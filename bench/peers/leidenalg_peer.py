"""leidenalg (C++, python3-leidenalg) on the igraph undirected view; times only find_partition."""
import time

import igraph as ig
import leidenalg as la

from common import args, emit, timed
from igraph_peer import undirected_view

IMPL = "leidenalg"


def main():
    path, _, algos, repeats = args()
    start = time.perf_counter()
    g = ig.Graph.Read_Edgelist(path, directed=True)
    emit(IMPL, "load", time.perf_counter() - start, nodes=g.vcount(), edges=g.ecount())
    if "leiden" in algos:
        u, weights = undirected_view(g)
        s, part = timed(lambda: la.find_partition(u, la.ModularityVertexPartition, weights=weights, n_iterations=2, seed=42), repeats)
        emit(IMPL, "leiden", s, communities=len(part), modularity=u.modularity(part.membership, weights=weights))


if __name__ == "__main__":
    main()
