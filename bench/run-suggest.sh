#!/usr/bin/env bash
# Suggested references (issue 15) against real reference lists, with the peers in the same run, and writes the
# "Suggested references" section of bench/RESULTS.md.
#
#   bench/run-suggest.sh                # ../shared/data/neurips-icml-citations
#   bench/run-suggest.sh --reuse-db     # keep bench/.out/suggest/graph.db from an earlier run (loading embeds every paper: minutes)
#   bench/run-suggest.sh --quick        # co-topic alone instead of every feature alone, and no open-graph fit (a busy machine)
#   CITEGRAPH=path/to/citegraph bench/run-suggest.sh    # use that build instead of building Release
#
# Split: the 2020–2022 papers are the citing side; the graph holds only the citations whose citing paper is earlier than
# 2020 (the training citations); every paper is loaded. Each citing paper is held out: eval-suggest sees only
# citations made strictly before its month, and suggests only papers of its month or earlier. The weights were fitted on
# the 2017–2019 papers (this script re-runs the fit so the numbers can be checked; the API uses SuggestionWeights.Fitted).
# Also held out by paper (bench/.out/suggest/bypaper): the graph holds every citation, each citing paper sees those made
# strictly before its month (never its own), the peers likewise: what a new paper asking the live API meets.
# Peers: bench/peers/suggest_peer.py (plain Python, nothing to install): TF-IDF cosine, TF-IDF + popularity, popularity;
# co-topic is CiteGraph's own related-by-topics (CO_TOPIC), measured by eval-suggest --features co-topic.
# Raw outputs in bench/.out/suggest (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=/usr/bin/python3
DATA=../shared/data/neurips-icml-citations
OUT=bench/.out/suggest
EVAL_YEARS=2020-2022
FIT_YEARS=2017-2019          # the peer's alpha, and the comparison fit
FROZEN_FIT_YEARS=2018-2019   # CiteGraph's weights: fitted on these papers ...
FROZEN_FIT_BEFORE=2018       # ... seeing only citations made before this year
GRAPH_BEFORE=2020
# The served fit: the features SuggestionWeights.Fitted weighs, found by coordinate search started also from a pairwise
# logistic fit (judged by 2-fold cross-validation on the training papers, cv.txt).
SERVED_FEATURES="all,-citation-semantic,-term-association,-title-mention,-recent-popularity,-item-bias"
FIT_METHOD=pairwise-search
REUSE=0
QUICK=0
for arg in "$@"; do
  case "$arg" in
    --reuse-db) REUSE=1 ;;
    --quick) QUICK=1 ;;
    *) echo "unknown option $arg" >&2; exit 2 ;;
  esac
done
if [[ ! -f $DATA/papers.jsonl || ! -f $DATA/references.tsv ]]; then
  echo "skipped: $DATA (papers.jsonl, references.tsv) is absent; nothing to measure" >&2
  exit 0
fi
command -v "$PY" >/dev/null || { echo "skipped: $PY is needed for the peers" >&2; exit 0; }
mkdir -p "$OUT"
[[ $REUSE == 1 && -f $OUT/graph.db ]] || { REUSE=0; rm -f "$OUT"/graph.db*; }

# The peer needs no graph: it runs beside the CiteGraph side (same run, same machine state).
"$PY" bench/peers/suggest_peer.py "$DATA/papers.jsonl" "$DATA/references.tsv" $EVAL_YEARS $FIT_YEARS $GRAPH_BEFORE 10 > "$OUT/peers.jsonl" &
PEER=$!

if [[ -n ${CITEGRAPH:-} ]]; then
  CG=$CITEGRAPH
else
  dotnet build -c Release src/Host -nologo -v q >&2
  CG=src/Host/bin/Release/net10.0/citegraph
fi
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)" > "$OUT/load.txt"

if [[ $REUSE == 0 ]]; then
  # The derive pass of the load embeds every paper (all-MiniLM-L6-v2) when the model is available: the semantic feature.
  "$CG" load "$DATA/papers.jsonl" --db "$OUT/graph.db" --quiet >&2
  # Training citations: arXiv ids here all start with YYMM, so the citing year is in the id.
  awk -F'\t' -v before=$GRAPH_BEFORE '{ yy = substr($1, 1, 2) + 0; if (2000 + yy < before) print }' "$DATA/references.tsv" > "$OUT/graph-references.tsv"
  if "$CG" load --help 2>/dev/null | grep -q -- '--id-kind'; then
    "$CG" load "$OUT/graph-references.tsv" --id-kind arxiv --db "$OUT/graph.db" --quiet >&2
  else
    # Until `load --id-kind arxiv` exists: the same citations through the store API.
    dotnet run bench/tools/add-citations.cs -- "$OUT/graph.db" "$OUT/graph-references.tsv" $GRAPH_BEFORE >&2
  fi
fi

