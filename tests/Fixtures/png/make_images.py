#!/usr/bin/python3
"""Writes small PNG images of every colour type, bit depth and interlacing, and what the reference decoder reads.

Run from this folder: /usr/bin/python3 make_images.py (Debian: python3-pil, python3-numpy). For each image.<name>.png
it writes image.<name>.npy, the pixels a test compares Codec's decoder with:
- the images Pillow writes (1-bit, 8-bit grey, grey and alpha, RGB, RGBA, palette, 16-bit grey) and the images it
  reads exactly (2- and 4-bit grey, 4-bit palette, Adam7 interlaced at 8 bits) hold np.asarray(Image.open(...)) —
  Pillow's own decoding, with 1-bit and 2/4-bit grey as Pillow shows them (0..255);
- 16-bit RGB, RGBA and grey-and-alpha, which Pillow reads only down to 8 bits, hold the values this script encoded,
  written by its own encoder (every filter type, Adam7 when asked), which shares no code with Codec's.
"""
import struct
import zlib

import numpy as np
from PIL import Image

rng = np.random.default_rng(2026)
W, H = 13, 9  # odd sizes: Adam7 passes of every width, rows that end mid-byte at low bit depths


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    return a if pa <= pb and pa <= pc else (b if pb <= pc else c)


def filter_rows(rows, bpp, first):
    out, prev = b"", None
    for y, row in enumerate(rows):
        prev = prev if prev is not None else bytes(len(row))
        kind = (first + y) % 5
        f = bytearray()
        for x, v in enumerate(row):
            a = row[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            f.append((v - [0, a, b, (a + b) // 2, paeth(a, b, c)][kind]) & 0xFF)
        out += bytes([kind]) + bytes(f)
        prev = row
    return out


def pack(values, depth):
    """One row of samples at depth bits each, packed from the high bit."""
    if depth >= 8:
        return b"".join(int(v).to_bytes(depth // 8, "big") for v in values)
    bits = "".join(format(int(v), f"0{depth}b") for v in values)
    bits += "0" * (-len(bits) % 8)
    return bytes(int(bits[i:i + 8], 2) for i in range(0, len(bits), 8))


ADAM7 = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]


def encode(name, samples, depth, color_type, interlace=False, palette=None, trns=None):
    """samples: [H, W, C] integers. Writes image.<name>.png with every filter type in turn."""
    h, w, c = samples.shape
    bpp = max(1, c * depth // 8)
    data, first = b"", 0
    for (x0, y0, dx, dy) in (ADAM7 if interlace else [(0, 0, 1, 1)]):
        sub = samples[y0::dy, x0::dx]
        if sub.shape[0] == 0 or sub.shape[1] == 0:
            continue
        rows = [pack(sub[y].reshape(-1), depth) for y in range(sub.shape[0])]
        data += filter_rows(rows, bpp, first)
        first += len(rows)
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, depth, color_type, 0, 0, 1 if interlace else 0))
    if palette is not None:
        png += chunk(b"PLTE", bytes(palette))
    if trns is not None:
        png += chunk(b"tRNS", bytes(trns))
    png += chunk(b"IDAT", zlib.compress(data, 9)) + chunk(b"IEND", b"")
    with open(f"image.{name}.png", "wb") as f:
        f.write(png)


def reference(name, array):
    np.save(f"image.{name}.npy", np.ascontiguousarray(array))


def pillow(name, image, **save):
    image.save(f"image.{name}.png", **save)
    reference(name, pillow_read(name))


def pillow_read(name):
    with Image.open(f"image.{name}.png") as im:
        im.load()
        a = np.asarray(im)
        if im.mode == "1":
            a = a.astype(np.uint8) * 255
        return a


u8 = lambda *shape: rng.integers(0, 256, size=shape, dtype=np.uint8)
u16 = lambda *shape: rng.integers(0, 65536, size=shape, dtype=np.uint16)

# Written and read by Pillow.
pillow("grey1", Image.fromarray(u8(H, W) > 127))
pillow("grey8", Image.fromarray(u8(H, W), "L"))
pillow("grey_alpha8", Image.fromarray(u8(H, W, 2), "LA"))
pillow("rgb8", Image.fromarray(u8(H, W, 3), "RGB"))
pillow("rgba8", Image.fromarray(u8(H, W, 4), "RGBA"))
palette_image = Image.fromarray(rng.integers(0, 20, size=(H, W), dtype=np.uint8), "P")
palette_image.putpalette(list(u8(20 * 3)))
pillow("palette8", palette_image)
pillow("grey16", Image.fromarray(u16(H, W), "I;16"))

# Written here, read by Pillow.
encode("grey2", rng.integers(0, 4, size=(H, W, 1)), 2, 0)
reference("grey2", pillow_read("grey2"))
encode("grey4", rng.integers(0, 16, size=(H, W, 1)), 4, 0)
reference("grey4", pillow_read("grey4"))
encode("palette4_trns", rng.integers(0, 10, size=(H, W, 1)), 4, 3, palette=u8(10 * 3), trns=[0, 128, 255])
reference("palette4_trns", pillow_read("palette4_trns"))
encode("rgb8_adam7", u8(H, W, 3), 8, 2, interlace=True)
reference("rgb8_adam7", pillow_read("rgb8_adam7"))
encode("grey16_adam7", u16(H, W, 1), 16, 0, interlace=True)
reference("grey16_adam7", pillow_read("grey16_adam7"))
encode("grey1_adam7", rng.integers(0, 2, size=(H, W, 1)), 1, 0, interlace=True)
reference("grey1_adam7", pillow_read("grey1_adam7"))

# 16-bit colour, which Pillow reads only to 8 bits: the reference is what was encoded.
for name, channels, color_type, interlace in [("rgb16", 3, 2, False), ("rgba16_adam7", 4, 6, True), ("grey_alpha16", 2, 4, False)]:
    values = u16(H, W, channels)
    encode(name, values, 16, color_type, interlace=interlace)
    reference(name, values)
