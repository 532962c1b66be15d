using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Codec.Runtime.Binary.Exr;

/// <summary>
/// OpenEXR's PIZ compression, undone for one chunk (32 lines, or a tile). A chunk holds a bitmap of the sixteen-bit
/// values its pixels use; those values were renumbered 0..n in order, every channel's plane (one per 16 bits of a
/// sample) went through a two-dimensional Haar wavelet, and the result was Huffman coded. This undoes the three steps
/// and lays the samples out as every other chunk does: line by line, each channel's samples in turn, little-endian.
/// </summary>
internal sealed class ExrPiz
{
    private const int BitmapBytes = (1 << 16) / 8;

    private readonly PizHuffman _huffman = new();
    private readonly byte[] _bitmap = new byte[BitmapBytes];
    private readonly ushort[] _values = new ushort[1 << 16];
    private ushort[] _planes = [];

    /// <param name="data">The chunk's compressed bytes.</param>
    /// <param name="output">Where its pixels go: <paramref name="lines"/> lines of every channel's samples.</param>
    /// <param name="shorts">For each channel in name order, its sample size in 16-bit words (1 half, 2 float or uint).</param>
    /// <returns>Null, or what is wrong with the chunk.</returns>
    public string? Decode(ReadOnlySpan<byte> data, Span<byte> output, IReadOnlyList<int> shorts, int columns, int lines)
    {
        int total = output.Length / 2;
        if (_planes.Length < total) _planes = new ushort[total];
        var planes = _planes.AsSpan(0, total);

        if (data.Length < 4) return "the PIZ chunk is shorter than its bitmap bounds";
        int low = BinaryPrimitives.ReadUInt16LittleEndian(data), high = BinaryPrimitives.ReadUInt16LittleEndian(data[2..]);
        int at = 4;
        Array.Clear(_bitmap);
        if (high >= BitmapBytes) return $"the PIZ bitmap ends at byte {high}, past its {BitmapBytes}";
        if (low <= high)
        {
            if (at + (high - low + 1) > data.Length) return "the PIZ bitmap is cut short";
            data.Slice(at, high - low + 1).CopyTo(_bitmap.AsSpan(low));
            at += high - low + 1;
        }

        int largest = ValuesUsed(low, high);
        if (at + 4 > data.Length) return "the PIZ chunk ends before its Huffman data's length";
        int length = BinaryPrimitives.ReadInt32LittleEndian(data[at..]);
        at += 4;
        if (length < 0 || length > data.Length - at) return $"the PIZ chunk declares {length} bytes of Huffman data; {data.Length - at} follow";
        if (_huffman.Decode(data.Slice(at, length), planes) is { } error) return error;

        // Each channel's planes follow one another: columns × lines samples of its words, the words of a sample side by side.
        int start = 0;
        foreach (int words in shorts)
        {
            for (int word = 0; word < words; word++) Wavelet.Decode(planes[(start + word)..], columns, words, lines, columns * words, largest);
            start += columns * lines * words;
        }

        // Back to line after line, each channel's samples in turn, little-endian as the file's samples are, each
        // renumbered value replaced by the value it stands for.
        var words16 = MemoryMarshal.Cast<byte, ushort>(output);
        var values = _values;
        int written = 0;
        for (int line = 0; line < lines; line++)
        {
            start = 0;
            foreach (int words in shorts)
            {
                var row = planes.Slice(start + (line * columns * words), columns * words);
                var into = words16.Slice(written, row.Length);
                for (int i = 0; i < row.Length; i++) into[i] = values[row[i]];
                written += row.Length;
                start += columns * lines * words;
            }
        }

        if (!BitConverter.IsLittleEndian) BinaryPrimitives.ReverseEndianness(words16, words16);
        return null;
    }

