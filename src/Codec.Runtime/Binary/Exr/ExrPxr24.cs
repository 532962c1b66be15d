using System.Buffers.Binary;
using Codec.Runtime.Binary.Image;

namespace Codec.Runtime.Binary.Exr;

/// <summary>
/// OpenEXR's PXR24 compression, undone for one chunk (16 lines, or a tile). Floats were rounded to 24 bits; then, line
/// by line and channel by channel, each sample was stored as its difference from the one before, its bytes split into
/// planes (most significant first: 2 for a half, 3 for a float, 4 for a uint), and the whole zlib-compressed.
/// </summary>
internal static class ExrPxr24
{
    /// <param name="types">The channels in name order.</param>
    /// <param name="scratch">Room for the inflated planes, grown when it is too small.</param>
    public static string? Decode(ReadOnlySpan<byte> data, Span<byte> output, IReadOnlyList<ExrPixelType> types, int columns, int lines, ref byte[] scratch)
    {
        int planeBytes = types.Sum(t => t switch { ExrPixelType.Half => 2, ExrPixelType.Float => 3, _ => 4 });
        int packedLength = lines * columns * planeBytes;
        if (scratch.Length < packedLength) scratch = new byte[packedLength];
        var packed = scratch.AsSpan(0, packedLength);
        int got = SampleBytes.Inflate(data, packed, out bool more);
        if (got < 0) return "the PXR24 chunk is not valid zlib data";
        if (got != packedLength || more) return $"the PXR24 chunk inflates to {(more ? "more than " : "")}{got} bytes; its pixels need {packedLength}";

        int read = 0, written = 0;
        for (int line = 0; line < lines; line++)
        {
            foreach (var type in types)
            {
                int planes = type switch { ExrPixelType.Half => 2, ExrPixelType.Float => 3, _ => 4 };
                var bytes = packed.Slice(read, planes * columns);
                read += planes * columns;
                uint sample = 0;
                for (int x = 0; x < columns; x++)
                {
                    uint difference = 0;
                    for (int plane = 0; plane < planes; plane++) difference = (difference << 8) | bytes[(plane * columns) + x];
                    if (type == ExrPixelType.Float) difference <<= 8;
                    sample += difference;
                    if (type == ExrPixelType.Half)
                    {
                        BinaryPrimitives.WriteUInt16LittleEndian(output[written..], (ushort)sample);
                        written += 2;
                    }
                    else
                    {
                        BinaryPrimitives.WriteUInt32LittleEndian(output[written..], sample);
                        written += 4;
                    }
                }
            }
        }

        return null;
    }
}
