using System.Buffers.Binary;
using System.IO.Compression;
using Codec.Runtime.Findings;

namespace Codec.Runtime.Binary.Image;

/// <summary>
/// A decoded label image: a segmentation mask PNG (8- or 16-bit greyscale, or 8-bit palette indices), one label value
/// per pixel, row-major. <see cref="Histogram"/> counts the pixels of each label.
/// </summary>
public sealed class PngImage
{
    private PngImage(int width, int height, int bitDepth, int colorType, ushort[] labels)
    {
        Width = width;
        Height = height;
        BitDepth = bitDepth;
        ColorType = colorType;
        Labels = labels;
    }

    public int Width { get; }
    public int Height { get; }
    public int BitDepth { get; }

    /// <summary>0 greyscale, 3 palette (the label is the palette index).</summary>
    public int ColorType { get; }

    /// <summary>The label of every pixel, row by row.</summary>
    public ushort[] Labels { get; }

    private IReadOnlyList<(int Label, long Pixels)>? _histogram;

    /// <summary>Pixels per label value, in increasing value order, labels with no pixel left out (counted once per image).</summary>
    public IReadOnlyList<(int Label, long Pixels)> Histogram()
    {
        if (_histogram is { } counted) return counted;
        // An image holds at most MaxPixels (2^28) pixels: a count fits an int, and half the memory of a long is scanned.
        var counts = ImageArrays.Uninitialized<int>(BitDepth == 16 ? 65536 : 256);
        counts.AsSpan().Clear();
        // A mask is runs of one class: each run is found by a vectorised search and counted at once (counted pixel by
        // pixel, each increment of a run waits for the one before it, on the same counter).
        var labels = Labels.AsSpan();
        for (int at = 0; at < labels.Length;)
        {
            ushort label = labels[at];
            int end = at + 1;
            if (end < labels.Length && labels[end] == label)
            {
                int other = labels[end..].IndexOfAnyExcept(label);
                end = other < 0 ? labels.Length : end + other;
            }

            counts[label] += end - at;
            at = end;
        }

        var result = new List<(int, long)>();
        for (int i = 0; i < counts.Length; i++)
        {
            if (counts[i] > 0) result.Add((i, counts[i]));
        }

        return _histogram = result;
    }

    /// <summary>Most pixels decoded (width × height); larger images are refused before anything is allocated.</summary>
    public const long MaxPixels = 1L << 28;

    /// <summary>
    /// The size an image's header declares, for a PNG of any colour type (its pixels are not read); false when the
    /// bytes do not start with the PNG signature and an IHDR chunk.
    /// </summary>
    public static bool TryReadSize(ReadOnlySpan<byte> png, out int width, out int height)
    {
        width = height = 0;
        if (png.Length < 24 || !PngChunks.HasSignature(png) || !png.Slice(12, 4).SequenceEqual("IHDR"u8)) return false;
        width = BinaryPrimitives.ReadInt32BigEndian(png[16..]);
        height = BinaryPrimitives.ReadInt32BigEndian(png[20..]);
        return width > 0 && height > 0;
    }

    /// <summary>Decodes a whole PNG held in memory; null (with located findings) when it is not a usable label image.</summary>
    public static PngImage? Decode(ReadOnlySpan<byte> png, FindingSink sink, string path = "")
    {
        if (PngChunks.Read(png, sink, path) is not { } layout) return null;
        int width = layout.Width, height = layout.Height, bitDepth = layout.BitDepth, colorType = layout.ColorType;
        if (layout.Interlaced)
        {
            sink.ReportAt(FindingCodes.UnsupportedElementType, path, layout.HeaderOffset + 20, "an interlaced (Adam7) PNG: label masks are written without interlacing, and this one is not decoded");
            return null;
        }

        if (!((colorType == 0 && bitDepth is 8 or 16) || (colorType == 3 && bitDepth == 8)))
        {
            sink.ReportAt(FindingCodes.UnsupportedElementType, path, layout.HeaderOffset + 16, $"colour type {colorType} at {bitDepth} bits is not a label image (8/16-bit greyscale or 8-bit palette are read)");
            return null;
        }

        var idat = layout.Idat;
        long idatBytes = layout.IdatBytes;
        int bytesPerPixel = bitDepth / 8;
        int stride = width * bytesPerPixel;
        long expected = (long)height * (stride + 1);
        // Deflate expands at most about 1032:1: a small file cannot hold a huge image.
        if (expected > (idatBytes + 1) * 1040 || expected > int.MaxValue)
        {
            sink.ReportAt(FindingCodes.CompressionBomb, path, 8, $"{width} × {height} pixels cannot come from {idatBytes} compressed bytes");
            return null;
        }

        var labels = DecodeRows(png, idat, width, height, bytesPerPixel, sink, path);
        return labels is null ? null : new PngImage(width, height, bitDepth, colorType, labels);
    }

