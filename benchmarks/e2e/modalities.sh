# What the benchmarks over the real face-api-1.2-modalities job share (sourced by images.sh, exr.sh, report.sh and
# shards.sh, which pass their arguments): the options --codec PATH, --rounds N and --work DIR, and those
# a script's own `option` function takes (it sets `taken` to the words it used); the job's folder; the native codec,
# published when --codec is not given; t, the wall time of one command, and t_findings, of a codec command that may
# exit 1 because it found something.
script=$(basename "$0")
repo=$(cd "$(dirname "$0")/../.." && pwd)
job="$repo/../shared/fixtures/synthesis/face-api-1.2-modalities"
codec="" rounds=3 work=""
while [ $# -gt 0 ]; do
  case "$1" in
    --codec) codec=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    *)
      taken=0
      if declare -F option > /dev/null && option "$@"; then shift "$taken"; continue; fi
      echo "$script: unknown option $1 (see the comment at the top of the script)" >&2; exit 2 ;;
  esac
done

[ -d "$job" ] || { echo "$script: the fixtures are not at $job" >&2; exit 2; }
work=${work:-$(mktemp -d)}
mkdir -p "$work"
if [ -z "$codec" ]; then
  dotnet publish "$repo/src/Codec.Cli" -c Release -r linux-x64 -o "$work/bin" > /dev/null
  codec="$work/bin/codec"
fi

# The wall time of one command; a command that fails stops the script with its error (set -e), never a fast wrong time.
t() { local s e; s=$(date +%s.%N); "$@" > /dev/null 2> "$work/last-error" || { cat "$work/last-error" >&2; return 1; }; e=$(date +%s.%N); echo "$e - $s" | bc; }
t_findings() { local s e rc=0; s=$(date +%s.%N); "$@" > /dev/null 2> "$work/last-error" || rc=$?; [ "$rc" -le 1 ] || { cat "$work/last-error" >&2; return 1; }; e=$(date +%s.%N); echo "$e - $s" | bc; }
