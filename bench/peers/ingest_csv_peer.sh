#!/usr/bin/env bash
# Second ingest peer: the sqlite3 shell's .import of pre-flattened CSV, i.e. SQLite's own write floor for the same rows
# with no JSON parsing and no id resolution at all (bench/run-ingest.sh).
#
#   ingest_csv_peer.sh prepare <peer.db> <csvDir>   # not timed: the Python peer's tables (papers, authors, authored,
#                                                   # cites) written as CSV
#   ingest_csv_peer.sh import <csvDir> <out.db> [--no-fts]
#                                                   # timed: same schema and pragmas as the Python peer, .import of each
#                                                   # CSV, then the FTS5 index rebuilt (not with --no-fts: the floor for
#                                                   # the rows alone) and the citation-target index built
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
TABLES=(paper author authored cites)
case "${1:-}" in
  prepare)
    mkdir -p "$3"
    for t in "${TABLES[@]}"; do sqlite3 -csv "$2" "SELECT * FROM $t" > "$3/$t.csv"; done
    ;;
  import)
    schema=$(cd "$HERE" && /usr/bin/python3 -c "import ingest_sqlite_peer as p; print(p.SCHEMA)")
    rm -f "$3" "$3-wal" "$3-shm"
    {
      echo "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -262144; PRAGMA foreign_keys = OFF;"
      echo "$schema"
      echo "BEGIN;"
      for t in "${TABLES[@]}"; do echo ".import --csv '$2/$t.csv' $t"; done
      [[ ${4:-} == --no-fts ]] || echo "INSERT INTO paper_fts (paper_fts) VALUES ('rebuild');"
      echo "COMMIT;"
      echo "CREATE INDEX cites_dst ON cites (dst_pk);"
      echo "PRAGMA wal_checkpoint(TRUNCATE);"
      echo "SELECT json_object('impl', 'sqlite3-csv-import', 'papers', (SELECT count(*) FROM paper WHERE is_stub = 0), 'cites', (SELECT count(*) FROM cites), 'authored', (SELECT count(*) FROM authored));"
    } | sqlite3 -batch -bail "$3" | grep '^{'
    ;;
  *) echo "usage: $0 prepare <peer.db> <csvDir> | import <csvDir> <out.db> [--no-fts]" >&2; exit 2 ;;
esac
