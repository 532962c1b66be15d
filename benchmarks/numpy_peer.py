#!/usr/bin/python3
"""NumPy's side of the binary benchmarks: times np.load on the files BinaryDecodeBenchmarks wrote
(benchmarks/.data; run the C# suite first) and, when BenchmarkDotNet's CSV report of that suite is there, prints
Codec's ratio to NumPy.

    dotnet run -c Release --project benchmarks/Codec.Benchmarks -- --filter '*BinaryDecode*'
    /usr/bin/python3 benchmarks/numpy_peer.py
"""
import csv, glob, os, statistics, time
import numpy as np

here = os.path.dirname(os.path.abspath(__file__))
data = os.path.join(here, ".data")
npy = os.path.join(data, "cache_300x24000x3.npy")
npz = os.path.join(data, "members_200.npz")


def best_of(fn, runs=15):
    fn()  # warm the page cache
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def load_npz():
    with np.load(npz) as z:
        for key in z.files:
            z[key]


numpy_ms = {
    "npy": best_of(lambda: np.load(npy)),
    "npy_mmap": best_of(lambda: np.load(npy, mmap_mode="r")),
    "npz": best_of(load_npz),
}
print(f"NumPy {np.__version__}: np.load(.npy) {numpy_ms['npy']:.3f} ms, np.load(.npy, mmap_mode='r') {numpy_ms['npy_mmap']:.3f} ms, "
      f"np.load(.npz) + every member {numpy_ms['npz']:.3f} ms (median of 15)")

reports = glob.glob(os.path.join(os.getcwd(), "BenchmarkDotNet.Artifacts", "results", "*BinaryDecode*-report.csv"))
if not reports:
    print("no BenchmarkDotNet report found: run the C# suite from this folder's parent first")
    raise SystemExit(0)


def ms(text):
    value, unit = text.replace(",", "").split()
    return float(value) * {"ns": 1e-6, "us": 1e-3, "μs": 1e-3, "ms": 1, "s": 1000}[unit]


with open(reports[0], newline="") as f:
    rows = {row["Method"].strip("'"): ms(row["Mean"]) for row in csv.DictReader(f)}
pairs = [("npy: read into a float[]", "npy"), ("npy: open (mmap) + copy into a float[]", "npy"), ("npy: open (mmap) + header, zero-copy view", "npy_mmap"),
         ("npz: open + decode all 200 members (CRC checked)", "npz")]
for codec_name, numpy_key in pairs:
    if codec_name in rows:
        print(f"{codec_name}: Codec {rows[codec_name]:.3f} ms vs NumPy {numpy_ms[numpy_key]:.3f} ms -> {numpy_ms[numpy_key] / rows[codec_name]:.1f}x")
mc, copy = rows.get("mc: decode + copy all frames to float32"), rows.get("memcpy of the .mc's bytes")
if mc and copy:
    print(f"mc decode {mc:.3f} ms vs memcpy {copy:.3f} ms -> {100 * copy / mc:.0f}% of memcpy bandwidth")
