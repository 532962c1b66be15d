#!/usr/bin/env bash
# The Python package against the vendor's way of reading a Human API job, in one run: one process each, rounds
# alternated, medians. codec: python_job.py (codec.open, views, every image and mask as NumPy arrays); the peer:
# job_peer.py (json, OpenCV for PNG, libtiff through ctypes for TIFF). Same files, same samples counted.
#
#   benchmarks/e2e/python_api.sh [--python VENV_PYTHON] [--rounds N] [--work DIR]
#
# VENV_PYTHON is an interpreter with the codec package installed (default: python/.venv/bin/python, which
# python/test.sh leaves). The job is check.sh's: the real 15-render job with every modality, copied 32 times.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
fixtures="$repo/../shared/fixtures"
python="$repo/python/.venv/bin/python" rounds=5 work=""
while [ $# -gt 0 ]; do
  case "$1" in
    --python) python=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    *) echo "python_api.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
"$python" -c 'import codec' || { echo "python_api.sh: $python cannot import codec (run python/test.sh, or give --python)" >&2; exit 2; }
[ -n "$work" ] || { work=$(mktemp -d "${TMPDIR:-/tmp}/codec-python.XXXXXX"); trap 'rm -rf "$work"' EXIT; }
mkdir -p "$work"
job_copies=32
source "$here/corpora.sh"
source "$here/timing.sh"
make_job

folders=("$work"/job/copy-*)
cat_all "$work/job"
codec_out=$("$python" "$here/python_job.py" "${folders[@]}")
peer_out=$(/usr/bin/python3 "$here/job_peer.py" "${folders[@]}")
echo "codec: $codec_out; peer: $peer_out"
declare -a ours theirs
for ((i = 0; i < rounds; i++)); do
  s=$EPOCHREALTIME; "$python" "$here/python_job.py" "${folders[@]}" > /dev/null; e=$EPOCHREALTIME
  ours+=("$(awk -v a="$s" -v b="$e" "BEGIN {print b - a}")")
  s=$EPOCHREALTIME; /usr/bin/python3 "$here/job_peer.py" "${folders[@]}" > /dev/null; e=$EPOCHREALTIME
  theirs+=("$(awk -v a="$s" -v b="$e" "BEGIN {print b - a}")")
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
m_ours=$(median "${ours[@]}"); m_theirs=$(median "${theirs[@]}")
printf 'renders of %d folders, every image and mask to arrays: codec %.2f s, json + OpenCV + libtiff %.2f s: codec %.2fx\n' \
  "${#folders[@]}" "$m_ours" "$m_theirs" "$(awk -v a="$m_ours" -v b="$m_theirs" "BEGIN {print b / a}")"
