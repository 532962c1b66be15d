#!/usr/bin/python3
"""Writes small TIFF images in the layouts image writers use, and what libtiff reads from each.

Run from this folder: /usr/bin/python3 make_fixtures.py (Debian: python3-pil, python3-tifffile, python3-numpy; libtiff6,
which Pillow uses). For each image.<name>.tif it writes image.<name>.npy: the pixels libtiff itself decodes
(TIFFReadEncodedStrip / TIFFReadEncodedTile, through ctypes), in the machine's byte order, as [height, width(, samples)].
The images come from three writers:
- Pillow (through libtiff): LZW, PackBits and Deflate strips of 8-bit grey, RGB and RGBA, 16-bit grey, 32-bit float;
- tifffile: Deflate strips with the horizontal predictor, tiles, big-endian files, 16-bit float, 32-bit integers;
- this script's own writer: the floating-point predictor with Deflate, as Synthesis AI writes depth and normals
  (16-bit floats, one and three samples), and a 32-bit float one.
Where tifffile can read a file too (no LZW, PackBits or floating-point predictor), the script checks that it agrees.
"""
import ctypes
import struct
import zlib

import numpy as np
import tifffile
from PIL import Image

rng = np.random.default_rng(2026)
W, H = 23, 17  # odd sizes: partial last strips and tiles

libtiff = ctypes.CDLL("libtiff.so.6")
libtiff.TIFFOpen.restype = ctypes.c_void_p
libtiff.TIFFOpen.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
for name in ["TIFFNumberOfStrips", "TIFFNumberOfTiles", "TIFFIsTiled"]:
    getattr(libtiff, name).argtypes = [ctypes.c_void_p]
for name in ["TIFFStripSize", "TIFFTileSize"]:
    getattr(libtiff, name).argtypes = [ctypes.c_void_p]
    getattr(libtiff, name).restype = ctypes.c_ssize_t
for name in ["TIFFReadEncodedStrip", "TIFFReadEncodedTile"]:
    getattr(libtiff, name).argtypes = [ctypes.c_void_p, ctypes.c_uint32, ctypes.c_void_p, ctypes.c_ssize_t]
    getattr(libtiff, name).restype = ctypes.c_ssize_t
libtiff.TIFFGetField.argtypes = [ctypes.c_void_p, ctypes.c_uint32, ctypes.c_void_p]
libtiff.TIFFClose.argtypes = [ctypes.c_void_p]


def field(tif, tag, ctype):
    value = ctype()
    return value.value if libtiff.TIFFGetField(tif, tag, ctypes.byref(value)) else None


