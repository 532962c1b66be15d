using System.Buffers.Binary;
using System.IO.Compression;
using Codec.Runtime.Findings;

namespace Codec.Runtime.Binary.Image;

/// <summary>
/// Decodes any PNG image into <see cref="ImagePixels"/>: greyscale at 1 to 16 bits, RGB, palette (indices, with the
/// palette beside them), greyscale with alpha and RGBA, at 8 or 16 bits; every row filter; plain or Adam7 interlaced.
/// Greyscale below 8 bits is scaled to 8 (each value's bits repeated, as Pillow and most viewers show it); palette
/// indices stay indices. 16-bit samples come out in the machine's byte order. The image data is inflated into a
/// buffer that grows with what really inflates, so a header that promises more than its data holds is a located
/// finding, not an allocation of the promise.
/// </summary>
public static class PngDecoder
{
    // Adam7: where each of the seven passes starts and how far apart its pixels are (x start, y start, x step, y step).
    private static readonly (int X, int Y, int Dx, int Dy)[] Adam7 =
        [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)];

    private static readonly (int X, int Y, int Dx, int Dy)[] Progressive = [(0, 0, 1, 1)];

    /// <summary>True when the bytes start with PNG's eight-byte signature.</summary>
    public static bool HasSignature(ReadOnlySpan<byte> file) => PngChunks.HasSignature(file);

    public static ImagePixels? Decode(ReadOnlySpan<byte> png, FindingSink sink, string path = "")
    {
        if (PngChunks.Read(png, sink, path) is not { } layout) return null;
        var passes = layout.Interlaced ? Adam7 : Progressive;
        long expected = 0;
        foreach (var pass in passes)
        {
            var (w, h) = Size(layout, pass);
            if (w > 0 && h > 0) expected += h * (1 + layout.RowBytes(w));
        }

        // Deflate expands at most about 1032:1: a small file cannot hold a huge image.
        if (expected > (layout.IdatBytes + 1) * 1040 || expected > Array.MaxLength)
        {
            sink.ReportAt(FindingCodes.CompressionBomb, path, layout.HeaderOffset, $"{layout.Width} × {layout.Height} pixels cannot come from {layout.IdatBytes} compressed bytes");
            return null;
        }

        if (Inflate(png, layout, (int)expected, sink, path) is not { } raw) return null;
        int sampleBytes = layout.BitDepth == 16 ? 2 : 1;
        // Every sample is written below (each row of each pass): no clearing first.
        var data = ImageArrays.Uninitialized<byte>((int)((long)layout.Width * layout.Height * layout.Channels * sampleBytes));
        int filterUnit = Math.Max(1, layout.BitsPerPixel / 8);
        int at = 0;
        foreach (var pass in passes)
        {
            var (w, h) = Size(layout, pass);
            if (w == 0 || h == 0) continue;
            int rowBytes = (int)layout.RowBytes(w);
            for (int r = 0; r < h; r++)
            {
                var row = raw.AsSpan(at + 1, rowBytes);
                var above = r == 0 ? Span<byte>.Empty : raw.AsSpan(at - rowBytes, rowBytes);
                if (!PngFilters.Undo(raw[at], row, above, filterUnit))
                {
                    sink.ReportAt(FindingCodes.BadHeader, path, layout.Idat[0].Offset, $"a row uses filter type {raw[at]}; PNG has 0–4");
                    return null;
                }

                Scatter(layout, row, data, pass.Y + (r * pass.Dy), pass, w);
                at += 1 + rowBytes;
            }
        }

        return new ImagePixels(layout.Width, layout.Height, layout.Channels, sampleBytes == 2 ? SampleKind.UInt16 : SampleKind.UInt8, data)
        {
            Format = Describe(layout),
            Palette = layout.ColorType == 3 ? layout.Palette : null,
            PaletteAlpha = layout.ColorType == 3 ? layout.Transparency : null,
        };
    }

    private static string Describe(PngLayout layout)
    {
        string kind = layout.ColorType switch
        {
            0 => "greyscale",
            2 => "RGB",
            3 => $"palette indices ({layout.Palette!.Length / 3} entries{(layout.Transparency is { } t ? $", {t.Length} with alpha" : "")})",
            4 => "greyscale and alpha",
            _ => "RGBA",
        };
        return $"{layout.BitDepth}-bit {kind}{(layout.Interlaced ? ", Adam7 interlaced" : "")}";
    }

    private static (int Width, int Height) Size(PngLayout layout, (int X, int Y, int Dx, int Dy) pass) =>
        ((layout.Width - pass.X + pass.Dx - 1) / pass.Dx, (layout.Height - pass.Y + pass.Dy - 1) / pass.Dy);

    // Puts one unfiltered row's pixels in their places: every pixel of a plain image, every Dx-th of an Adam7 pass.
    private static void Scatter(PngLayout layout, ReadOnlySpan<byte> row, byte[] data, int y, (int X, int Y, int Dx, int Dy) pass, int count)
    {
        int channels = layout.Channels, depth = layout.BitDepth;
        if (depth == 8)
        {
            // A plain image's row is the output row as it is.
            if (pass.Dx == 1) row[..(count * channels)].CopyTo(data.AsSpan(y * layout.Width * channels));
            else for (int i = 0; i < count; i++) row.Slice(i * channels, channels).CopyTo(data.AsSpan(((y * layout.Width) + pass.X + (i * pass.Dx)) * channels, channels));
            return;
        }

        if (depth == 16)
        {
            var output = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ushort>(data.AsSpan());
            for (int i = 0; i < count; i++)
            {
                int to = ((y * layout.Width) + pass.X + (i * pass.Dx)) * channels;
                for (int c = 0; c < channels; c++) output[to + c] = BinaryPrimitives.ReadUInt16BigEndian(row.Slice(((i * channels) + c) * 2));
            }

            return;
        }

        // 1, 2 or 4 bits: one channel (greyscale or palette), packed from the high bit.
        int mask = (1 << depth) - 1;
        int scale = layout.ColorType == 3 ? 1 : 255 / mask;
        for (int i = 0; i < count; i++)
        {
            int bit = i * depth;
            int value = (row[bit >> 3] >> (8 - depth - (bit & 7))) & mask;
            data[(y * layout.Width) + pass.X + (i * pass.Dx)] = (byte)(value * scale);
        }
    }

    // The IDAT chunks are one zlib stream split anywhere: joined, then inflated into a buffer that doubles as data
    // really comes out, up to what the header needs.
    private static byte[]? Inflate(ReadOnlySpan<byte> png, PngLayout layout, int expected, FindingSink sink, string path)
    {
        var compressed = ImageArrays.AtLeast<byte>(checked((int)layout.IdatBytes));
        int filled = 0;
        foreach (var (offset, length) in layout.Idat)
        {
            png.Slice(offset, length).CopyTo(compressed.AsSpan(filled));
            filled += length;
        }

        // PNG's zlib streams never use a preset dictionary (PNG 10.1); the inflater would fail on one, unexplained.
        if (filled >= 2 && (compressed[1] & 0x20) != 0)
        {
            sink.ReportAt(FindingCodes.BadArchive, path, layout.Idat[0].Offset, "the image data's zlib stream asks for a preset dictionary, which PNG does not allow");
            return null;
        }

        var raw = ImageArrays.Uninitialized<byte>(Math.Min(expected, 1 << 20));
        int got = 0;
        try
        {
            using var zlib = new ZLibStream(new MemoryStream(compressed, 0, filled), CompressionMode.Decompress);
            while (got < expected)
            {
                if (got == raw.Length) ImageArrays.Grow(ref raw, (int)Math.Min(expected, 2L * raw.Length), got);
                int n = zlib.Read(raw, got, raw.Length - got);
                if (n == 0) break;
                got += n;
            }
        }
        // The stream is in memory: an IOException can only be the inflater's own (its ZLibException is not public).
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            sink.ReportAt(FindingCodes.BadArchive, path, layout.Idat[0].Offset, "the image data is not valid zlib: " + e.Message);
            return null;
        }

        if (got < expected)
        {
            sink.ReportAt(FindingCodes.DataTruncated, path, layout.Idat[0].Offset, $"the image data inflates to {got} bytes; {expected} are needed: the image is cut short");
            return null;
        }

        return raw;
    }
}
