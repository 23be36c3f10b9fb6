#!/usr/bin/env bash
# Inferred lineage (issue 15, item 5): precision, recall, per-rule table and calibration of the inferred CITES against
# real reference lists, before (baseline commits) and after (this tree), in the same run, through the real CLI.
#
#   bench/run-lineage.sh                       # baseline = 08b6778 (before issue 15), previous = 47888bf (before the embedding gate)
#   bench/run-lineage.sh --baseline REF        # another baseline commit
#   bench/run-lineage.sh --previous REF        # another previous commit
#   bench/run-lineage.sh --before REF          # also REF's build with embeddings, derived on a copy of --db (the tree before
#                                              # the latest lineage change, measured in the same run; needs --db)
#   bench/run-lineage.sh --before-threshold C  # REF's default threshold (0.8 until the conservative map; default 0.8)
#   bench/run-lineage.sh --no-baseline         # neither baseline nor previous: this tree only
#   bench/run-lineage.sh --no-build            # use the Release build already there
#   bench/run-lineage.sh --db X.db             # start from a copy of X.db: the corpus loaded and embedded before (by any
#                                              # build); this tree's derive re-runs on it and embeds nothing when its vectors
#                                              # are current (saves the ~8 minutes of embedding 4,828 papers)
#   bench/run-lineage.sh --hf-db Y.db          # the same for the Hugging Face corpus (11,011 papers, ~10 minutes to embed)
#
# Corpus: ../shared/data/neurips-icml-citations (papers.jsonl loaded as is; references.tsv is the truth, never loaded).
# Split: the calibration and the gates (src/Loaders/Lineage/LineageCalibration.cs, fitted by
# bench/lineage/fit_calibration.py) were fitted on citing papers before 2020; the test split is citing papers
# 2020–2022 (`eval-lineage --citing-from 2020`), reported apart from the training split (`--citing-to 2019`). Each
# baseline is loaded and derived by its own build (without embeddings: they did not use them) and judged by this
# tree's eval-lineage, at each build's default threshold. This tree is measured twice: with the papers' sentence
# embeddings (derive embeds them first; the gate and calibration use their cosine) and without (`derive --no-embed` on
# a store without vectors: the fallback to the words' similarity).
# The calibration table over the whole confidence range comes from `derive --lineage-signals` (the store keeps only
# edges ≥ 0.5). Also derives the Hugging Face corpus (../shared/data/hf-daily-papers-*) and counts its inferred edges.
# Raw outputs go to bench/out/lineage-run/; only the lineage-eval section of bench/RESULTS.md is replaced.
set -euo pipefail
cd "$(dirname "$0")/.."

BASELINE=08b6778
PREVIOUS=47888bf
BEFORE=""
BEFORE_THRESHOLD=0.8
BUILD=1
DB=""
HFDB=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --baseline) BASELINE=$2; shift 2 ;;
    --previous) PREVIOUS=$2; shift 2 ;;
    --before) BEFORE=$2; shift 2 ;;
    --before-threshold) BEFORE_THRESHOLD=$2; shift 2 ;;
    --no-baseline) BASELINE=""; PREVIOUS=""; shift ;;
    --no-build) BUILD=0; shift ;;
    --db) DB=$2; shift 2 ;;
    --hf-db) HFDB=$2; shift 2 ;;
    *) echo "unknown option $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done

DATA=../shared/data/neurips-icml-citations
HF=../shared/data
[[ -f $DATA/papers.jsonl ]] || { echo "$DATA is absent: nothing to measure" >&2; exit 1; }
RUN=bench/out/lineage-run
rm -rf "$RUN"; mkdir -p "$RUN"
CLI=src/Host/bin/Release/net10.0/citegraph.dll
if [[ $BUILD == 1 ]]; then dotnet build src/Host -c Release -v q -nologo >/dev/null; fi
uptime > "$RUN/load-before.txt"

