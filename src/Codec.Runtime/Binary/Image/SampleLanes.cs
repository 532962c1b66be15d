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
        if (size == 1 && stride == 1 && Ssse3.IsSupported)
        {
            // One lane of bytes (the floating-point predictor's planes, an 8-bit grey image): the shifts are whole-register
            // byte shifts, no table to load in the loop.
            var bytes = MemoryMarshal.AsBytes(row);
            ref byte first = ref MemoryMarshal.GetReference(bytes);
            var carry = Vector128<byte>.Zero;
            var lastByte = Vector128.Create((byte)15);
            for (; x + 16 <= bytes.Length; x += 16)
            {
                var v = Vector128.LoadUnsafe(ref first, (nuint)x);
                v += Sse2.ShiftLeftLogical128BitLane(v, 1);
                v += Sse2.ShiftLeftLogical128BitLane(v, 2);
                v += Sse2.ShiftLeftLogical128BitLane(v, 4);
                v += Sse2.ShiftLeftLogical128BitLane(v, 8);
                v += carry;
                v.StoreUnsafe(ref first, (nuint)x);
                carry = Ssse3.Shuffle(v, lastByte);
            }
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
