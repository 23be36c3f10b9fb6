"""Leiden's growth with the graph (issue 22): leidenalg and igraph's community_leiden on one edge list, wall and CPU time.

usage: leiden_scale_peer.py <edges.txt> [leidenalg,igraph]
Only the detection call is timed (load and the undirected view separately); one JSON line per measurement.
"""
import sys
import time

import igraph as ig
import leidenalg as la

from common import emit
from igraph_peer import undirected_view


def timed(fn):
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn()
    return time.perf_counter() - wall, time.process_time() - cpu, result


def main():
    path = sys.argv[1]
    impls = sys.argv[2].split(",") if len(sys.argv) > 2 else ["leidenalg", "igraph"]
    wall, cpu, g = timed(lambda: ig.Graph.Read_Edgelist(path, directed=True))
    emit("peer", "load", wall, cpu_s=cpu, nodes=g.vcount(), edges=g.ecount())
    u, weights = undirected_view(g)
    del g
    if "leidenalg" in impls:
        wall, cpu, part = timed(lambda: la.find_partition(u, la.ModularityVertexPartition, weights=weights, n_iterations=2, seed=42))
        emit("leidenalg", "leiden", wall, cpu_s=cpu, communities=len(part), modularity=u.modularity(part.membership, weights=weights))
    if "igraph" in impls:
        wall, cpu, part = timed(lambda: u.community_leiden(objective_function="modularity", weights=weights, n_iterations=2))
        emit("igraph", "leiden", wall, cpu_s=cpu, communities=len(part), modularity=u.modularity(part.membership, weights=weights))


if __name__ == "__main__":
    main()
