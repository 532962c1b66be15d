#!/usr/bin/env bash
# Decoding a render's images, as users run it: the native `codec inspect` (decodes every pixel, then measures every
# channel's range and whether the image is blank) against Pillow and against libtiff itself, on the same files, in one
# run:
#
#   benchmarks/e2e/images.sh [--codec PATH] [--copies 8] [--rounds 3] [--work DIR]
#
# The files are the real face-api-1.2-modalities job's images (from ../shared/fixtures beside the repository),
# copied --copies times: 8-bit RGB PNGs, float16 depth and normals TIFFs (Deflate, floating-point predictor) and
# 8-bit alpha TIFFs (LZW, horizontal predictor). Pillow (Debian python3-pil) decodes the PNGs and the alpha TIFFs; it has
# no float16 mode, and Debian's tifffile needs imagecodecs (not packaged) for the producer's compressions, so the depth
# and normals are decoded by libtiff through ctypes (TIFFReadEncodedStrip), as tests/Fixtures/tiff/make_fixtures.py
# does. tifffile gets the same depth and normals written again by itself (zlib, no predictor: what it decodes on its
# own), as depth.zlib.tif and normals.zlib.tif, which libtiff and codec read too. Each peer runs once per modality as
# one Python process that decodes every file and touches the pixels (np.asarray).
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

mkdir -p "$work/images"
for c in $(seq 1 "$copies"); do
  for f in "$job"/*.rgb.png "$job"/*.depth.tif "$job"/*.normals.tif "$job"/*.alpha.tif; do
    cp "$f" "$work/images/$c-$(basename "$f")"
  done
done

/usr/bin/python3 - "$work/images" <<PY
import sys, glob, tifffile
sys.path.insert(0, "$repo/tests/Fixtures/tiff")
from make_fixtures import libtiff_read
for path in glob.glob(sys.argv[1] + "/*.depth.tif") + glob.glob(sys.argv[1] + "/*.normals.tif"):
    tifffile.imwrite(path[:-4] + ".zlib.tif", libtiff_read(path), compression="zlib")
PY
cat > "$work/read_tifffile.py" <<'PY'
import sys
import tifffile
for path in sys.argv[1:]:
    a = tifffile.imread(path)
    a.min(), a.max()
PY
cat > "$work/pillow.py" <<'PY'
import sys
import numpy as np
from PIL import Image
for path in sys.argv[1:]:
    with Image.open(path) as im:
        a = np.asarray(im)
        a.min(), a.max()
PY
cat > "$work/libtiff.py" <<PY
import sys
sys.path.insert(0, "$repo/tests/Fixtures/tiff")
from make_fixtures import libtiff_read
for path in sys.argv[1:]:
    a = libtiff_read(path)
    a.min(), a.max()
PY

echo "| round | files | cat | codec inspect | Pillow | libtiff (ctypes) | tifffile | Pillow ÷ codec | libtiff ÷ codec | tifffile ÷ codec |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for round in $(seq 1 "$rounds"); do
  for modality in rgb.png alpha.tif depth.tif normals.tif depth.zlib.tif normals.zlib.tif; do
    files=("$work"/images/*."$modality")
    c=$(t cat "${files[@]}")
    k=$(t "$codec" inspect "${files[@]}")
    p="" l="" f=""
    case "$modality" in rgb.png|alpha.tif) p=$(t /usr/bin/python3 "$work/pillow.py" "${files[@]}") ;; esac
    case "$modality" in *.tif) l=$(t /usr/bin/python3 "$work/libtiff.py" "${files[@]}") ;; esac
    case "$modality" in *.zlib.tif) f=$(t /usr/bin/python3 "$work/read_tifffile.py" "${files[@]}") ;; esac
    printf '| %s | %s × %s | %.2f s | %.2f s | %s | %s | %s | %s | %s | %s |\n' "$round" "${#files[@]}" "$modality" "$c" "$k" \
      "${p:+$(printf '%.2f s' "$p")}" "${l:+$(printf '%.2f s' "$l")}" "${f:+$(printf '%.2f s' "$f")}" \
      "${p:+$(echo "scale=2; $p / $k" | bc)×}" "${l:+$(echo "scale=2; $l / $k" | bc)×}" "${f:+$(echo "scale=2; $f / $k" | bc)×}"
  done
done