evaluate() { # db label [threshold]; without one, this tree's default
  for split in "--citing-from 2020:test" "--citing-to 2019:train" ":all"; do
    local args=${split%%:*} name=${split##*:}
    # shellcheck disable=SC2086
    dotnet "$CLI" eval-lineage --db "$1" --truth $DATA/references.tsv ${3:+--threshold $3} $args --json > "$RUN/$2-$name.json"
  done
}

other_build() { # ref label threshold: load and derive with the build of an earlier commit
  local base=bench/out/lineage-$2
  git worktree remove --force "$base" 2>/dev/null || true
  git worktree add --detach "$base" "$1" >/dev/null
  dotnet build "$base/src/Host" -c Release -v q -nologo >/dev/null
  local cli="$base/src/Host/bin/Release/net10.0/citegraph.dll" extra=""
  if dotnet "$cli" load --help 2>&1 | grep -q -- --no-embed; then extra=--no-embed; fi
  dotnet "$cli" load $DATA/papers.jsonl --db "$RUN/$2.db" --quiet $extra > "$RUN/$2-load.txt"
  evaluate "$RUN/$2.db" "$2" "$3"
  git worktree remove --force "$base"
}

before_build() { # ref: an earlier build with embeddings, derived on a copy of the embedded corpus (embeds nothing)
  local base=bench/out/lineage-before
  git worktree remove --force "$base" 2>/dev/null || true
  git worktree add --detach "$base" "$1" >/dev/null
  dotnet build "$base/src/Host" -c Release -v q -nologo >/dev/null
  cp "$DB" "$RUN/before.db"
  dotnet "$base/src/Host/bin/Release/net10.0/citegraph.dll" derive --db "$RUN/before.db" --lineage-signals "$RUN/before-signals.tsv" > "$RUN/before-derive.txt" 2>/dev/null
  evaluate "$RUN/before.db" before "$BEFORE_THRESHOLD"
  git worktree remove --force "$base"
}

if [[ -n $BEFORE ]]; then
  if [[ -n $DB ]]; then before_build "$BEFORE"; else echo "--before needs --db (an embedded corpus): skipped" >&2; fi
fi
if [[ -n $BASELINE ]]; then other_build "$BASELINE" baseline 0.6; fi
if [[ -n $PREVIOUS ]]; then other_build "$PREVIOUS" previous 0.8; fi

# This tree without embeddings: the fallback to the words' similarity.
dotnet "$CLI" load $DATA/papers.jsonl --db "$RUN/words.db" --quiet --no-derive > "$RUN/words-load.txt"
dotnet "$CLI" derive --db "$RUN/words.db" --no-embed --lineage-signals "$RUN/words-signals.tsv" > "$RUN/words-derive.txt" 2>/dev/null
evaluate "$RUN/words.db" words

# This tree with embeddings.
start=$(date +%s.%N)
if [[ -n $DB ]]; then
  cp "$DB" "$RUN/ours.db"
else
  dotnet "$CLI" load $DATA/papers.jsonl --db "$RUN/ours.db" --quiet --no-derive > "$RUN/ours-load.txt"
fi
dotnet "$CLI" derive --db "$RUN/ours.db" --lineage-signals "$RUN/ours-signals.tsv" > "$RUN/ours-derive.txt" 2>/dev/null
echo "$(date +%s.%N) - $start" | bc > "$RUN/ours-seconds.txt"
evaluate "$RUN/ours.db" ours
# Thresholds on the conservative scale: the write floor (0.373), the bins' bounds (0.448, 0.573 = the default, 0.696) and between.
for t in 0.373 0.448 0.5 0.573 0.6 0.696 0.75; do
  dotnet "$CLI" eval-lineage --db "$RUN/ours.db" --truth $DATA/references.tsv --threshold $t --citing-from 2020 --json > "$RUN/ours-test-$t.json"
done
python3 bench/lineage/fit_calibration.py "$RUN/ours-signals.tsv" $DATA/references.tsv > "$RUN/fit.txt"

if compgen -G "$HF/hf-daily-papers-api/daily/*.json" >/dev/null; then
  if [[ -n $HFDB ]]; then
    cp "$HFDB" "$RUN/hf.db"
  else
    dotnet "$CLI" load $HF/hf-daily-papers-api/daily/*.json $HF/hf-daily-papers-scraped/daily/* --db "$RUN/hf.db" --quiet --no-derive > "$RUN/hf-load.txt" 2>&1
  fi
  dotnet "$CLI" derive --db "$RUN/hf.db" --lineage-signals "$RUN/hf-signals.tsv" > "$RUN/hf-derive.txt" 2>/dev/null
fi

uptime > "$RUN/load-after.txt"
python3 bench/lineage/report.py "$RUN" $DATA/references.tsv bench/RESULTS.md
echo "wrote the lineage-eval section of bench/RESULTS.md (raw outputs in $RUN)" >&2