T="--db $OUT/graph.db --truth $DATA/references.tsv"
if [[ $QUICK == 1 ]]; then
  # Co-topic (the peer CiteGraph already had) alone; its run is named as --each-feature names it.
  "$CG" eval-suggest $T --citing-years $EVAL_YEARS --features co-topic --json | "$PY" -c 'import json,sys; d=json.load(sys.stdin); d["runs"][0]["method"]="co-topic"; print(json.dumps(d))' > "$OUT/citegraph.json"
  rm -f "$OUT/citegraph-fit-open.json"
else
  "$CG" eval-suggest $T --citing-years $EVAL_YEARS --each-feature --json > "$OUT/citegraph.json"
  "$CG" eval-suggest $T --citing-years $EVAL_YEARS --fit-years $FIT_YEARS --fit-features "$SERVED_FEATURES" --fit-method $FIT_METHOD --json > "$OUT/citegraph-fit-open.json"
fi
# The served fit (frozen graph, as the evaluated papers see theirs) and, in the same run, the previous method (coordinate search alone) on the same features.
"$CG" eval-suggest $T --citing-years $EVAL_YEARS --fit-years $FROZEN_FIT_YEARS --fit-graph-before $FROZEN_FIT_BEFORE --fit-features "$SERVED_FEATURES" --fit-method $FIT_METHOD --json > "$OUT/citegraph-fit.json"
"$CG" eval-suggest $T --citing-years $EVAL_YEARS --fit-years $FROZEN_FIT_YEARS --fit-graph-before $FROZEN_FIT_BEFORE --fit-features "$SERVED_FEATURES" --fit-method coordinate --json > "$OUT/citegraph-fit-base.json"
# How the fit and the features were judged before being kept: 2-fold cross-validation by paper on the training papers only.
CV="$T --fit-years $FROZEN_FIT_YEARS --fit-graph-before $FROZEN_FIT_BEFORE --cv-folds 2"
# The served set by both fit methods: the reference every candidate feature is compared with (the features tried against
# it are in the hand-written notes under the section; those of bench/suggest/part-vectors.patch need its build).
{
  "$CG" eval-suggest $CV --fit-method coordinate --fit-features "$SERVED_FEATURES" | sed 's/^/coordinate search, /'
  "$CG" eval-suggest $CV --fit-method $FIT_METHOD --fit-features "$SERVED_FEATURES" | sed 's/^/coordinate search also started from the pairwise fit, /'
  # The served set without the features added last (GraphWalk, branch suggest10; ItemBias, session 15): what each adds, in the same run.
  "$CG" eval-suggest $CV --fit-method $FIT_METHOD --fit-features "$SERVED_FEATURES,-graph-walk" | sed 's/^/coordinate search also started from the pairwise fit, /'
  # ItemBias (session 15) is not served: the served set with it, judged the same way.
  "$CG" eval-suggest $CV --fit-method $FIT_METHOD --fit-features "$SERVED_FEATURES,item-bias" | sed 's/^/coordinate search also started from the pairwise fit, /'
} > "$OUT/cv.txt"
wait $PEER

# Held out by paper: the same citing papers, with the graph holding every citation (also those of 2020-2022); each citing
# paper still sees only the citations made strictly before its month, never its own or later ones: a new paper asking
# the live API. The peers see the same (GRAPH_BEFORE 9999). CiteGraph: the served weights (fitted frozen, above) and, for
# comparison, weights fitted the same way on this protocol (2018-2019, each training paper seeing everything before it).
BP=$OUT/bypaper
mkdir -p "$BP"
"$PY" bench/peers/suggest_peer.py "$DATA/papers.jsonl" "$DATA/references.tsv" $EVAL_YEARS $FIT_YEARS 9999 10 > "$BP/peers.jsonl" &
PEER=$!
if [[ $REUSE == 0 || ! -f $BP/graph.db ]]; then
  rm -f "$BP"/graph.db*
  for f in "$OUT"/graph.db "$OUT"/graph.db-wal "$OUT"/graph.db-shm; do
    if [[ -f $f ]]; then cp "$f" "$BP/${f##*/}"; fi
  done
  awk -F'\t' -v before=$GRAPH_BEFORE '{ yy = substr($1, 1, 2) + 0; if (2000 + yy >= before) print }' "$DATA/references.tsv" > "$BP/later-references.tsv"
  "$CG" load "$BP/later-references.tsv" --id-kind arxiv --db "$BP/graph.db" --quiet >&2
fi
TB="--db $BP/graph.db --truth $DATA/references.tsv"
"$CG" eval-suggest $TB --citing-years $EVAL_YEARS --json > "$BP/served.json"
"$CG" eval-suggest $TB --citing-years $EVAL_YEARS --fit-years $FROZEN_FIT_YEARS --fit-features "$SERVED_FEATURES" --fit-method $FIT_METHOD --json > "$BP/fit.json"
{
  "$CG" eval-suggest $TB --fit-years $FROZEN_FIT_YEARS --cv-folds 2 --fit-method $FIT_METHOD --fit-features "$SERVED_FEATURES" --fit-features "$SERVED_FEATURES,item-bias"
} > "$BP/cv.txt"
wait $PEER
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/load.txt"
"$PY" bench/peers/suggest_report.py "$OUT" bench/RESULTS.md
