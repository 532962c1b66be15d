#!/usr/bin/env bash
# Decoding a render's EXR, as users run it: the native `codec inspect` (decodes every channel of every file, then
# measures each channel's range) against OpenEXR itself (Debian libopenexr-dev; exr_peer.cpp reads every channel
# into a frame buffer of its own type with InputFile::readPixels and measures the same ranges), on the same files, in
# one run:
#
#   benchmarks/e2e/exr.sh [--codec PATH] [--copies 8] [--rounds 3] [--work DIR]
#
# The EXRs are made from the real face-api-1.2-modalities job (../shared/fixtures beside the repository), whose EXRs
# were never published: each render's RGB, alpha, depth and normals become the channels Synthesis AI's documentation
# lists (R, G, B, A and binary_segmentation.foreground as half, Z as float, CameraNormals.R/G/B as half), 512 × 512,
# written by OpenEXR in ZIP, ZIPS, PIZ, PXR24 and B44A, each copied --copies times.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
copies=8
option() {
  case "$1" in
    --copies) copies=$2; taken=2 ;;
    *) return 1 ;;
  esac
}
source "$here/modalities.sh"
g++ -O2 -std=c++17 "$here/exr_peer.cpp" -o "$work/exr_peer" $(pkg-config --cflags --libs OpenEXR)

# Each render's planes as float32, in exr_peer's channel order.
mkdir -p "$work/planes" "$work/exr"
/usr/bin/python3 - "$job" "$work/planes" <<PY
import sys, glob, os
import numpy as np
from PIL import Image
sys.path.insert(0, "$repo/tests/Fixtures/tiff")
from make_fixtures import libtiff_read
job, out = sys.argv[1], sys.argv[2]
for info in sorted(glob.glob(os.path.join(job, "*.info.json"))):
    n = os.path.basename(info).split(".")[0]
    rgb = np.asarray(Image.open(os.path.join(job, n + ".rgb.png")), dtype=np.float32) / 255
    alpha = libtiff_read(os.path.join(job, n + ".alpha.tif")).astype(np.float32) / 255
    depth = libtiff_read(os.path.join(job, n + ".depth.tif")).astype(np.float32)
    normals = libtiff_read(os.path.join(job, n + ".normals.tif")).astype(np.float32)
    planes = [rgb[..., 0], rgb[..., 1], rgb[..., 2], alpha, depth, normals[..., 0], normals[..., 1], normals[..., 2], (alpha > 0).astype(np.float32)]
    np.stack(planes).astype("<f4").tofile(os.path.join(out, n + ".bin"))
    print(n, rgb.shape[1], rgb.shape[0])
PY
for planes in "$work"/planes/*.bin; do
  n=$(basename "$planes" .bin)
  for compression in zip zips piz pxr24 b44a; do
    "$work/exr_peer" write "$compression" "$work/exr/$n.$compression.exr" "$planes" 512 512
    for c in $(seq 2 "$copies"); do cp "$work/exr/$n.$compression.exr" "$work/exr/$n-$c.$compression.exr"; done
  done
done

echo "| round | files | MB | cat | codec inspect | OpenEXR (C++) | OpenEXR ÷ codec |"
echo "|---|---|---|---|---|---|---|"
for round in $(seq 1 "$rounds"); do
  for compression in zip zips piz pxr24 b44a; do
    files=("$work"/exr/*."$compression".exr)
    mb=$(du -cm "${files[@]}" | tail -1 | cut -f1)
    c=$(t cat "${files[@]}")
    k=$(t "$codec" inspect "${files[@]}")
    o=$(t "$work/exr_peer" read "${files[@]}")
    printf '| %s | %s × %s | %s | %.2f s | %.2f s | %.2f s | %s× |\n' "$round" "${#files[@]}" "$compression" "$mb" "$c" "$k" "$o" "$(echo "scale=2; $o / $k" | bc)"
  done
done
