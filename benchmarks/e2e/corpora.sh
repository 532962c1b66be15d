# The corpora of the end-to-end benchmarks (sourced by run.sh and check.sh), each written once into $work from the
# producers' files in $fixtures: make_info (1,020 real info.json files), make_one (one 1.5 info.json), make_metadata
# (the real metadata lines repeated to $metadata_mib MiB), make_dataset (an Audio2Face-3D dataset of float32 .npy caches,
# $dataset_shots shots x 300 frames x 24,000 vertices) and make_job (the real Human API job with every modality,
# copied $job_copies times as separate output folders).
make_info() {
  [ -d "$work/info" ] && return
  mkdir -p "$work/info"
  mapfile -t real < <(find "$fixtures/synthesis" -name '*.info.json' | sort)
  for i in $(seq 0 1019); do cp "${real[$((i % ${#real[@]}))]}" "$work/info/$i.info.json"; done
}
make_one() { [ -f "$work/one/24.info.json" ] || { mkdir -p "$work/one"; cp "$fixtures/synthesis/humans-1.5/24.info.json" "$work/one/"; }; }
make_metadata() {
  [ -f "$work/metadata.jsonl" ] && return
  # The real lines (every fixture's metadata.jsonl, each line ending in a newline) repeated to 1 MiB, then that block.
  find "$fixtures/synthesis" -name metadata.jsonl | sort | xargs -I{} sh -c 'cat "{}"; tail -c1 "{}" | grep -q . && echo || true' > "$work/lines"
  : > "$work/block"
  while [ "$(stat -c %s "$work/block")" -lt 1048576 ]; do cat "$work/lines" >> "$work/block"; done
  for _ in $(seq 1 "$metadata_mib"); do cat "$work/block"; done > "$work/metadata.jsonl"
}
make_dataset() {
  [ -f "$work/a2f/.complete" ] && return
  dotnet run -c Release --project "$repo/benchmarks/Codec.Benchmarks" -- dataset-write "$work/a2f" "$dataset_shots" 300 24000 > "$work/write.log" 2>&1 \
    || { cat "$work/write.log" >&2; exit 2; }
}

make_job() {
  [ -f "$work/job.complete" ] && return
  rm -rf "$work/job"
  for c in $(seq -w 1 "$job_copies"); do
    mkdir -p "$work/job/copy-$c"
    cp "$fixtures/synthesis/face-api-1.2-modalities/"* "$work/job/copy-$c/"
  done
  touch "$work/job.complete"
}