    // Inflates one row at a time into two alternating row buffers, undoes its filter against the row above, and
    // turns its samples (big-endian for 16 bits) into labels: the filtered image is never held whole. The labels grow
    // with the rows that really inflate (doubling up to the header's size), so a header that promises more pixels
    // than the data holds costs at most twice what the data gives, not the promise.
    private static ushort[]? DecodeRows(ReadOnlySpan<byte> png, IReadOnlyList<(int Offset, int Length)> idat, int width, int height, int bpp,
        FindingSink sink, string path)
    {
        long pixels = (long)width * height;
        var labels = ImageArrays.Uninitialized<ushort>((int)Math.Min(pixels, Math.Max(width, 1 << 12)));
        // IDAT chunks are one zlib stream split anywhere; masks compress to kilobytes, so joining them costs little.
        var compressed = ImageArrays.AtLeast<byte>(checked((int)idat.Sum(c => (long)c.Length)));
        int filled = 0;
        foreach (var (offset, length) in idat)
        {
            png.Slice(offset, length).CopyTo(compressed.AsSpan(filled));
            filled += length;
        }

        // PNG's zlib streams never use a preset dictionary (PNG 10.1); the inflater would fail on one, unexplained.
        if (filled >= 2 && (compressed[1] & 0x20) != 0)
        {
            sink.ReportAt(FindingCodes.BadArchive, path, idat[0].Offset, "the image data's zlib stream asks for a preset dictionary, which PNG does not allow");
            return null;
        }

        int stride = width * bpp;
        var current = new byte[stride + 1];
        var previous = new byte[stride + 1];
        try
        {
            using var zlib = new ZLibStream(new MemoryStream(compressed, 0, filled), CompressionMode.Decompress);
            for (int y = 0; y < height; y++)
            {
                int got = zlib.ReadAtLeast(current, current.Length, throwOnEndOfStream: false);
                if (got < current.Length)
                {
                    sink.ReportAt(FindingCodes.DataTruncated, path, idat[0].Offset,
                        $"the image data inflates to {(long)y * current.Length + got} bytes; {(long)height * current.Length} are needed");
                    return null;
                }

                if (!PngFilters.Undo(current[0], current.AsSpan(1), y == 0 ? Span<byte>.Empty : previous.AsSpan(1), bpp))
                {
                    sink.ReportAt(FindingCodes.BadHeader, path, 8, $"row {y} uses filter type {current[0]}; PNG has 0–4");
                    return null;
                }

                var row = current.AsSpan(1);
                if ((long)(y + 1) * width > labels.Length) ImageArrays.Grow(ref labels, (int)Math.Min(pixels, Math.Max((long)(y + 1) * width, 2L * labels.Length)), y * width);
                var output = labels.AsSpan(y * width, width);
                if (bpp == 2) BinaryPrimitives.ReverseEndianness(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ushort>(row), output);
                else PngFilters.Widen(row, output);
                (current, previous) = (previous, current);
            }

            return labels;
        }
        // The stream is in memory: an IOException can only be the inflater's own (its ZLibException is not public).
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            sink.ReportAt(FindingCodes.BadArchive, path, idat[0].Offset, "the image data is not valid zlib: " + e.Message);
            return null;
        }
    }
}
