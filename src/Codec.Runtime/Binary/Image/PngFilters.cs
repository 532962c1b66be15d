using System.Runtime.Intrinsics;

namespace Codec.Runtime.Binary.Image;

/// <summary>
/// Undoes the five PNG row filters in place. Sub (a running sum per byte lane, what label masks use on every row,
/// <see cref="SampleLanes.RunningSum{T}(Span{T}, int)"/>) and Up are vectorised.
/// </summary>
internal static class PngFilters
{
    /// <summary>Undoes <paramref name="filter"/> on <paramref name="row"/>; false for a filter type PNG does not have.</summary>
    public static bool Undo(byte filter, Span<byte> row, ReadOnlySpan<byte> previous, int bpp)
    {
        switch (filter)
        {
            case 0:
                return true;
            case 1:
                Sub(row, bpp);
                return true;
            case 2:
                if (!previous.IsEmpty) Add(row, previous);
                return true;
            case 3:
                for (int x = 0; x < row.Length; x++)
                {
                    int left = x >= bpp ? row[x - bpp] : 0, up = previous.IsEmpty ? 0 : previous[x];
                    row[x] += (byte)((left + up) >> 1);
                }

                return true;
            case 4:
                for (int x = 0; x < row.Length; x++)
                {
                    int a = x >= bpp ? row[x - bpp] : 0, b = previous.IsEmpty ? 0 : previous[x], c = x >= bpp && !previous.IsEmpty ? previous[x - bpp] : 0;
                    int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
                    row[x] += (byte)(pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
                }

                return true;
            default:
                return false;
        }
    }

    /// <summary>Sub: each byte adds the reconstructed byte <paramref name="bpp"/> places before it.</summary>
    public static void Sub(Span<byte> row, int bpp) => SampleLanes.RunningSum(row, bpp);

    /// <summary>Up: each byte adds the byte above it.</summary>
    public static void Add(Span<byte> row, ReadOnlySpan<byte> above)
    {
        int x = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            for (; x + 16 <= row.Length; x += 16)
            {
                var sum = Vector128.Create(row.Slice(x, 16)) + Vector128.Create(above.Slice(x, 16));
                sum.CopyTo(row.Slice(x, 16));
            }
        }

        for (; x < row.Length; x++) row[x] += above[x];
    }

    /// <summary>8-bit samples to 16-bit labels.</summary>
    public static void Widen(ReadOnlySpan<byte> row, Span<ushort> labels)
    {
        int x = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            for (; x + 16 <= row.Length; x += 16)
            {
                var (low, high) = Vector128.Widen(Vector128.Create(row.Slice(x, 16)));
                low.CopyTo(labels.Slice(x, 8));
                high.CopyTo(labels.Slice(x + 8, 8));
            }
        }

        for (; x < row.Length; x++) labels[x] = row[x];
    }
}
