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
shards=4 jobs=16 keep=0
option() {
  case "$1" in
    --shards) shards=$2; taken=2 ;;
    --jobs) jobs=$2; taken=2 ;;
    --keep) keep=1; taken=1 ;;
    *) return 1 ;;
  esac
}
source "$here/modalities.sh"
[ "$keep" = 1 ] || trap 'rm -rf "$work"' EXIT

corpus="$work/jobs"
if [ ! -d "$corpus" ]; then
  python3 "$here/make_jobs.py" "$job" "$corpus" "$jobs"
fi

echo "| round | cat | one process | slowest of $shards shards alone | sum of shards alone | $shards shards side by side | merge |"
echo "|---|---|---|---|---|---|---|"
for round in $(seq 1 "$rounds"); do
  cat_s=$(t sh -c "find -L '$corpus' \( -name '*.info.json' -o -name '*.segments.png' -o -name metadata.jsonl \) -print0 | xargs -0 cat > /dev/null")
  one=$(t_findings "$codec" validate "$corpus")
  slowest=0 sum=0
  for k in $(seq 0 $((shards - 1))); do
    s=$(t_findings "$codec" validate "$corpus" --shard "$k/$shards" --out "$work/shard-$k.parquet")
    sum=$(echo "$sum + $s" | bc); slowest=$(echo "if ($s > $slowest) $s else $slowest" | bc)
  done
  start=$(date +%s.%N)
  for k in $(seq 0 $((shards - 1))); do "$codec" validate "$corpus" --shard "$k/$shards" --out "$work/shard-$k.parquet" > /dev/null 2>&1 & done
  wait
  side=$(echo "$(date +%s.%N) - $start" | bc)
  merge=$(t_findings "$codec" merge "$work"/shard-*.parquet)
  printf '| %s | %.2f s | %.2f s | %.2f s | %.2f s | %.2f s | %.2f s |\n' "$round" "$cat_s" "$one" "$slowest" "$sum" "$side" "$merge"
done
"$codec" validate "$corpus" > "$work/one.txt" 2> /dev/null || true
"$codec" merge "$work"/shard-*.parquet > "$work/merged.txt" 2> /dev/null || true
cmp -s "$work/one.txt" "$work/merged.txt" && echo "The merge printed the single run's report, byte for byte." || { echo "shards.sh: the merge differs from the single run" >&2; exit 1; }
du -shL "$corpus" | sed 's/^/corpus: /'
ls -l "$work"/shard-*.parquet | awk '{s += $5} END {print "shard files: " s " bytes"}'
