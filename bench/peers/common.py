"""Shared helpers for the peer benchmark scripts: timing and JSON-lines output."""
import json
import sys
import time


def emit(impl, algo, seconds, **extra):
    extra.update(impl=impl, algo=algo, seconds=seconds)
    print(json.dumps(extra), flush=True)


def timed(fn, repeats=1):
    """Runs fn() `repeats` times, returns (best seconds, last result)."""
    best, result = float("inf"), None
    for _ in range(repeats):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def args():
    # usage: <peer>.py <edges.txt> <outDir> <algo,algo,...> [repeats]
    path, out_dir, algos = sys.argv[1], sys.argv[2], sys.argv[3].split(",")
    repeats = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    return path, out_dir, algos, repeats


def write_doubles(path, values):
    from array import array
    with open(path, "wb") as f:
        array("d", values).tofile(f)
