using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Codec.Formats.Validation.Folders;

/// <summary>
/// The per-pixel counts of the render checks over images of one sample per pixel (depth, alpha, a class mask),
/// several pixels at a time: they run on every pixel of every render. Each gives exactly what a loop over the pixels
/// one by one gives (the tails are that loop); the checks find the first offending pixel themselves, only when
/// there is one.
/// </summary>
internal static class PixelCounting
{
    private const uint ExponentBits = 0x7F800000;

    /// <summary>How many values are not finite (NaN or infinite).</summary>
    public static long NonFinite(ReadOnlySpan<float> values)
    {
        var bits = MemoryMarshal.Cast<float, uint>(values);
        long count = 0;
        int i = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            var exponent = Vector128.Create(ExponentBits);
            for (; i + 4 <= bits.Length; i += 4)
            {
                var allOnes = Vector128.Equals(Vector128.Create(bits.Slice(i, 4)) & exponent, exponent);
                count += BitOperations.PopCount(allOnes.ExtractMostSignificantBits());
            }
        }

        for (; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i])) count++;
        }

        return count;
    }

    /// <summary>
    /// Of the finite values where <paramref name="surface"/> is set, how many there are and how many lie below
    /// <paramref name="low"/> or above <paramref name="high"/>.
    /// </summary>
    public static (long Inside, long Outside) OnSurface(ReadOnlySpan<float> values, ReadOnlySpan<bool> surface, float low, float high)
    {
        var bits = MemoryMarshal.Cast<float, uint>(values);
        var flags = MemoryMarshal.AsBytes(surface);
        long inside = 0, outside = 0;
        int i = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            var exponent = Vector128.Create(ExponentBits);
            var lows = Vector128.Create(low);
            var highs = Vector128.Create(high);
            for (; i + 16 <= values.Length; i += 16)
            {
                var (flags8a, flags8b) = Vector128.Widen(Vector128.Create(flags.Slice(i, 16)));
                var (f0, f1) = Vector128.Widen(flags8a);
                var (f2, f3) = Vector128.Widen(flags8b);
                Count(bits.Slice(i, 4), f0, ref inside, ref outside);
                Count(bits.Slice(i + 4, 4), f1, ref inside, ref outside);
                Count(bits.Slice(i + 8, 4), f2, ref inside, ref outside);
                Count(bits.Slice(i + 12, 4), f3, ref inside, ref outside);
            }

            void Count(ReadOnlySpan<uint> four, Vector128<uint> flag, ref long inside, ref long outside)
            {
                var raw = Vector128.Create(four);
                var finite = ~Vector128.Equals(raw & exponent, exponent);
                var counted = finite & ~Vector128.Equals(flag, Vector128<uint>.Zero);
                var v = raw.AsSingle();
                var beyond = (Vector128.LessThan(v, lows) | Vector128.GreaterThan(v, highs)).AsUInt32() & counted;
                inside += BitOperations.PopCount(counted.ExtractMostSignificantBits());
                outside += BitOperations.PopCount(beyond.ExtractMostSignificantBits());
            }
        }

        for (; i < values.Length; i++)
        {
            float v = values[i];
            if (!surface[i] || !float.IsFinite(v)) continue;
            inside++;
            if (v < low || v > high) outside++;
        }

        return (inside, outside);
    }

    /// <summary>Sets <paramref name="into"/>[i] to whether <paramref name="values"/>[i] is at least <paramref name="threshold"/>.</summary>
    public static void AtLeast(ReadOnlySpan<float> values, float threshold, Span<bool> into)
    {
        var bytes = MemoryMarshal.AsBytes(into);
        int i = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            var limit = Vector128.Create(threshold);
            for (; i + 16 <= values.Length; i += 16)
            {
                var a = Vector128.GreaterThanOrEqual(Vector128.Create(values.Slice(i, 4)), limit).AsUInt32();
                var b = Vector128.GreaterThanOrEqual(Vector128.Create(values.Slice(i + 4, 4)), limit).AsUInt32();
                var c = Vector128.GreaterThanOrEqual(Vector128.Create(values.Slice(i + 8, 4)), limit).AsUInt32();
                var d = Vector128.GreaterThanOrEqual(Vector128.Create(values.Slice(i + 12, 4)), limit).AsUInt32();
                var narrowed = Vector128.Narrow(Vector128.Narrow(a, b), Vector128.Narrow(c, d));
                (narrowed & Vector128.Create((byte)1)).CopyTo(bytes.Slice(i, 16));
            }
        }

        for (; i < values.Length; i++) into[i] = values[i] >= threshold;
    }

    /// <summary>
    /// How many pixels are inside one mask but not the other: a value above <paramref name="above"/> against a label
    /// that is a class (not 0), or, with <paramref name="label"/>, that label.
    /// </summary>
    public static long Disagreements(ReadOnlySpan<float> values, float above, ReadOnlySpan<ushort> labels, ushort? label)
    {
        long count = 0;
        int i = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            var limit = Vector128.Create(above);
            for (; i + 8 <= values.Length; i += 8)
            {
                var eight = Vector128.Create(labels.Slice(i, 8));
                var inMask = label is { } l ? Vector128.Equals(eight, Vector128.Create(l)) : ~Vector128.Equals(eight, Vector128<ushort>.Zero);
                var a = Vector128.GreaterThan(Vector128.Create(values.Slice(i, 4)), limit).AsUInt32();
                var b = Vector128.GreaterThan(Vector128.Create(values.Slice(i + 4, 4)), limit).AsUInt32();
                count += BitOperations.PopCount((Vector128.Narrow(a, b) ^ inMask).ExtractMostSignificantBits());
            }
        }

        for (; i < values.Length; i++)
        {
            bool inMask = label is { } l ? labels[i] == l : labels[i] != 0;
            if ((values[i] > above) != inMask) count++;
        }

        return count;
    }

    /// <summary>
    /// Sets <paramref name="into"/>[i] to <paramref name="surface"/>[i] unless <paramref name="labels"/>[i] is one of
    /// <paramref name="dropped"/> (a few classes, compared sixteen pixels at a time; many, by a table of every label).
    /// </summary>
    public static void Without(ReadOnlySpan<bool> surface, ReadOnlySpan<ushort> labels, ReadOnlySpan<ushort> dropped, Span<bool> into)
    {
        var flags = MemoryMarshal.AsBytes(surface);
        var held = MemoryMarshal.AsBytes(into);
        int i = 0;
        if (Vector128.IsHardwareAccelerated && dropped.Length <= 8)
        {
            for (; i + 16 <= labels.Length; i += 16)
            {
                var first = Vector128.Create(labels.Slice(i, 8));
                var second = Vector128.Create(labels.Slice(i + 8, 8));
                var hitFirst = Vector128<ushort>.Zero;
                var hitSecond = Vector128<ushort>.Zero;
                foreach (ushort label in dropped)
                {
                    var one = Vector128.Create(label);
                    hitFirst |= Vector128.Equals(first, one);
                    hitSecond |= Vector128.Equals(second, one);
                }

                Vector128.AndNot(Vector128.Create(flags.Slice(i, 16)), Vector128.Narrow(hitFirst, hitSecond).AsByte()).CopyTo(held.Slice(i, 16));
            }
        }

        if (i < labels.Length)
        {
            var table = new bool[ushort.MaxValue + 1];
            foreach (ushort label in dropped) table[label] = true;
            for (; i < labels.Length; i++) into[i] = surface[i] && !table[labels[i]];
        }
    }

    /// <summary>
    /// Each pixel's x² + y² + z² (its first three of <paramref name="channels"/> values), summed in floats in that order,
    /// into <paramref name="into"/>. <paramref name="into"/> may be the start of <paramref name="values"/>: pixel i's is
    /// written after pixel i's values are read, and no later pixel's values lie before it.
    /// </summary>
    public static void SquaredLengths(ReadOnlySpan<float> values, int channels, Span<float> into)
    {
        for (int i = 0, at = 0; i < into.Length; i++, at += channels)
        {
            var n = values.Slice(at, 3);
            into[i] = (n[0] * n[0]) + (n[1] * n[1]) + (n[2] * n[2]);
        }
    }

    /// <summary>How many values where <paramref name="surface"/> is set are not within <paramref name="low"/>..<paramref name="high"/> (NaN is not).</summary>
    public static long OutsideOnSurface(ReadOnlySpan<float> values, ReadOnlySpan<bool> surface, float low, float high)
    {
        var flags = MemoryMarshal.AsBytes(surface);
        long count = 0;
        int i = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            var lows = Vector128.Create(low);
            var highs = Vector128.Create(high);
            for (; i + 8 <= values.Length; i += 8)
            {
                var a = Vector128.Create(values.Slice(i, 4));
                var b = Vector128.Create(values.Slice(i + 4, 4));
                uint within = (Vector128.GreaterThanOrEqual(a, lows) & Vector128.LessThanOrEqual(a, highs)).ExtractMostSignificantBits()
                    | ((Vector128.GreaterThanOrEqual(b, lows) & Vector128.LessThanOrEqual(b, highs)).ExtractMostSignificantBits() << 4);
                count += BitOperations.PopCount(~within & HeldBits(flags.Slice(i, 8)));
            }
        }

        for (; i < values.Length; i++)
        {
            if (surface[i] && !(values[i] >= low && values[i] <= high)) count++;
        }

        return count;
    }

    // Eight bools (bytes of 0 or 1) as eight bits, the first in the lowest: the multiplication moves byte k's bit to
    // bit 56 + k, with no carries between them.
    private static uint HeldBits(ReadOnlySpan<byte> eight) =>
        (uint)((System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(eight) * 0x0102040810204080UL) >> 56);

    /// <summary>
    /// The squared lengths a normal may have: for any float s ≥ 0 (x² + y² + z² summed in floats),
    /// <c>Math.Abs(Math.Sqrt(s) - 1) &lt;= tolerance</c> exactly when <c>Low &lt;= s &lt;= High</c>. A pixel is then
    /// checked with two comparisons instead of a square root in doubles; the bounds are found by stepping from their
    /// estimate to where the square-root test itself changes (it is monotonic on each side of 1), so no rounding of
    /// theirs can disagree with it. Empty (Low &gt; High) when no length passes.
    /// </summary>
    public static (float Low, float High) UnitLengthSquares(double tolerance)
    {
        bool Unit(float squared) => Math.Abs(Math.Sqrt(squared) - 1) <= tolerance;
        if (!Unit(1f)) return (1f, 0f);
        float high = Unit(float.PositiveInfinity) ? float.PositiveInfinity : (float)Math.Min(float.MaxValue, (1 + tolerance) * (1 + tolerance));
        while (high < float.MaxValue && Unit(MathF.BitIncrement(high))) high = MathF.BitIncrement(high);
        while (!Unit(high)) high = MathF.BitDecrement(high);
        double root = Math.Max(0, 1 - tolerance);
        float low = (float)(root * root);
        while (low > 0 && Unit(MathF.BitDecrement(low))) low = MathF.BitDecrement(low);
        while (!Unit(low)) low = MathF.BitIncrement(low);
        return (low, high);
    }

    /// <summary>The least float not below <paramref name="bound"/>: for any float v, v &lt; it exactly when v &lt; <paramref name="bound"/>.</summary>
    public static float LowBound(double bound)
    {
        float f = (float)bound;
        return f < bound ? MathF.BitIncrement(f) : f;
    }

    /// <summary>The largest float not above <paramref name="bound"/>: for any float v, v &gt; it exactly when v &gt; <paramref name="bound"/>.</summary>
    public static float HighBound(double bound)
    {
        float f = (float)bound;
        return f > bound ? MathF.BitDecrement(f) : f;
    }
}
