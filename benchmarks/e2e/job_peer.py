#!/usr/bin/python3
"""The decode-only peer of a Human API job, as a user's loader reads it: every file of the given output folders decoded
and nothing checked — info.json and metadata.jsonl by Python's json, PNGs by OpenCV (Debian python3-opencv), TIFFs by
libtiff through ctypes (OpenCV and Debian's tifffile cannot read the producer's float16 TIFFs).

    job_peer.py <folder>...

Prints how many files it decoded and their pixels, so a run can be checked for having done the work.
"""
import json
import os
import sys

import cv2

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "Fixtures", "tiff"))
from make_fixtures import libtiff_read  # noqa: E402

files = pixels = 0
for folder in sys.argv[1:]:
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        if name.endswith(".json"):
            with open(path, "rb") as f:
                json.load(f)
        elif name.endswith(".jsonl"):
            with open(path, "rb") as f:
                for line in f:
                    if line.strip():
                        json.loads(line)
        elif name.endswith(".png"):
            image = cv2.imread(path, cv2.IMREAD_UNCHANGED)
            assert image is not None, path
            pixels += image.size
        elif name.endswith(".tif"):
            pixels += libtiff_read(path).size
        else:
            continue
        files += 1
print(files, "files,", pixels, "samples")
