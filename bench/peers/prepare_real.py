"""Converts a shared citation edge list (header / '#' lines skipped) to dense-id "u v" lines; ids in order of first appearance."""
import sys


def main():
    src, dst = sys.argv[1], sys.argv[2]
    ids = {}
    with open(src, encoding="utf-8") as f, open(dst, "w", encoding="utf-8") as out:
        for line in f:
            parts = line.split()
            if len(parts) < 2 or line.startswith("#") or not parts[0].isdigit():
                continue
            a = ids.setdefault(parts[0], len(ids))
            b = ids.setdefault(parts[1], len(ids))
            out.write(f"{a} {b}\n")
    print(f"{dst}: {len(ids)} nodes", file=sys.stderr)


if __name__ == "__main__":
    main()
