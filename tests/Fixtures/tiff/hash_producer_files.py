#!/usr/bin/python3
"""Writes producer_tiffs.sha256: for every depth, normals and alpha TIFF of the shared face-api-1.2-modalities job,
the SHA-256 of the pixels libtiff decodes (interleaved, the machine's byte order), so that a test can compare
Codec's decoding of the producer's own files with libtiff's without committing the files.

Run from this folder: /usr/bin/python3 hash_producer_files.py [folder] (default: the job in ../shared/fixtures beside
the repository).
"""
import hashlib
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_fixtures import libtiff_read  # noqa: E402  (the same libtiff reading as the committed fixtures)

here = os.path.dirname(os.path.abspath(__file__))
folder = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "..", "..", "..", "shared", "fixtures", "synthesis", "face-api-1.2-modalities")
with open(os.path.join(here, "producer_tiffs.sha256"), "w") as out:
    for name in sorted(os.listdir(folder)):
        if name.endswith(".tif"):
            pixels = np.ascontiguousarray(libtiff_read(os.path.join(folder, name)))
            out.write(f"{hashlib.sha256(pixels.tobytes()).hexdigest()}  {name}\n")
