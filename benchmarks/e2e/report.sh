#!/usr/bin/env bash
# What the HTML report costs on a large folder, in one run:
#
#   benchmarks/e2e/report.sh [--codec PATH] [--rounds R] [--jobs 16] [--work DIR] [--keep]
#
# The corpus is the one shards.sh uses (make_jobs.py: --jobs copies of the real face-api-1.2-modalities job, 240
# renders each, from ../shared/fixtures beside the repository). Per round it times `codec validate` alone, with
# --html, and with --out; then `codec report` of the Parquet file, and `codec report --baseline` against it. It
# prints the sizes of the HTML and Parquet files, and checks that the page drawn from the Parquet file equals the one
# written by the run (below its header, which names the inputs and the time).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
jobs=16 keep=0
option() {
  case "$1" in
    --jobs) jobs=$2; taken=2 ;;
    --keep) keep=1; taken=1 ;;
    *) return 1 ;;
  esac
}
source "$here/modalities.sh"
[ "$keep" = 1 ] || trap 'rm -rf "$work"' EXIT

corpus="$work/jobs"
[ -d "$corpus" ] || python3 "$here/make_jobs.py" "$job" "$corpus" "$jobs"

echo "| round | validate | validate --html | validate --out | report of the Parquet file | report --baseline |"
echo "|---|---|---|---|---|---|"
for round in $(seq 1 "$rounds"); do
  plain=$(t_findings "$codec" validate "$corpus" --quiet)
  html=$(t_findings "$codec" validate "$corpus" --quiet --html "$work/run.html")
  out=$(t_findings "$codec" validate "$corpus" --quiet --out "$work/run.parquet")
  report=$(t_findings "$codec" report "$work/run.parquet" -o "$work/report.html")
  drift=$(t_findings "$codec" report "$work/run.parquet" --baseline "$work/run.parquet" -o "$work/drift.html")
  printf '| %s | %.2f s | %.2f s | %.2f s | %.2f s | %.2f s |\n' "$round" "$plain" "$html" "$out" "$report" "$drift"
done
body() { sed -e '/<title>/d' -e '/<header>/d' "$1"; }
cmp -s <(body "$work/run.html") <(body "$work/report.html") && echo "The report of the Parquet file is the run's page." || { echo "report.sh: the two pages differ" >&2; exit 1; }
renders=$(find -L "$corpus" -name '*.info.json' | wc -l)
echo "renders: $renders; HTML: $(stat -c %s "$work/run.html") bytes; Parquet: $(stat -c %s "$work/run.parquet") bytes; corpus: $(du -shL "$corpus" | cut -f1)"
