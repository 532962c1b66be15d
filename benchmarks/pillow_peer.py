#!/usr/bin/python3
"""Pillow's side of MaskDecodeBenchmarks: decodes the same real 16-bit masks and counts labels, in megapixels/s.

    dotnet run -c Release --project benchmarks/Codec.Benchmarks -- --filter '*MaskDecode*'
    /usr/bin/python3 benchmarks/pillow_peer.py
"""
import io, os, statistics, time
import numpy as np
from PIL import Image

fixtures = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "fixtures", "synthesis")
for name in ["humans-1.5/24.segments.png", "humans-1.5/0.clothing_segments.png"]:
    data = open(os.path.join(fixtures, name), "rb").read()

    def decode():
        image = Image.open(io.BytesIO(data))
        image.load()
        labels = np.unique(np.asarray(image), return_counts=True)  # the histogram, as Codec computes it
        return image.size, labels

    def decode_only():
        image = Image.open(io.BytesIO(data))
        image.load()
        return image.size, None

    for label, fn in [("decode + np.unique histogram", decode), ("decode only", decode_only)]:
        fn()
        times = []
        for _ in range(20):
            t = time.perf_counter()
            (w, h), _ = fn()
            times.append(time.perf_counter() - t)
        ms = statistics.median(times) * 1000
        print(f"Pillow {Image.__version__} {name}: {ms:.3f} ms, {w * h / (ms / 1000) / 1e6:.1f} MP/s ({label}, median of 20)")
