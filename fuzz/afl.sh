#!/usr/bin/env bash
# Coverage-guided fuzzing of every input surface with AFL++ and SharpFuzz.
#
#   fuzz/afl.sh [--minutes M] [--jobs J] [target...]      (default: 30 minutes per target, every target, one at a time)
#
# Publishes fuzz/Codec.Fuzz, instruments codec's own assemblies (Codec.Runtime, Codec.Formats, codec) with SharpFuzz
# so that AFL++ sees which branches an input reaches, and runs `afl-fuzz` on each target from its committed starting
# corpus (fuzz/corpus/TARGET, written by `Codec.Fuzz corpus`). The corpus AFL++ grows and what it finds stay in
# fuzz/.afl/TARGET; crashes and hangs are copied to fuzz/findings/TARGET. Ends with a table per target: executions,
# paths found, crashes, hangs. Exit 1 when any target crashed or hung.
set -euo pipefail
cd "$(dirname "$0")/.."

minutes=30
jobs=1
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) minutes="$2"; shift 2 ;;
    --jobs) jobs="$2"; shift 2 ;;
    -h|--help) sed -n 2,10p "$0"; exit 0 ;;
    *) targets+=("$1"); shift ;;
  esac
done
[ ${#targets[@]} -gt 0 ] || mapfile -t targets < <(ls fuzz/corpus)

if ! command -v afl-fuzz >/dev/null; then
  apt-get update -qq && apt-get install -y -qq afl++ >/dev/null
fi
tools=fuzz/.afl/tools
if [ ! -x "$tools/sharpfuzz" ]; then
  dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path "$tools" >/dev/null
fi

# Built, not published (it references the command, a native executable when published), then copied aside to be
# instrumented without touching the build's own output.
bin=fuzz/.afl/bin
rm -rf "$bin"
dotnet build fuzz/Codec.Fuzz -c Release --nologo -v quiet >/dev/null
cp -r fuzz/Codec.Fuzz/bin/Release/net10.0 "$bin"
for assembly in Codec.Runtime.dll Codec.Formats.dll codec.dll; do
  "$tools/sharpfuzz" "$bin/$assembly" >/dev/null
done

# The target is `dotnet`, not an AFL++-compiled binary; SharpFuzz speaks AFL++'s fork-server protocol itself.
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1
failed=0
summary=()
run_target() {
  local target="$1" out="fuzz/.afl/$1"
  local seconds=$((minutes * 60))
  # A run that was interrupted resumes where it stopped; a finished one starts again from its grown corpus.
  local input="fuzz/corpus/$target"
  [ -d "$out/default/queue" ] && input=-
  afl-fuzz -i "$input" -o "$out" -t 5000 -m none -V "$seconds" -- dotnet "$bin/Codec.Fuzz.dll" afl "$target" >"fuzz/.afl/$target.log" 2>&1 || true
}

# Targets' temporary folders (AFL++ ends its processes killed, so they cannot remove their own).
rm -rf fuzz/.afl/scratch
mkdir -p fuzz/.afl
running=0
for target in "${targets[@]}"; do
  [ -d "fuzz/corpus/$target" ] || { echo "afl.sh: no corpus for '$target' (targets: $(ls fuzz/corpus | tr '\n' ' '))" >&2; exit 2; }
  run_target "$target" &
  running=$((running + 1))
  if [ "$running" -ge "$jobs" ]; then wait -n; running=$((running - 1)); fi
done
wait
rm -rf fuzz/.afl/scratch

printf '| target | minutes | executions | executions/s | paths found | crashes | hangs |\n|---|---|---|---|---|---|---|\n'
for target in "${targets[@]}"; do
  stats="fuzz/.afl/$target/default/fuzzer_stats"
  if [ ! -f "$stats" ]; then
    printf '| %s | %s | did not start (fuzz/.afl/%s.log) | | | | |\n' "$target" "$minutes" "$target"
    failed=1
    continue
  fi
  value() { sed -n "s/^$1 *: *//p" "$stats"; }
  crashes=$(value saved_crashes); hangs=$(value saved_hangs)
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$target" "$minutes" "$(value execs_done)" "$(value execs_per_sec)" "$(value corpus_found)" "$crashes" "$hangs"
  if [ "${crashes:-0}" != 0 ] || [ "${hangs:-0}" != 0 ]; then
    failed=1
    mkdir -p "fuzz/findings/$target"
    cp -r "fuzz/.afl/$target/default/crashes" "fuzz/.afl/$target/default/hangs" "fuzz/findings/$target/" 2>/dev/null || true
  fi
done
exit "$failed"
