#!/usr/bin/python3
"""Writes small label PNGs whose rows use each of PNG's five filter types (a writer independent of Codec's decoder).

Run from this folder: /usr/bin/python3 make_fixtures.py. labels.txt holds the expected label of every pixel.
"""
import struct, zlib


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    return a if pa <= pb and pa <= pc else (b if pb <= pc else c)


def filtered(rows, bpp):
    out, prev = b"", bytes(len(rows[0]))
    for y, row in enumerate(rows):
        kind = y % 5
        f = bytearray()
        for x, v in enumerate(row):
            a = row[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            pred = [0, a, b, (a + b) // 2, paeth(a, b, c)][kind]
            f.append((v - pred) & 0xFF)
        out += bytes([kind]) + bytes(f)
        prev = row
    return out


def write(name, width, labels, bit_depth, color_type, palette=None):
    bpp = bit_depth // 8
    rows = []
    for y in range(len(labels) // width):
        values = labels[y * width:(y + 1) * width]
        rows.append(b"".join(v.to_bytes(bpp, "big") for v in values))
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, len(rows), bit_depth, color_type, 0, 0, 0))
    if palette:
        png += chunk(b"PLTE", palette)
    png += chunk(b"IDAT", zlib.compress(filtered(rows, bpp), 9)) + chunk(b"IEND", b"")
    open(name, "wb").write(png)
    return f"{name}\t{width}\t{len(rows)}\t{' '.join(map(str, labels))}"


lines = []
grey16 = [(x * 7919 + y * 104729) % 65536 for y in range(10) for x in range(9)]
lines.append(write("grey16_filters.png", 9, grey16, 16, 0))
grey8 = [(x * 37 + y * 101) % 256 for y in range(10) for x in range(11)]
lines.append(write("grey8_filters.png", 11, grey8, 8, 0))
pal = [(x + y) % 4 for y in range(5) for x in range(6)]
lines.append(write("palette8.png", 6, pal, 8, 3, palette=bytes([0, 0, 0, 255, 0, 0, 0, 255, 0, 0, 0, 255])))
open("labels.txt", "w").write("# file\twidth\theight\tlabels (row-major)\n" + "\n".join(lines) + "\n")
