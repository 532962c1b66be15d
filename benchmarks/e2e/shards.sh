#!/usr/bin/env bash
# One codec process against N shards plus their merge, on the same Synthesis job folders, in one run:
#
#   benchmarks/e2e/shards.sh [--codec PATH] [--shards N] [--rounds R] [--jobs 16] [--work DIR] [--keep]
#
# The corpus is generated from ../shared/fixtures beside the repository: --jobs output folders, each the real
# face-api-1.2-modalities job (15 renders: info.json, segmentation mask, RGB, depth, normals, alpha) repeated 16
# times with render ids renumbered and its metadata.jsonl lines rewritten to match (240 renders, ~200 MB a folder).
# Per round it times: `cat` of every file codec reads (the read limit), one `codec validate` of everything, each of
# the N shards on its own (what N machines would each take), all N shards side by side on this machine, and the
# merge. It checks that the merge prints the single run's report, byte for byte.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
source_job="$repo/../shared/fixtures/synthesis/face-api-1.2-modalities"
codec="" shards=4 rounds=3 jobs=16 work="" keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    --codec) codec=$2; shift 2 ;;
    --shards) shards=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --jobs) jobs=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    *) echo "shards.sh: unknown option $1 (see the comment at the top of this script)" >&2; exit 2 ;;
  esac
done

[ -d "$source_job" ] || { echo "shards.sh: the fixtures are not at $source_job" >&2; exit 2; }
work=${work:-$(mktemp -d)}
[ "$keep" = 1 ] || trap 'rm -rf "$work"' EXIT
if [ -z "$codec" ]; then
  dotnet publish "$repo/src/Codec.Cli" -c Release -r linux-x64 -o "$work/bin" > /dev/null
  codec="$work/bin/codec"
fi

corpus="$work/jobs"
if [ ! -d "$corpus" ]; then
  python3 "$here/make_jobs.py" "$source_job" "$corpus" "$jobs"
fi

t() { local s e; s=$(date +%s.%N); "$@" > /dev/null 2>&1 || true; e=$(date +%s.%N); echo "$e - $s" | bc; }
echo "| round | cat | one process | slowest of $shards shards alone | sum of shards alone | $shards shards side by side | merge |"
echo "|---|---|---|---|---|---|---|"
for round in $(seq 1 "$rounds"); do
  cat_s=$(t sh -c "find -L '$corpus' \( -name '*.info.json' -o -name '*.segments.png' -o -name metadata.jsonl \) -print0 | xargs -0 cat > /dev/null")
  one=$(t "$codec" validate "$corpus")
  slowest=0 sum=0
  for k in $(seq 0 $((shards - 1))); do
    s=$(t "$codec" validate "$corpus" --shard "$k/$shards" --out "$work/shard-$k.parquet")
    sum=$(echo "$sum + $s" | bc); slowest=$(echo "if ($s > $slowest) $s else $slowest" | bc)
  done
  start=$(date +%s.%N)
  for k in $(seq 0 $((shards - 1))); do "$codec" validate "$corpus" --shard "$k/$shards" --out "$work/shard-$k.parquet" > /dev/null 2>&1 & done
  wait
  side=$(echo "$(date +%s.%N) - $start" | bc)
  merge=$(t "$codec" merge "$work"/shard-*.parquet)
  printf '| %s | %.2f s | %.2f s | %.2f s | %.2f s | %.2f s | %.2f s |\n' "$round" "$cat_s" "$one" "$slowest" "$sum" "$side" "$merge"
done
"$codec" validate "$corpus" > "$work/one.txt" 2> /dev/null || true
"$codec" merge "$work"/shard-*.parquet > "$work/merged.txt" 2> /dev/null || true
cmp -s "$work/one.txt" "$work/merged.txt" && echo "The merge printed the single run's report, byte for byte." || { echo "shards.sh: the merge differs from the single run" >&2; exit 1; }
du -shL "$corpus" | sed 's/^/corpus: /'
ls -l "$work"/shard-*.parquet | awk '{s += $5} END {print "shard files: " s " bytes"}'
