using System.Buffers.Binary;

namespace Codec.Runtime.Binary.Exr;

/// <summary>
/// OpenEXR's B44 and B44A compression, undone for one chunk (32 lines, or a tile). Each channel's plane follows the one
/// before, in channel order: a half channel as 4 × 4 blocks, row after row of blocks (edge blocks padded), each packed
/// into 14 bytes (its first value and fifteen 6-bit differences scaled by a shared shift) or, in B44A, 3 bytes for a
/// block of one value; a float or uint channel as it is. The samples are then laid out as every other chunk's: line by
/// line, each channel's in turn, little-endian.
/// </summary>
internal static class ExrB44
{
    // A third byte of 13 << 2 or more cannot start a 14-byte block (its shift is at most 12): the block is flat.
    private const int FlatMark = 13 << 2;

    /// <param name="types">The channels in name order.</param>
    /// <param name="planes">Room for the chunk's channel planes (as many bytes as <paramref name="output"/>), grown when too small.</param>
    public static string? Decode(ReadOnlySpan<byte> data, Span<byte> output, IReadOnlyList<ExrPixelType> types, int columns, int lines, ref byte[] planes)
    {
        if (planes.Length < output.Length) planes = new byte[output.Length];
        int read = 0, start = 0;
        Span<ushort> block = stackalloc ushort[16];
        foreach (var type in types)
        {
            int size = type == ExrPixelType.Half ? 2 : 4, planeBytes = columns * lines * size;
            var plane = planes.AsSpan(start, planeBytes);
            start += planeBytes;
            if (type != ExrPixelType.Half)
            {
                if (read + planeBytes > data.Length) return $"the B44 chunk ends inside a {type} channel's {planeBytes} bytes";
                data.Slice(read, planeBytes).CopyTo(plane);
                read += planeBytes;
                continue;
            }

            for (int y = 0; y < lines; y += 4)
            {
                for (int x = 0; x < columns; x += 4)
                {
                    if (read + 3 > data.Length) return "the B44 chunk ends inside a block";
                    if (data[read + 2] >= FlatMark)
                    {
                        Flat(data.Slice(read, 3), block);
                        read += 3;
                    }
                    else
                    {
                        if (read + 14 > data.Length) return "the B44 chunk ends inside a block";
                        Unpack(data.Slice(read, 14), block);
                        read += 14;
                    }

                    // The block's rows that lie inside the plane, as far as its columns do.
                    int across = Math.Min(4, columns - x);
                    for (int row = 0; row < 4 && y + row < lines; row++)
                    {
                        for (int k = 0; k < across; k++) BinaryPrimitives.WriteUInt16LittleEndian(plane[((((y + row) * columns) + x + k) * 2)..], block[(row * 4) + k]);
                    }
                }
            }
        }

        if (read != data.Length) return $"the B44 chunk holds {data.Length} bytes; its blocks take {read}";

        // Back to line after line, each channel's samples in turn.
        int written = 0;
        for (int line = 0; line < lines; line++)
        {
            start = 0;
            foreach (var type in types)
            {
                int size = type == ExrPixelType.Half ? 2 : 4;
                planes.AsSpan(start + (line * columns * size), columns * size).CopyTo(output[written..]);
                written += columns * size;
                start += columns * lines * size;
            }
        }

        return null;
    }

    // A 14-byte block: the first value, then each column's values from the one above (the first row's from the one to
    // the left), as 6-bit differences << shift, biased by 32 << shift. Values are stored in an order-preserving form.
    private static void Unpack(ReadOnlySpan<byte> b, Span<ushort> s)
    {
        // Sixteen-bit arithmetic, as the encoder's: each value wraps before the next is built on it.
        int shift = b[2] >> 2, bias = 0x20 << shift;
        s[0] = (ushort)((b[0] << 8) | b[1]);
        s[4] = (ushort)(s[0] + ((((b[2] << 4) | (b[3] >> 4)) & 0x3F) << shift) - bias);
        s[8] = (ushort)(s[4] + ((((b[3] << 2) | (b[4] >> 6)) & 0x3F) << shift) - bias);
        s[12] = (ushort)(s[8] + ((b[4] & 0x3F) << shift) - bias);
        s[1] = (ushort)(s[0] + ((b[5] >> 2) << shift) - bias);
        s[5] = (ushort)(s[4] + ((((b[5] << 4) | (b[6] >> 4)) & 0x3F) << shift) - bias);
        s[9] = (ushort)(s[8] + ((((b[6] << 2) | (b[7] >> 6)) & 0x3F) << shift) - bias);
        s[13] = (ushort)(s[12] + ((b[7] & 0x3F) << shift) - bias);
        s[2] = (ushort)(s[1] + ((b[8] >> 2) << shift) - bias);
        s[6] = (ushort)(s[5] + ((((b[8] << 4) | (b[9] >> 4)) & 0x3F) << shift) - bias);
        s[10] = (ushort)(s[9] + ((((b[9] << 2) | (b[10] >> 6)) & 0x3F) << shift) - bias);
        s[14] = (ushort)(s[13] + ((b[10] & 0x3F) << shift) - bias);
        s[3] = (ushort)(s[2] + ((b[11] >> 2) << shift) - bias);
        s[7] = (ushort)(s[6] + ((((b[11] << 4) | (b[12] >> 4)) & 0x3F) << shift) - bias);
        s[11] = (ushort)(s[10] + ((((b[12] << 2) | (b[13] >> 6)) & 0x3F) << shift) - bias);
        s[15] = (ushort)(s[14] + ((b[13] & 0x3F) << shift) - bias);
        for (int i = 0; i < 16; i++) s[i] = FromOrdered(s[i]);
    }

    private static void Flat(ReadOnlySpan<byte> b, Span<ushort> s) => s.Fill(FromOrdered((ushort)((b[0] << 8) | b[1])));

    // The blocks hold halves in an order-preserving form (sign bit flipped for positives, all bits for negatives).
    private static ushort FromOrdered(ushort v) => (v & 0x8000) != 0 ? (ushort)(v & 0x7FFF) : (ushort)~v;
}