def libtiff_read(path):
    """The first image's pixels as libtiff decodes them."""
    tif = libtiff.TIFFOpen(path.encode(), b"r")
    assert tif, path
    width, height = field(tif, 256, ctypes.c_uint32), field(tif, 257, ctypes.c_uint32)
    spp = field(tif, 277, ctypes.c_uint16) or 1
    bits = field(tif, 258, ctypes.c_uint16)
    fmt = field(tif, 339, ctypes.c_uint16) or 1
    dtype = {(1, 8): np.uint8, (1, 16): np.uint16, (1, 32): np.uint32, (3, 16): np.float16, (3, 32): np.float32}[(fmt, bits)]
    image = np.zeros((height, width, spp), dtype=dtype)
    if libtiff.TIFFIsTiled(tif):
        tw, th = field(tif, 322, ctypes.c_uint32), field(tif, 323, ctypes.c_uint32)
        size = libtiff.TIFFTileSize(tif)
        across = (width + tw - 1) // tw
        for t in range(libtiff.TIFFNumberOfTiles(tif)):
            buf = ctypes.create_string_buffer(size)
            assert libtiff.TIFFReadEncodedTile(tif, t, buf, size) == size
            tile = np.frombuffer(buf.raw, dtype=dtype).reshape(th, tw, spp)
            y, x = (t // across) * th, (t % across) * tw
            image[y:y + th, x:x + tw] = tile[:min(th, height - y), :min(tw, width - x)]
    else:
        rows = field(tif, 278, ctypes.c_uint32) or height
        size = libtiff.TIFFStripSize(tif)
        for s in range(libtiff.TIFFNumberOfStrips(tif)):
            buf = ctypes.create_string_buffer(size)
            got = libtiff.TIFFReadEncodedStrip(tif, s, buf, size)
            assert got > 0, (path, s)
            strip = np.frombuffer(buf.raw[:got], dtype=dtype).reshape(-1, width, spp)
            image[s * rows:s * rows + strip.shape[0]] = strip
    libtiff.TIFFClose(tif)
    return image[:, :, 0] if spp == 1 else image


def reference(name):
    path = f"image.{name}.tif"
    decoded = libtiff_read(path)
    try:
        other = tifffile.imread(path)
        assert other.shape == decoded.shape and np.array_equal(other, decoded, equal_nan=True), name
    except (KeyError, ValueError):
        pass  # a codec tifffile needs imagecodecs for (LZW, PackBits, the floating-point predictor)
    np.save(f"image.{name}.npy", np.ascontiguousarray(decoded))


def main():
    u8 = lambda *shape: rng.integers(0, 256, size=shape, dtype=np.uint8)

    # Pillow, through libtiff.
    for name, mode, array, compression in [
        ("grey8_lzw", "L", u8(H, W), "tiff_lzw"),
        ("rgb8_lzw", "RGB", u8(H, W, 3), "tiff_lzw"),
        ("rgba8_packbits", "RGBA", u8(H, W, 4), "packbits"),
        ("grey8_packbits", "L", np.repeat(u8(H, 3), 8, axis=1)[:, :W], "packbits"),
        ("rgb8_deflate", "RGB", u8(H, W, 3), "tiff_adobe_deflate"),
        ("grey16_lzw", "I;16", rng.integers(0, 65536, size=(H, W), dtype=np.uint16), "tiff_lzw"),
        ("float32_deflate", "F", rng.normal(size=(H, W)).astype(np.float32), "tiff_adobe_deflate"),
    ]:
        Image.fromarray(array, mode).save(f"image.{name}.tif", compression=compression)
        reference(name)

    # tifffile.
    tifffile.imwrite("image.rgb16_deflate_predictor.tif", rng.integers(0, 65536, size=(H, W, 3), dtype=np.uint16), compression="zlib", predictor=True, rowsperstrip=5)
    reference("rgb16_deflate_predictor")
    tifffile.imwrite("image.grey8_tiles.tif", u8(H, W), compression="zlib", tile=(16, 16))
    reference("grey8_tiles")
    tifffile.imwrite("image.float32x2_tiles_bigendian.tif", rng.normal(size=(H, W, 2)).astype(np.float32), tile=(16, 16), byteorder=">", planarconfig="contig", photometric="minisblack")
    reference("float32x2_tiles_bigendian")
    tifffile.imwrite("image.float16_plain.tif", rng.normal(size=(H, W)).astype(np.float16), description='{"shape": [17, 23]}')
    reference("float16_plain")
    tifffile.imwrite("image.uint32_bigendian.tif", rng.integers(0, 2**32, size=(H, W), dtype=np.uint32), byteorder=">", rowsperstrip=4)
    reference("uint32_bigendian")


    def float_predicted(values, rows_per_strip):
        """TIFF strips with the floating-point predictor and Deflate, written byte by byte as Adobe's note says."""
        h, w, spp = values.shape
        size = values.dtype.itemsize
        strips = []
        for top in range(0, h, rows_per_strip):
            out = b""
            for row in values[top:top + rows_per_strip]:
                be = row.reshape(-1).astype(values.dtype.newbyteorder(">")).view(np.uint8).reshape(-1, size)
                planes = bytearray(be.T.reshape(-1))  # most significant bytes of every sample first
                for i in range(len(planes) - 1, spp - 1, -1):
                    planes[i] = (planes[i] - planes[i - spp]) & 0xFF
                out += bytes(planes)
            strips.append(zlib.compress(out))
        return strips


    def write_tiff(name, values, rows_per_strip, description):
        """A little-endian TIFF of interleaved float samples in Deflate strips with the floating-point predictor.

        Layout: the header, the directory, the values too long for their entries, then the strips.
        """
        h, w, spp = values.shape
        bits = values.dtype.itemsize * 8
        strips = float_predicted(values, rows_per_strip)
        entries = [(256, 4, [w]), (257, 4, [h]), (258, 3, [bits] * spp), (259, 3, [8]), (262, 3, [2 if spp == 3 else 1]),
                   (270, 2, description.encode() + b"\0"), (273, 4, [0] * len(strips)), (277, 3, [spp]),
                   (278, 4, [rows_per_strip]), (279, 4, [len(s) for s in strips]), (284, 3, [1]), (317, 3, [3]), (339, 3, [3] * spp)]

        def pack(kind, vals):
            return vals if kind == 2 else struct.pack("<" + ("I" if kind == 4 else "H") * len(vals), *vals)

        values_at = 8 + 2 + 12 * len(entries) + 4
        # Where each long value goes, and then where the strips start.
        where, pos = {}, values_at
        for tag, kind, vals in entries:
            blob = pack(kind, vals)
            if len(blob) > 4:
                where[tag] = pos
                pos += len(blob) + len(blob) % 2
        starts, at = [], pos
        for strip in strips:
            starts.append(at)
            at += len(strip)
        entries = [(tag, kind, starts if tag == 273 else vals) for tag, kind, vals in entries]
        ifd, extra = struct.pack("<H", len(entries)), b""
        for tag, kind, vals in entries:
            blob = pack(kind, vals)
            if len(blob) > 4:
                extra += blob + b"\0" * (len(blob) % 2)
                value = struct.pack("<I", where[tag])
            else:
                value = blob.ljust(4, b"\0")
            ifd += struct.pack("<HHI", tag, kind, len(vals)) + value
        ifd += struct.pack("<I", 0)
        with open(f"image.{name}.tif", "wb") as f:
            f.write(b"II*\0" + struct.pack("<I", 8) + ifd + extra + b"".join(strips))


    depth = rng.uniform(0.3, 2.5, size=(H, W, 1)).astype(np.float16)
    write_tiff("depth_float16_fp_predictor", depth, 6, '{"shape": [17, 23]}')
    reference("depth_float16_fp_predictor")
    normals = rng.normal(size=(H, W, 3)).astype(np.float16)
    write_tiff("normals_float16_fp_predictor", normals, 4, '{"shape": [17, 23, 3]}')
    reference("normals_float16_fp_predictor")
    write_tiff("float32_fp_predictor", rng.normal(size=(H, W, 1)).astype(np.float32), 17, '{"shape": [17, 23]}')
    reference("float32_fp_predictor")


if __name__ == "__main__":
    main()
