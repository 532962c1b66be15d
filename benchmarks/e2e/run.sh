#!/usr/bin/env bash
# End-to-end benchmarks of what users run: the published native `codec` as whole processes against its peers
# (Python's json, ujson, rapidjson and orjson where installed, NumPy, and `cat` as the read limit) on the same
# files, alternated round by round in one run, medians and ratios printed as a Markdown table.
#
#   benchmarks/e2e/run.sh [--codec PATH] [--compare PATH] [--rounds N] [--only "info one metadata dataset"]
#                         [--metadata-mib N] [--dataset-shots N] [--work DIR] [--keep]
#
# --codec    the codec binary to time (default: published here with `dotnet publish`, native)
# --compare  another codec binary timed in the same rounds (e.g. an older build), shown as "codec (compared)"
# Corpora are generated from ../shared/fixtures beside the repository into a temporary folder and deleted after
# (--keep keeps them): 1,020 real info.json files, one 1.5 info.json, a metadata.jsonl of the real lines repeated
# (1,024 MiB), and an Audio2Face-3D dataset of float32 .npy caches (80 shots x 300 frames x 24,000 vertices, 6.9 GB).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
fixtures="$repo/../shared/fixtures"
rounds=5 codec="" compare="" only="info one metadata dataset" metadata_mib=1024 dataset_shots=80 work="" keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    --codec) codec=$2; shift 2 ;;
    --compare) compare=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --only) only=$2; shift 2 ;;
    --metadata-mib) metadata_mib=$2; shift 2 ;;
    --dataset-shots) dataset_shots=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    *) echo "run.sh: unknown option $1 (see the comment at the top of this script)" >&2; exit 2 ;;
  esac
done

[ -d "$fixtures/synthesis" ] || { echo "run.sh: the fixtures folder $fixtures is not there" >&2; exit 2; }
if [ -z "$work" ]; then work=$(mktemp -d "${TMPDIR:-/tmp}/codec-e2e.XXXXXX"); fi
mkdir -p "$work"
[ "$keep" = 1 ] || trap 'rm -rf "$work"' EXIT

if [ -z "$codec" ]; then
  echo "publishing the native codec..." >&2
  dotnet publish "$repo/src/Codec.Cli" -c Release -r "$(dotnet --info | sed -n 's/^ *RID: *//p' | head -1)" -o "$work/bin" > "$work/publish.log" 2>&1 \
    || { cat "$work/publish.log" >&2; exit 2; }
  codec="$work/bin/codec"
fi

# Each Python peer runs on the first interpreter that has its module (Debian's packages and a pyenv's may differ);
# a peer no interpreter has is left out. $PYTHON, if set, is tried first.
declare -A python_for
for m in json ujson rapidjson orjson numpy; do
  for py in ${PYTHON:-} /usr/bin/python3 python3; do
    if command -v "$py" > /dev/null && "$py" -c "import $m" 2> /dev/null; then python_for[$m]=$py; break; fi
  done
done
json_peers=""
for m in json ujson rapidjson orjson; do if [ -n "${python_for[$m]:-}" ]; then json_peers="$json_peers $m"; fi; done

# ---------------------------------------------------------------- corpora (each written once)
source "$here/corpora.sh"

# ---------------------------------------------------------------- timing
results="$work/results.tsv"
: > "$results"
source "$here/timing.sh"

run_scenario() {
  local scenario=$1 target=$2 kind=$3
  for round in $(seq 1 "$rounds"); do
    echo "  $scenario, round $round of $rounds" >&2
    time_one "$scenario" "codec" "$codec" validate "$target"
    [ -n "$compare" ] && time_one "$scenario" "codec (compared)" "$compare" validate "$target"
    case "$kind" in
      files) for p in $json_peers; do time_one "$scenario" "python $p" "${python_for[$p]}" "$here/peers.py" files "$p" "$target"; done ;;
      one) time_one "$scenario" "python json" "${python_for[json]}" -c 'import json, sys; json.load(open(sys.argv[1], "rb"))' "$target" ;;
      lines) for p in $json_peers; do time_one "$scenario" "python $p" "${python_for[$p]}" "$here/peers.py" lines "$p" "$target"; done ;;
      npy) [ -n "${python_for[numpy]:-}" ] || { echo "run.sh: no Python here has NumPy (Debian: python3-numpy)" >&2; exit 2; }
           time_one "$scenario" "numpy load" "${python_for[numpy]}" "$here/peers.py" npy load "$target"
           time_one "$scenario" "numpy mmap" "${python_for[numpy]}" "$here/peers.py" npy mmap "$target" ;;
    esac
    if [ -d "$target" ]; then time_one "$scenario" "cat" bash -c 'cat_all "$0"' "$target"; else time_one "$scenario" "cat" cat "$target"; fi
  done
}

for s in $only; do
  case "$s" in
    info) make_info; echo "info: 1,020 info.json, $(du -sh "$work/info" | cut -f1)" >&2; run_scenario "1,020 info.json" "$work/info" files ;;
    one) make_one; run_scenario "one 1.5 info.json" "$work/one/24.info.json" one ;;
    metadata) make_metadata; echo "metadata: $(du -h "$work/metadata.jsonl" | cut -f1)" >&2; run_scenario "metadata.jsonl" "$work/metadata.jsonl" lines ;;
    dataset) make_dataset; echo "dataset: $(du -sh "$work/a2f" | cut -f1)" >&2; run_scenario "A2F dataset" "$work/a2f" npy ;;
    *) echo "run.sh: unknown scenario $s (info, one, metadata, dataset)" >&2; exit 2 ;;
  esac
done

# ---------------------------------------------------------------- the table
python3 - "$results" "$(nproc)" <<'EOF'
import collections, statistics, sys
rows = collections.OrderedDict()
for line in open(sys.argv[1]):
    scenario, label, clock, resources, _ = line.rstrip("\n").split("\t")
    kb = resources.split()[0]
    start, end = (float(t) for t in clock.split())
    rows.setdefault(scenario, collections.OrderedDict()).setdefault(label, []).append((end - start, int(kb)))
print(f"{sys.argv[2]} cores; medians of {max(len(v) for s in rows.values() for v in s.values())} alternated rounds\n")
print("| scenario | run | median wall | range | peak resident | codec is faster by | codec / cat time |")
print("|---|---|---|---|---|---|---|")
for scenario, runs in rows.items():
    codec = statistics.median(t for t, _ in runs["codec"])
    cat = statistics.median(t for t, _ in runs["cat"]) if "cat" in runs else None
    for label, samples in runs.items():
        times = [t for t, _ in samples]
        median = statistics.median(times)
        faster = "" if label in ("codec", "cat") else f"{median / codec:.2f}x"
        vs_cat = f"{median / cat:.2f}x" if cat and label.startswith("codec") else ""
        print(f"| {scenario} | {label} | {median:.3f} s | {min(times):.3f}–{max(times):.3f} s | {max(k for _, k in samples) / 1024:.0f} MB | {faster} | {vs_cat} |")
EOF
