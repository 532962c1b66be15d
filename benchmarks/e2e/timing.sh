# How the end-to-end benchmarks time a command (sourced by run.sh and check.sh, which set $work and $results):
#
#   time_one <scenario> <label> <command...>
#
# runs one whole process, its output discarded, and appends a row to $results: scenario, label, the wall clock at start
# and end (the shell's microsecond clock; time's own is in hundredths), "peak-KB user-seconds system-seconds" from
# /usr/bin/time, and the seconds a peer reports of its own work on a "parse_seconds=S" line, if it does. codec exits 1
# when it finds errors (the fixtures have some); any other failure is a broken run, not a time, and stops the script.
time_one() {
  local scenario=$1 label=$2; shift 2
  local exit=0 start end allowed=0
  start=$EPOCHREALTIME
  /usr/bin/time -f "%M %U %S" -o "$work/time" "$@" > "$work/out" 2> "$work/err" || exit=$?
  end=$EPOCHREALTIME
  case "$label" in codec*) allowed=1 ;; esac
  if [ "$exit" -gt "$allowed" ]; then echo "$(basename "$0"): $scenario: $label failed ($exit): $(tail -3 "$work/err")" >&2; exit 2; fi
  printf '%s\t%s\t%s\t%s\t%s\n' "$scenario" "$label" "$start $end" "$(tail -1 "$work/time")" \
    "$(sed -n 's/.*parse_seconds=\([0-9.e-]*\).*/\1/p' "$work/out")" >> "$results"
}

# cat_all <folder>: every file's bytes read in path order, the read limit.
cat_all() { find "$1" -type f -print0 | sort -z | xargs -0 cat > /dev/null; }
export -f cat_all
