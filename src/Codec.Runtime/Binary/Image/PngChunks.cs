using System.Buffers.Binary;
using Codec.Runtime.Findings;

namespace Codec.Runtime.Binary.Image;

/// <summary>What a PNG's chunks say: the header, where the image data is, the palette and its transparency.</summary>
internal sealed record PngLayout(int Width, int Height, int BitDepth, int ColorType, bool Interlaced, IReadOnlyList<(int Offset, int Length)> Idat, long IdatBytes, byte[]? Palette, byte[]? Transparency, int HeaderOffset)
{
    /// <summary>Samples per pixel: grey 1, RGB 3, palette index 1, grey and alpha 2, RGBA 4.</summary>
    public int Channels => ColorType switch { 2 => 3, 4 => 2, 6 => 4, _ => 1 };

    /// <summary>Bits of one pixel, as the filters and rows count them.</summary>
    public int BitsPerPixel => Channels * BitDepth;

    /// <summary>Bytes of one filtered row of <paramref name="width"/> pixels, without its filter byte.</summary>
    public long RowBytes(int width) => ((long)width * BitsPerPixel + 7) / 8;
}

/// <summary>
/// Reads a PNG's chunk structure once for every decoder of the format: the signature, each chunk's length against
/// the file and its CRC, an IHDR whose colour type and bit depth PNG allows and whose pixel count is bounded, the
/// palette (PLTE) and transparency (tRNS), and the IDAT chunks. Pixels are not touched.
/// </summary>
internal static class PngChunks
{
    private static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static bool HasSignature(ReadOnlySpan<byte> png) => png.Length >= 8 && png.StartsWith(Signature);

    public static PngLayout? Read(ReadOnlySpan<byte> png, FindingSink sink, string path)
    {
        if (!HasSignature(png))
        {
            sink.ReportAt(FindingCodes.BadSignature, path, 0, "not a PNG file: the 8-byte signature is missing");
            return null;
        }

        int width = 0, height = 0, bitDepth = 0, colorType = -1, headerAt = 8;
        bool interlaced = false, sawEnd = false;
        long idatBytes = 0;
        byte[]? palette = null, transparency = null;
        var idat = new List<(int Offset, int Length)>();
        int at = 8;
        while (at + 12 <= png.Length && !sawEnd)
        {
            uint length = BinaryPrimitives.ReadUInt32BigEndian(png[at..]);
            if (length > int.MaxValue || length > png.Length - at - 12)
            {
                sink.ReportAt(FindingCodes.DataTruncated, path, at, $"a chunk declares {length} bytes; the file has {png.Length - at - 12} after its header");
                return null;
            }

            var type = png.Slice(at + 4, 4);
            var data = png.Slice(at + 8, (int)length);
            uint crc = BinaryPrimitives.ReadUInt32BigEndian(png[(at + 8 + (int)length)..]);
            if (System.IO.Hashing.Crc32.HashToUInt32(png.Slice(at + 4, 4 + (int)length)) != crc)
            {
                sink.ReportAt(FindingCodes.ChecksumMismatch, path, at, $"chunk '{System.Text.Encoding.ASCII.GetString(type)}' fails its CRC");
                return null;
            }

            if (type.SequenceEqual("IHDR"u8))
            {
                if (length != 13)
                {
                    sink.ReportAt(FindingCodes.BadHeader, path, at, "IHDR is not 13 bytes");
                    return null;
                }

                headerAt = at;
                width = (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(data), int.MaxValue);
                height = (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(data[4..]), int.MaxValue);
                bitDepth = data[8];
                colorType = data[9];
                if (data[10] != 0 || data[11] != 0 || data[12] > 1)
                {
                    sink.ReportAt(FindingCodes.BadHeader, path, at + 18, "unknown compression, filter or interlace method");
                    return null;
                }

                interlaced = data[12] == 1;
                if (!Allowed(colorType, bitDepth))
                {
                    sink.ReportAt(FindingCodes.BadHeader, path, at + 16, $"colour type {colorType} at {bitDepth} bits is not a PNG pixel format");
                    return null;
                }

                if (width == 0 || height == 0 || (long)width * height > PngImage.MaxPixels)
                {
                    sink.ReportAt(FindingCodes.SizeOverflow, path, at + 8, $"{width} × {height} pixels: empty, or more than {PngImage.MaxPixels}");
                    return null;
                }
            }
            else if (type.SequenceEqual("PLTE"u8))
            {
                if (length == 0 || length % 3 != 0 || length > 3 * 256)
                {
                    sink.ReportAt(FindingCodes.BadHeader, path, at, $"a palette of {length} bytes: PNG's holds 1 to 256 RGB entries");
                    return null;
                }

                palette = data.ToArray();
            }
            else if (type.SequenceEqual("tRNS"u8))
            {
                transparency = data.ToArray();
            }
            else if (type.SequenceEqual("IDAT"u8))
            {
                idat.Add((at + 8, (int)length));
                idatBytes += length;
            }
            else if (type.SequenceEqual("IEND"u8))
            {
                sawEnd = true;
            }

            at += 12 + (int)length;
        }

        if (colorType < 0 || idat.Count == 0)
        {
            sink.ReportAt(FindingCodes.BadHeader, path, 8, colorType < 0 ? "there is no IHDR chunk" : "there is no IDAT chunk");
            return null;
        }

        if (colorType == 3 && palette is null)
        {
            sink.ReportAt(FindingCodes.BadHeader, path, headerAt, "a palette image without a PLTE chunk");
            return null;
        }

        return new PngLayout(width, height, bitDepth, colorType, interlaced, idat, idatBytes, palette, transparency, headerAt);
    }

    // PNG 11.2.2: the bit depths each colour type allows.
    private static bool Allowed(int colorType, int bitDepth) => colorType switch
    {
        0 => bitDepth is 1 or 2 or 4 or 8 or 16,
        3 => bitDepth is 1 or 2 or 4 or 8,
        2 or 4 or 6 => bitDepth is 8 or 16,
        _ => false,
    };
}
