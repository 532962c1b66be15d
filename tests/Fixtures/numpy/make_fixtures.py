#!/usr/bin/python3
"""Writes the NumPy fixtures of Codec's tests with NumPy itself (Debian python3-numpy).

Run from this folder:  /usr/bin/python3 make_fixtures.py
Every file is small; values are deterministic, so rerunning rewrites the same bytes. manifest.txt records
each file's dtype, order, shape and a checksum of its values as NumPy sees them, for the tests to compare.
"""
import warnings
import numpy as np

warnings.simplefilter("ignore")  # format 3.0 is written on purpose
rng = np.random.default_rng(2026)
manifest = []


def save(name, array):
    np.save(name, array)
    flat = np.asarray(array).ravel(order="K" if array.flags.f_contiguous and not array.flags.c_contiguous else "C")
    if array.dtype.kind in "biuf":
        total = repr(float(np.asarray(array, dtype=np.float64).sum()))
    else:
        total = "-"
    manifest.append(f"{name}\t{array.dtype.str if array.dtype.names is None else 'record'}\t"
                    f"{'F' if np.isfortran(array) else 'C'}\t{','.join(map(str, array.shape))}\t{total}")


cache = rng.standard_normal((4, 5, 3)).astype("<f4")          # [frames, vertices, 3] like an A2F cache
save("f4_le.npy", cache)
save("f8_le_fortran.npy", np.asfortranarray(rng.standard_normal((3, 4))))
save("f4_be.npy", cache.astype(">f4"))
save("f8_be.npy", rng.standard_normal((2, 3)).astype(">f8"))
save("f2_le.npy", rng.standard_normal(7).astype("<f2"))
save("i4_le.npy", np.arange(-6, 6, dtype="<i4").reshape(3, 4))
save("i8_le.npy", np.array([-(2**62), 0, 2**62], dtype="<i8"))
save("i4_be.npy", np.arange(10, dtype=">i4"))
save("u1.npy", np.arange(0, 250, 25, dtype="|u1"))
save("b1.npy", np.array([True, False, True, True]))
save("S5.npy", np.array([b"abc", b"hello", b""], dtype="|S5"))
save("U4.npy", np.array(["ab", "tête", "∂x"], dtype="<U4"))
save("zero_d.npy", np.array(3.25))
save("empty.npy", np.zeros((0, 3), dtype="<f4"))
save("record.npy", np.array([(1.5, 2), (3.5, 4)], dtype=[("x", "<f4"), ("n", "<i8")]))
# Format 3.0: a field name that latin-1 cannot hold.
save("v3_unicode_field.npy", np.zeros(2, dtype=[("a", "<f4"), ("δ", "<i8")]))
# Format 2.0: a header longer than 65535 bytes (3000 fields).
save("v2_long_header.npy", np.zeros(1, dtype=[(f"field_{i:04d}", "<f4") for i in range(3000)]))

np.savez("stored.npz", cache=cache, ids=np.arange(5, dtype="<i8"))
np.savez_compressed("deflated.npz", cache=cache, ids=np.arange(5, dtype="<i8"))
manifest.append("stored.npz\tnpz\t-\tcache,ids\t-")
manifest.append("deflated.npz\tnpz\t-\tcache,ids\t-")

with open("manifest.txt", "w") as f:
    f.write("# file\tdtype\torder\tshape\tsum of values (float64)\n")
    f.write("\n".join(manifest) + "\n")
