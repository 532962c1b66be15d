using System.Buffers.Binary;
using System.IO.Compression;

namespace Codec.Tests.Infrastructure;

/// <summary>
/// Writes little-endian, one-strip TIFF files for tests: the tags a decoder needs, the strip uncompressed or Deflated,
/// and any size the test claims (a lying header is a test's to make).
/// </summary>
public static class TiffBuilder
{
    /// <param name="bits">8, 16 or 32 bits per sample.</param>
    /// <param name="sampleFormat">1 unsigned integers, 3 floats.</param>
    public static byte[] Build(int width, int height, int channels, int bits, int sampleFormat, byte[] data, bool deflate = false, int? rowsPerStrip = null)
    {
        byte[] strip = data;
        if (deflate)
        {
            using var compressed = new MemoryStream();
            using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true)) zlib.Write(data);
            strip = compressed.ToArray();
        }

        var entries = new List<(ushort Tag, ushort Type, uint Value)>
        {
            (256, 4, (uint)width), (257, 4, (uint)height), (258, 3, (uint)bits), (259, 3, deflate ? 8u : 1u), (262, 3, channels == 3 ? 2u : 1u),
            (273, 4, 0), (277, 3, (uint)channels), (278, 4, (uint)(rowsPerStrip ?? height)), (279, 4, (uint)strip.Length), (339, 3, (uint)sampleFormat),
        };
        int ifdSize = 2 + (12 * entries.Count) + 4;
        uint dataAt = (uint)(8 + ifdSize);
        var file = new byte[dataAt + strip.Length];
        "II*\0"u8.CopyTo(file);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(4), 8);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(8), (ushort)entries.Count);
        for (int i = 0; i < entries.Count; i++)
        {
            var (tag, type, value) = entries[i];
            int at = 10 + (12 * i);
            BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(at), tag);
            BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(at + 2), type);
            // One bits-per-sample value stands for every sample: what fits in the entry.
            BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(at + 4), 1);
            if (type == 3) BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(at + 8), (ushort)value);
            else BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(at + 8), tag == 273 ? dataAt : value);
        }

        strip.CopyTo(file, dataAt);
        return file;
    }
}