    // The values the bitmap marks (and 0, always), in order: the renumbered value k stands for _values[k]. Returns the
    // largest k. Only the bitmap's bytes the chunk wrote (low..high) can be marked.
    private int ValuesUsed(int low, int high)
    {
        int count = 0;
        _values[count++] = 0;
        for (int at = low; at <= high; at++)
        {
            for (int bit = _bitmap[at], value = at << 3; bit != 0; bit >>= 1, value++)
            {
                if ((bit & 1) != 0 && value != 0) _values[count++] = (ushort)value;
            }
        }

        _values.AsSpan(count).Clear();
        return count - 1;
    }

    /// <summary>
    /// The inverse of PIZ's two-dimensional Haar wavelet over one plane of sixteen-bit words, finest level last. Where
    /// every value is below 2^14 the transform used was exact on 14 bits (signed averages); otherwise a modular one.
    /// </summary>
    private static class Wavelet
    {
        public static void Decode(Span<ushort> plane, int width, int across, int height, int down, int largest)
        {
            if (largest < 1 << 14) Decode<Narrow>(plane, width, across, height, down);
            else Decode<Wide>(plane, width, across, height, down);
        }

        // The step is a type parameter so that each form's loop is compiled with its own step inlined.
        private static void Decode<TStep>(Span<ushort> plane, int width, int across, int height, int down) where TStep : struct, IStep
        {
            int smaller = Math.Min(width, height);
            int step = 1;
            while (step <= smaller) step <<= 1;
            step >>= 1;
            int step2 = step;
            step >>= 1;

            while (step >= 1)
            {
                int lastRow = down * (height - step2);
                int down1 = down * step, down2 = down * step2, across1 = across * step, across2 = across * step2;
                int row;
                for (row = 0; row <= lastRow; row += down2)
                {
                    int column = row, lastColumn = row + (across * (width - step2));
                    for (; column <= lastColumn; column += across2)
                    {
                        int p01 = column + across1, p10 = column + down1, p11 = p10 + across1;
                        TStep.Pair(plane[column], plane[p10], out ushort i00, out ushort i10);
                        TStep.Pair(plane[p01], plane[p11], out ushort i01, out ushort i11);
                        TStep.Pair(i00, i01, out plane[column], out plane[p01]);
                        TStep.Pair(i10, i11, out plane[p10], out plane[p11]);
                    }

                    // An odd column left over at this level: one-dimensional, down.
                    if ((width & step) != 0)
                    {
                        int p10 = column + down1;
                        TStep.Pair(plane[column], plane[p10], out ushort i00, out plane[p10]);
                        plane[column] = i00;
                    }
                }

                // An odd row left over at this level: one-dimensional, across.
                if ((height & step) != 0)
                {
                    int column = row, lastColumn = row + (across * (width - step2));
                    for (; column <= lastColumn; column += across2)
                    {
                        int p01 = column + across1;
                        TStep.Pair(plane[column], plane[p01], out ushort i00, out plane[p01]);
                        plane[column] = i00;
                    }
                }

                step2 = step;
                step >>= 1;
            }
        }

        // One inverse step: an average and a difference back to the two values they came from.
        private interface IStep
        {
            static abstract void Pair(ushort average, ushort difference, out ushort a, out ushort b);
        }

        // Exact on 14 bits: signed averages and differences.
        private readonly struct Narrow : IStep
        {
            public static void Pair(ushort average, ushort difference, out ushort a, out ushort b)
            {
                int h = (short)difference;
                int sum = (short)average + (h & 1) + (h >> 1);
                a = (ushort)(short)sum;
                b = (ushort)(short)(sum - h);
            }
        }

        // Modulo 2^16, for values that use all 16 bits.
        private readonly struct Wide : IStep
        {
            public static void Pair(ushort average, ushort difference, out ushort a, out ushort b)
            {
                int m = average, d = difference;
                int bb = (m - (d >> 1)) & 0xFFFF;
                a = (ushort)((d + bb - (1 << 15)) & 0xFFFF);
                b = (ushort)bb;
            }
        }
    }
}
