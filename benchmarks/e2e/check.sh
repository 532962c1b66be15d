#!/usr/bin/env bash
# The end-to-end regression gate: the published native `codec` on every user-level scenario, against its peer or its
# read limit in the same run (rounds alternated, medians), each ratio compared with the one recorded in
# benchmarks/RESULTS.md ("The regression gate"). Fails (exit 1) when a ratio falls more than 15 % below its record.
#
#   benchmarks/e2e/check.sh [--codec PATH] [--python PATH] [--rounds N] [--only "job dataset metadata info python"] [--work DIR] [--keep] [--record]
#
# Scenarios (corpora written from ../shared/fixtures beside the repository, see corpora.sh):
#   job       a Human API job with every modality: the real 15-render job (info.json, segments.png, rgb.png, depth,
#             normals and alpha TIFFs, metadata.jsonl) copied 32 times, 480 renders; against a Python pass that only
#             decodes the same files (json, OpenCV, libtiff through ctypes; two processes, one per core)
#   dataset   an Audio2Face-3D dataset in the page cache (24 shots x 300 frames x 24,000 vertices, 2 GB); against `cat`
#   metadata  a 1 GiB metadata.jsonl of the real lines; against simdjson's DOM parser on one core (the CPU time of its
#             parse, reading the file not counted)
#   info      1,020 real info.json files; against orjson (the first Python that has it); both timed five runs at a time
#   python    the job's renders read through the Python package (python_job.py: views, every image and mask as a NumPy
#             array) against the same pass with json, OpenCV and libtiff (job_peer.py), one process each; --python names
#             an interpreter with the package installed (default python/.venv/bin/python, which python/test.sh leaves)
# A ratio is the peer's time over codec's: above 1, codec is faster. --record writes this run's ratios into
# RESULTS.md instead of comparing (after an intended change, with the reason in the commit).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
fixtures="$repo/../shared/fixtures"
rounds=5 codec="" only="job dataset metadata info python" work="" keep=0 record=0 python="$repo/python/.venv/bin/python"
job_copies=32 dataset_shots=24 metadata_mib=1024
while [ $# -gt 0 ]; do
  case "$1" in
    --codec) codec=$2; shift 2 ;;
    --python) python=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --only) only=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    --record) record=1; shift ;;
    *) echo "check.sh: unknown option $1 (see the comment at the top of this script)" >&2; exit 2 ;;
  esac
done

[ -d "$fixtures/synthesis" ] || { echo "check.sh: the fixtures folder $fixtures is not there" >&2; exit 2; }
if [ -z "$work" ]; then work=$(mktemp -d "${TMPDIR:-/tmp}/codec-check.XXXXXX"); fi
mkdir -p "$work"
[ "$keep" = 1 ] || trap 'rm -rf "$work"' EXIT
source "$here/corpora.sh"

# The peers' tools, installed where missing (Debian packages; orjson only in a pyenv interpreter).
need=()
/usr/bin/python3 -c 'import cv2, numpy, tifffile' 2> /dev/null || need+=(python3-opencv python3-numpy python3-tifffile)
[ -f /usr/include/simdjson.h ] || need+=(libsimdjson-dev)
command -v g++ > /dev/null || need+=(g++)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]}..." >&2
  apt-get update -qq > /dev/null && apt-get install -y -qq "${need[@]}" > /dev/null
fi
orjson=""
for py in ${PYTHON:-} /usr/bin/python3 "$HOME"/.pyenv/versions/*/bin/python3; do
  if [ -x "$py" ] && "$py" -c 'import orjson' 2> /dev/null; then orjson=$py; break; fi
done
g++ -O2 -std=c++17 "$here/simdjson_peer.cpp" -lsimdjson -o "$work/simdjson_peer"

if [ -z "$codec" ]; then
  echo "publishing the native codec..." >&2
  dotnet publish "$repo/src/Codec.Cli" -c Release -r "$(dotnet --info | sed -n 's/^ *RID: *//p' | head -1)" -o "$work/bin" > "$work/publish.log" 2>&1 \
    || { cat "$work/publish.log" >&2; exit 2; }
  codec="$work/bin/codec"
fi

results="$work/results.tsv"
: > "$results"
source "$here/timing.sh"
# The job's folders split in two halves, one Python process each: the decode-only pass on both cores.
job_peer() {
  local folders=("$1"/copy-*) half
  half=$(( (${#folders[@]} + 1) / 2 ))
  /usr/bin/python3 "$here/job_peer.py" "${folders[@]:0:$half}" > /dev/null &
  local first=$!
  /usr/bin/python3 "$here/job_peer.py" "${folders[@]:$half}" > /dev/null
  wait "$first"
}
# A scenario of a tenth of a second is timed five runs at a time: one run is within the machine's noise.
five() { local i rc; for i in 1 2 3 4 5; do rc=0; "$@" > /dev/null || rc=$?; [ "$rc" -le 1 ] || return "$rc"; done; }
export -f job_peer five
export here

for s in $only; do
  case "$s" in
    job) make_job ;;
    dataset) make_dataset ;;
    metadata) make_metadata ;;
    info) make_info; [ -n "$orjson" ] || { echo "check.sh: no Python here has orjson (a pyenv interpreter does)" >&2; exit 2; } ;;
    python) make_job; "$python" -c 'import codec' 2> /dev/null || { echo "check.sh: $python cannot import codec: run bash python/test.sh first, or give --python" >&2; exit 2; } ;;
    *) echo "check.sh: unknown scenario $s (job, dataset, metadata, info, python)" >&2; exit 2 ;;
  esac
done

for round in $(seq 1 "$rounds"); do
  echo "round $round of $rounds" >&2
  for s in $only; do
    case "$s" in
      job) time_one job codec "$codec" validate "$work/job"
           time_one job peer bash -c 'job_peer "$0"' "$work/job" ;;
      dataset) time_one dataset codec "$codec" validate "$work/a2f"
               time_one dataset peer bash -c 'cat_all "$0"' "$work/a2f" ;;
      metadata) time_one metadata codec "$codec" validate "$work/metadata.jsonl"
                time_one metadata peer "$work/simdjson_peer" "$work/metadata.jsonl" ;;
      info) time_one info codec bash -c 'five "$@"' five "$codec" validate "$work/info"
            time_one info peer bash -c 'five "$@"' five "$orjson" "$here/peers.py" files orjson "$work/info" ;;
      python) time_one python codec "$python" "$here/python_job.py" "$work"/job/copy-*
              time_one python peer /usr/bin/python3 "$here/job_peer.py" "$work"/job/copy-* ;;
    esac
  done
done

python3 "$here/gate.py" "$results" "$repo/benchmarks/RESULTS.md" "$record" "$rounds"
