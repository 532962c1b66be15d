#!/usr/bin/env bash
# How the merge grows with the run: sharded runs of growing size and the merge's peak memory and time.
#
#   benchmarks/e2e/merge_growth.sh [--codec PATH] [--work DIR] [--keep] [--folders "10 20"] [--repeat 134] [--shards 4]
#                                  [--merge-only]
#
# One job folder of about 2,000 renders is generated from the real face-api-1.2-modalities job (make_jobs.py: the job's
# 15 renders repeated --repeat times, render ids renumbered, metadata.jsonl rewritten; the render files are hard links,
# so a run costs no disk). A run of F folders is F such folders; for each F of --folders, the script runs the
# --shards shards (two at a time: this machine has two cores) and records each shard's wall time and peak memory,
# then times `codec merge` of the shard files three ways: printing the readable report, --json, and --out (a
# shard file for a further merge), each with its peak memory from /usr/bin/time. The merge's report is compared
# with a single run's on the smallest size, byte for byte, and that single run's time and memory are printed (what one
# 2-vCPU machine checks per second). --merge-only times the merges again over the shard files (and the shard times)
# an earlier run with --keep left in --work.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
shards=4 folders="10 20" repeat=134 keep=0 merge_only=0
option() {
  case "$1" in
    --shards) shards=$2; taken=2 ;;
    --folders) folders=$2; taken=2 ;;
    --repeat) repeat=$2; taken=2 ;;
    --keep) keep=1; taken=1 ;;
    --merge-only) merge_only=1; taken=1 ;;
    *) return 1 ;;
  esac
}
source "$here/modalities.sh"
[ "$keep" = 1 ] || trap 'rm -rf "$work"' EXIT

largest=$(printf '%s\n' $folders | sort -n | tail -1)
corpus="$work/growth-$repeat"
if [ ! -d "$corpus/job$(printf '%02d' $((largest - 1)))" ]; then
  rm -rf "$corpus"
  python3 "$here/make_jobs.py" "$job" "$corpus" "$largest" "$repeat" --link
fi
renders_per_folder=$(grep -c . "$corpus/job00/metadata.jsonl")

# peak KB and seconds of one command, its output to $2 (codec exits 1 when it finds errors: not a failure).
measure() {
  local out=$1; shift
  local rc=0
  /usr/bin/time -f "%M %e" -o "$work/time" "$@" > "$out" 2> "$work/err" || rc=$?
  [ "$rc" -le 1 ] || { echo "merge_growth.sh: $* failed ($rc): $(tail -3 "$work/err")" >&2; exit 1; }
  tail -1 "$work/time"
}

echo "| renders | shard files | slowest shard | shard peak memory | merge (readable) | merge peak | merge --json | peak | merge --out | peak |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for f in $folders; do
  paths=()
  for j in $(seq 0 $((f - 1))); do paths+=("$corpus/job$(printf '%02d' "$j")"); done
  run="$work/run-$f"
  if [ "$merge_only" = 1 ]; then
    [ -f "$run/shard-$((shards - 1)).time" ] || { echo "merge_growth.sh: --merge-only: no shard files of an earlier run in $run" >&2; exit 2; }
  else
    rm -rf "$run"; mkdir -p "$run"
    for k in $(seq 0 $((shards - 1))); do
      ( measure /dev/null "$codec" validate "${paths[@]}" --shard "$k/$shards" --out "$run/shard-$k.parquet" > "$run/shard-$k.time" ) &
      if (( k % 2 == 1 )); then wait; fi
    done
    wait
  fi
  slowest=0 shard_peak=0
  for k in $(seq 0 $((shards - 1))); do
    read -r kb s < "$run/shard-$k.time"
    slowest=$(echo "if ($s > $slowest) $s else $slowest" | bc); (( kb > shard_peak )) && shard_peak=$kb
  done
  read -r m_kb m_s <<< "$(measure "$run/merged.txt" "$codec" merge "$run"/shard-*.parquet)"
  read -r j_kb j_s <<< "$(measure /dev/null "$codec" merge "$run"/shard-*.parquet --json)"
  read -r o_kb o_s <<< "$(measure /dev/null "$codec" merge "$run"/shard-*.parquet --out "$run/merged.parquet")"
  bytes=$(cat "$run"/shard-*.parquet | wc -c)
  printf '| %s | %.1f MB | %.1f s | %d MB | %.2f s | %d MB | %.2f s | %d MB | %.2f s | %d MB |\n' \
    "$((f * renders_per_folder))" "$(echo "$bytes / 1000000" | bc -l)" "$slowest" $((shard_peak / 1024)) \
    "$m_s" $((m_kb / 1024)) "$j_s" $((j_kb / 1024)) "$o_s" $((o_kb / 1024))
done

smallest=$(printf '%s\n' $folders | sort -n | head -1)
paths=()
for j in $(seq 0 $((smallest - 1))); do paths+=("$corpus/job$(printf '%02d' "$j")"); done
read -r one_kb one_s <<< "$(measure "$work/one.txt" "$codec" validate "${paths[@]}")"
echo "One process over the $((smallest * renders_per_folder)) renders: $(printf '%.1f' "$one_s") s, $((one_kb / 1024)) MB peak."
cmp -s "$work/one.txt" "$work/run-$smallest/merged.txt" && echo "The merge printed the single run's report, byte for byte ($((smallest * renders_per_folder)) renders)." \
  || { echo "merge_growth.sh: the merge differs from the single run" >&2; exit 1; }
