#!/usr/bin/env bash
# Inferred lineage (issue 15, item 5): precision, recall, per-rule table and calibration of the inferred CITES against
# real reference lists, before (a baseline commit) and after (this tree), in the same run, through the real CLI.
#
#   bench/run-lineage.sh                       # baseline = the commit this branch started from (08b6778)
#   bench/run-lineage.sh --baseline REF        # another baseline commit
#   bench/run-lineage.sh --no-baseline         # this tree only
#   bench/run-lineage.sh --no-build            # use the Release build already there
#
# Corpus: ../shared/data/neurips-icml-citations (papers.jsonl loaded as is; references.tsv is the truth, never loaded).
# Split: the calibration (src/Loaders/Lineage/LineageCalibration.cs, fitted by bench/lineage/fit_calibration.py) was
# fitted on citing papers before 2020; the test split is citing papers 2020–2022 (`eval-lineage --citing-from 2020`),
# reported apart from the training split (`--citing-to 2019`). The baseline is loaded and derived by its own build and
# judged by this tree's eval-lineage (the baseline has no --citing-from), at each build's default threshold.
# The calibration table over the whole confidence range comes from `derive --lineage-signals` (the store keeps only
# edges ≥ 0.5). Also loads the Hugging Face corpus (../shared/data/hf-daily-papers-*) and counts its inferred edges.
# Raw outputs go to bench/out/lineage-run/; only the lineage-eval section of bench/RESULTS.md is replaced.
set -euo pipefail
cd "$(dirname "$0")/.."

BASELINE=08b6778
BUILD=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --baseline) BASELINE=$2; shift 2 ;;
    --no-baseline) BASELINE=""; shift ;;
    --no-build) BUILD=0; shift ;;
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

if [[ -n $BASELINE ]]; then
  BASE=bench/out/lineage-baseline
  git worktree remove --force "$BASE" 2>/dev/null || true
  git worktree add --detach "$BASE" "$BASELINE" >/dev/null
  dotnet build "$BASE/src/Host" -c Release -v q -nologo >/dev/null
  start=$(date +%s.%N)
  dotnet "$BASE/src/Host/bin/Release/net10.0/citegraph.dll" load $DATA/papers.jsonl --db "$RUN/baseline.db" --quiet > "$RUN/baseline-load.txt"
  echo "$(date +%s.%N) - $start" | bc > "$RUN/baseline-seconds.txt"
  evaluate "$RUN/baseline.db" baseline 0.6
  git worktree remove --force "$BASE"
fi

start=$(date +%s.%N)
dotnet "$CLI" load $DATA/papers.jsonl --db "$RUN/ours.db" --quiet --no-derive > "$RUN/ours-load.txt"
dotnet "$CLI" derive --db "$RUN/ours.db" --lineage-signals "$RUN/ours-signals.tsv" > "$RUN/ours-derive.txt" 2>/dev/null
echo "$(date +%s.%N) - $start" | bc > "$RUN/ours-seconds.txt"
evaluate "$RUN/ours.db" ours
for t in 0.5 0.6 0.8 0.9; do
  dotnet "$CLI" eval-lineage --db "$RUN/ours.db" --truth $DATA/references.tsv --threshold $t --citing-from 2020 --json > "$RUN/ours-test-$t.json"
done

if compgen -G "$HF/hf-daily-papers-api/daily/*.json" >/dev/null; then
  dotnet "$CLI" load $HF/hf-daily-papers-api/daily/*.json $HF/hf-daily-papers-scraped/daily/* --db "$RUN/hf.db" --quiet --no-derive > "$RUN/hf-load.txt" 2>&1
  dotnet "$CLI" derive --db "$RUN/hf.db" --lineage-signals "$RUN/hf-signals.tsv" > "$RUN/hf-derive.txt" 2>/dev/null
fi

uptime > "$RUN/load-after.txt"
python3 bench/lineage/report.py "$RUN" $DATA/references.tsv bench/RESULTS.md
echo "wrote the lineage-eval section of bench/RESULTS.md (raw outputs in $RUN)" >&2
