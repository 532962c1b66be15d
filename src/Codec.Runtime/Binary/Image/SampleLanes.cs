using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace Codec.Runtime.Binary.Image;

/// <summary>
/// What the image predictors undo, 16 bytes at a time where the machine has vectors: running sums of samples a fixed
/// stride apart (PNG's Sub filter, TIFF's horizontal and floating-point predictors) and the interleaving of byte planes
/// (TIFF's floating-point predictor, EXR's ZIP and RLE chunks).
/// </summary>
internal static class SampleLanes
{
    // Per element size (1 or 2 bytes) and stride in elements (stride × size ≤ 16): the byte shuffles of a running sum
    // inside one 16-byte block, and the one that carries each lane's sum from the block before.
    private sealed record SumPlan(Vector128<byte>[] Shifts, Vector128<byte> Carry);

    private static readonly SumPlan?[,] Plans = new SumPlan?[3, 17];

    private static SumPlan Plan(int stride, int size)
    {
        if (Plans[size, stride] is { } known) return known;
        int step = stride * size;
        var shifts = new List<Vector128<byte>>();
        Span<byte> indices = stackalloc byte[16];
        // Adding the block moved up by step, then 2·step, 4·step, …, gives each lane the sum of every lane a multiple
        // of step below it: a log-step prefix sum per stride class (0xFF selects zero).
        for (int by = step; by < 16; by *= 2)
        {
            for (int j = 0; j < 16; j++) indices[j] = j >= by ? (byte)(j - by) : (byte)0xFF;
            shifts.Add(Vector128.Create((ReadOnlySpan<byte>)indices));
        }

        // Lane j's element i continues the sum of the last element of its class in the block before: element
        // 16/size + i − stride·⌈(i+1)/stride⌉ there (the same byte of it).
        Span<byte> carry = stackalloc byte[16];
        int elements = 16 / size;
        for (int j = 0; j < 16; j++)
        {
            int i = j / size, before = elements + i - (stride * ((i / stride) + 1));
            carry[j] = (byte)((before * size) + (j % size));
        }

        var plan = new SumPlan([.. shifts], Vector128.Create((ReadOnlySpan<byte>)carry));
        Plans[size, stride] = plan;
        return plan;
    }

    /// <summary>
    /// Adds to every sample the reconstructed sample <paramref name="stride"/> places before it, in place: the running
    /// sum of each of <paramref name="stride"/> interleaved lanes of bytes or 16-bit samples (in the machine's order).
    /// </summary>
    public static void RunningSum<T>(Span<T> row, int stride) where T : unmanaged, IBinaryInteger<T>
    {
        int size = Unsafe.SizeOf<T>(), lanes = 16 / size, x = 0;
        if (Ssse3.IsSupported && size <= 2 && stride >= 1 && stride * size <= 8 && row.Length >= lanes)
        {
            // On x64 the in-block sums are whole-register byte shifts by constants, one loop per distance: no shuffle
            // table is loaded in the loop, only the carry's.
            var carry = Plan(stride, size).Carry;
            x = (stride * size) switch
            {
                1 => Sum<T, By1>(row, carry),
                2 => Sum<T, By2>(row, carry),
                3 => Sum<T, By3>(row, carry),
                4 => Sum<T, By4>(row, carry),
                5 => Sum<T, By5>(row, carry),
                6 => Sum<T, By6>(row, carry),
                7 => Sum<T, By7>(row, carry),
                _ => Sum<T, By8>(row, carry),
            };
        }
        else if (Vector128.IsHardwareAccelerated && size <= 2 && stride >= 1 && stride * size <= 8 && row.Length >= lanes)
        {
            var plan = Plan(stride, size);
            ref T start = ref MemoryMarshal.GetReference(row);
            var carry = Vector128<T>.Zero;
            for (; x + lanes <= row.Length; x += lanes)
            {
                var v = Vector128.LoadUnsafe(ref start, (nuint)x);
                foreach (var shift in plan.Shifts) v += Move(v.AsByte(), shift).As<byte, T>();
                v += carry;
                v.StoreUnsafe(ref start, (nuint)x);
                carry = Move(v.AsByte(), plan.Carry).As<byte, T>();
            }
        }

        for (x = Math.Max(x, stride); x < row.Length; x++) row[x] += row[x - stride];
    }

    // Running sums of whole 16-byte blocks, each continued from the block before; the elements done.
    private static int Sum<T, TShifts>(Span<T> row, Vector128<byte> carryIndices) where T : unmanaged where TShifts : IBlockSum
    {
        int lanes = 16 / Unsafe.SizeOf<T>(), x = 0;
        ref T start = ref MemoryMarshal.GetReference(row);
        var carry = Vector128<T>.Zero;
        for (; x + lanes <= row.Length; x += lanes)
        {
            var v = TShifts.Sum(Vector128.LoadUnsafe(ref start, (nuint)x)) + carry;
            v.StoreUnsafe(ref start, (nuint)x);
            carry = Ssse3.Shuffle(v.AsByte(), carryIndices).As<byte, T>();
        }

        return x;
    }

    // Within one block, each lane plus the lanes a multiple of the step (in bytes) below it: the block moved up by the
    // step, twice the step, four times… and added (SSE2's byte shift takes its distance as a constant).
    private interface IBlockSum
    {
        static abstract Vector128<T> Sum<T>(Vector128<T> v) where T : unmanaged;
    }

    private readonly struct By1 : IBlockSum
    {
        public static Vector128<T> Sum<T>(Vector128<T> v) where T : unmanaged => By2.Sum(Up(v, 1));
    }

    private readonly struct By2 : IBlockSum
    {
        public static Vector128<T> Sum<T>(Vector128<T> v) where T : unmanaged => By4.Sum(Up(v, 2));
    }

