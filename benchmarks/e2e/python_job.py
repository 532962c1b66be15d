#!/usr/bin/env python3
"""A training loader's pass over a Human API job through the codec package: every render of the given output folders,
its info.json and metadata line through the views, and every image and mask decoded to a NumPy array.

    python_job.py <folder>...

Prints how many files it decoded and their samples, as job_peer.py (the same pass with json, OpenCV and libtiff) does.
"""
import sys

import codec

files = samples = 0
for folder in sys.argv[1:]:
    output = codec.open(folder)
    pictures = [(name, spec["kind"]) for name, spec in output.contract.items() if spec["kind"] in ("image", "mask")]
    files += output.metadata_path is not None
    for render in output:
        files += render.info is not None
        render.metadata
        for name, kind in pictures:
            if render.has(name):
                pixels = render.mask(name) if kind == "mask" else render.image(name)
                samples += pixels.size
                files += 1
    output.close()
print(files, "files,", samples, "samples")
