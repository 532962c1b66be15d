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
repo=$(cd "$here/../.." && pwd)
source_job="$repo/../shared/fixtures/synthesis/face-api-1.2-modalities"
codec="" rounds=3 jobs=16 work="" keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    --codec) codec=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --jobs) jobs=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    *) echo "report.sh: unknown option $1 (see the comment at the top of this script)" >&2; exit 2 ;;
  esac
done

[ -d "$source_job" ] || { echo "report.sh: the fixtures are not at $source_job" >&2; exit 2; }
work=${work:-$(mktemp -d)}
[ "$keep" = 1 ] || trap 'rm -rf "$work"' EXIT
if [ -z "$codec" ]; then
  dotnet publish "$repo/src/Codec.Cli" -c Release -r linux-x64 -o "$work/bin" > /dev/null
  codec="$work/bin/codec"
fi

corpus="$work/jobs"
[ -d "$corpus" ] || python3 "$here/make_jobs.py" "$source_job" "$corpus" "$jobs"

t() { local s e; s=$(date +%s.%N); "$@" > /dev/null 2>&1 || true; e=$(date +%s.%N); echo "$e - $s" | bc; }
echo "| round | validate | validate --html | validate --out | report of the Parquet file | report --baseline |"
echo "|---|---|---|---|---|---|"
for round in $(seq 1 "$rounds"); do
  plain=$(t "$codec" validate "$corpus" --quiet)
  html=$(t "$codec" validate "$corpus" --quiet --html "$work/run.html")
  out=$(t "$codec" validate "$corpus" --quiet --out "$work/run.parquet")
  report=$(t "$codec" report "$work/run.parquet" -o "$work/report.html")
  drift=$(t "$codec" report "$work/run.parquet" --baseline "$work/run.parquet" -o "$work/drift.html")
  printf '| %s | %.2f s | %.2f s | %.2f s | %.2f s | %.2f s |\n' "$round" "$plain" "$html" "$out" "$report" "$drift"
done
body() { sed -e '/<title>/d' -e '/<header>/d' "$1"; }
cmp -s <(body "$work/run.html") <(body "$work/report.html") && echo "The report of the Parquet file is the run's page." || { echo "report.sh: the two pages differ" >&2; exit 1; }
renders=$(find -L "$corpus" -name '*.info.json' | wc -l)
echo "renders: $renders; HTML: $(stat -c %s "$work/run.html") bytes; Parquet: $(stat -c %s "$work/run.parquet") bytes; corpus: $(du -shL "$corpus" | cut -f1)"