    private readonly struct By3 : IBlockSum
    {
        public static Vector128<T> Sum<T>(Vector128<T> v) where T : unmanaged => By6.Sum(Up(v, 3));
    }

    private readonly struct By4 : IBlockSum
    {
        public static Vector128<T> Sum<T>(Vector128<T> v) where T : unmanaged => By8.Sum(Up(v, 4));
    }

    private readonly struct By5 : IBlockSum
    {
        public static Vector128<T> Sum<T>(Vector128<T> v) where T : unmanaged => Up(Up(v, 5), 10);
    }

    private readonly struct By6 : IBlockSum
    {
        public static Vector128<T> Sum<T>(Vector128<T> v) where T : unmanaged => Up(Up(v, 6), 12);
    }

    private readonly struct By7 : IBlockSum
    {
        public static Vector128<T> Sum<T>(Vector128<T> v) where T : unmanaged => Up(Up(v, 7), 14);
    }

    private readonly struct By8 : IBlockSum
    {
        public static Vector128<T> Sum<T>(Vector128<T> v) where T : unmanaged => Up(v, 8);
    }

    // v plus v moved up by the given number of bytes (zeros shifted in).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<T> Up<T>(Vector128<T> v, [ConstantExpected(Min = 1, Max = 15)] byte bytes) where T : unmanaged =>
        v + Sse2.ShiftLeftLogical128BitLane(v.AsByte(), bytes).As<byte, T>();

    /// <summary>
    /// Interleaves byte planes: <paramref name="output"/>[k·n + p] = plane p's byte k, for the planes' count n (2 or 4,
    /// each <paramref name="planes"/>.Length / n long) — the samples of a TIFF floating-point row, the halves of an EXR chunk.
    /// </summary>
    public static void Interleave(ReadOnlySpan<byte> planes, int count, Span<byte> output)
    {
        int length = planes.Length / count, k = 0;
        ref byte src = ref MemoryMarshal.GetReference(planes);
        ref byte dst = ref MemoryMarshal.GetReference(output);
        if (count == 2 && (Sse2.IsSupported || AdvSimd.Arm64.IsSupported))
        {
            for (; k + 16 <= length; k += 16)
            {
                var a = Vector128.LoadUnsafe(ref src, (nuint)k);
                var b = Vector128.LoadUnsafe(ref src, (nuint)(length + k));
                var (low, high) = Zip(a, b);
                low.StoreUnsafe(ref dst, (nuint)(2 * k));
                high.StoreUnsafe(ref dst, (nuint)((2 * k) + 16));
            }
        }
        else if (count == 4 && (Sse2.IsSupported || AdvSimd.Arm64.IsSupported))
        {
            for (; k + 16 <= length; k += 16)
            {
                var (ab0, ab1) = Zip(Vector128.LoadUnsafe(ref src, (nuint)k), Vector128.LoadUnsafe(ref src, (nuint)(length + k)));
                var (cd0, cd1) = Zip(Vector128.LoadUnsafe(ref src, (nuint)((2 * length) + k)), Vector128.LoadUnsafe(ref src, (nuint)((3 * length) + k)));
                var (q0, q1) = Zip(ab0.AsUInt16(), cd0.AsUInt16());
                var (q2, q3) = Zip(ab1.AsUInt16(), cd1.AsUInt16());
                q0.AsByte().StoreUnsafe(ref dst, (nuint)(4 * k));
                q1.AsByte().StoreUnsafe(ref dst, (nuint)((4 * k) + 16));
                q2.AsByte().StoreUnsafe(ref dst, (nuint)((4 * k) + 32));
                q3.AsByte().StoreUnsafe(ref dst, (nuint)((4 * k) + 48));
            }
        }

        for (; k < length; k++)
        {
            for (int p = 0; p < count; p++) output[(k * count) + p] = planes[(p * length) + k];
        }
    }

    // The bytes of v at the given indices, 0 where an index is 0xFF: the machine's table lookup (pshufb, tbl) zeroes
    // such lanes itself, where Vector128.Shuffle must mask them.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> Move(Vector128<byte> v, Vector128<byte> indices) =>
        Ssse3.IsSupported ? Ssse3.Shuffle(v, indices) : AdvSimd.Arm64.IsSupported ? AdvSimd.Arm64.VectorTableLookup(v, indices) : Vector128.Shuffle(v, indices);

    // The lanes of a and b alternated: a0 b0 a1 b1 … (the low halves, then the high halves).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector128<T> Low, Vector128<T> High) Zip<T>(Vector128<T> a, Vector128<T> b) where T : struct
    {
        if (Sse2.IsSupported)
        {
            if (typeof(T) == typeof(byte)) return (Sse2.UnpackLow(a.AsByte(), b.AsByte()).As<byte, T>(), Sse2.UnpackHigh(a.AsByte(), b.AsByte()).As<byte, T>());
            return (Sse2.UnpackLow(a.AsUInt16(), b.AsUInt16()).As<ushort, T>(), Sse2.UnpackHigh(a.AsUInt16(), b.AsUInt16()).As<ushort, T>());
        }

        if (typeof(T) == typeof(byte)) return (AdvSimd.Arm64.ZipLow(a.AsByte(), b.AsByte()).As<byte, T>(), AdvSimd.Arm64.ZipHigh(a.AsByte(), b.AsByte()).As<byte, T>());
        return (AdvSimd.Arm64.ZipLow(a.AsUInt16(), b.AsUInt16()).As<ushort, T>(), AdvSimd.Arm64.ZipHigh(a.AsUInt16(), b.AsUInt16()).As<ushort, T>());
    }
}
