"""Reads a CiteGraph export with NetworkX, as a user would, and prints what it got as JSON.

usage: networkx_read.py graphml|gexf FILE NODE_ID   (exit 3 when NetworkX is not installed)
"""
import json
import sys

try:
    import networkx as nx
except ImportError:
    print("networkx is not installed for " + sys.executable)
    sys.exit(3)

fmt, path, node = sys.argv[1:4]
try:
    graph = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
except nx.NetworkXError as error:
    print(json.dumps({"error": str(error), "networkx": nx.__version__}))
    sys.exit(0)

print(json.dumps({
    "networkx": nx.__version__,
    "directed": graph.is_directed(),
    "nodes": graph.number_of_nodes(),
    "edges": graph.number_of_edges(),
    "node": graph.nodes[node],
}, default=str))
