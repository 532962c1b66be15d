using Codec.Runtime.Semantics;
using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Codec.Formats.Findings;
using Codec.Runtime.Findings;

namespace Codec.Formats.Datasets;

/// <summary>
/// Finiteness and range of a file's float values, fed whole or a chunk (a frame, a read) at a time. Caches are tens
/// of megabytes of finite floats: a vector pass over the bits proves that, and only a chunk with a hit is scanned
/// value by value. NaN and infinities count as out of any range. Given an animation's shape ([frames, vertices, 3]),
/// it also measures how far each vertex moves over the frames (<see cref="FileFacts.MotionRange"/>).
/// </summary>
internal sealed class ValueCheck(FileSpec spec, IReadOnlyList<long>? shape = null)
{
    // A frame's coordinates, for the motion of [frames, vertices, 3] arrays; bounded by what the file holds, since the
    // shape has been checked against its size before any value is read.
    private readonly float[]? _low = MotionStride(shape) is { } n ? new float[n] : null;
    private readonly float[]? _high = MotionStride(shape) is { } m ? new float[m] : null;
    private long _count, _nonFinite, _outside, _firstNonFinite = -1, _firstOutside = -1;
    private float _firstOutsideValue;

    private static int? MotionStride(IReadOnlyList<long>? shape) =>
        shape is [> 1, > 0 and <= (1 << 24) / 3, 3] ? (int)(shape[1] * 3) : null;

    private bool Bounded => spec.Min is not null || spec.Max is not null;

    public void Add(ReadOnlySpan<float> values)
    {
        // Tracking the motion tests finiteness on the way: one pass over the values, not two.
        bool finite = _low is not null ? Track(values) : !Bounded && AllFinite(values);
        if (!Bounded && finite)
        {
            _count += values.Length;
            return;
        }

        double low = spec.Min ?? double.NegativeInfinity, high = spec.Max ?? double.PositiveInfinity;
        for (int i = 0; i < values.Length; i++)
        {
            float v = values[i];
            if (!float.IsFinite(v))
            {
                if (_nonFinite++ == 0) _firstNonFinite = _count + i;
            }
            else if (!ValueRange.Contains(v, low, high))
            {
                if (_outside++ == 0) (_firstOutside, _firstOutsideValue) = (_count + i, v);
            }
        }

        _count += values.Length;
    }

    // Each coordinate's lowest and highest value over the frames; the first frame starts both. True when every value
    // is finite.
    private bool Track(ReadOnlySpan<float> values)
    {
        int stride = _low!.Length;
        long position = _count;
        bool finite = true;
        while (values.Length > 0)
        {
            int at = (int)(position % stride);
            int take = Math.Min(values.Length, stride - at);
            var chunk = values[..take];
            if (position < stride)
            {
                chunk.CopyTo(_low.AsSpan(at));
                chunk.CopyTo(_high!.AsSpan(at));
                finite &= AllFinite(chunk);
            }
            else
            {
                finite &= Widen(_low.AsSpan(at, take), _high!.AsSpan(at, take), chunk);
            }

            position += take;
            values = values[take..];
        }

        return finite;
    }

    // low = min(low, values), high = max(high, values), the widest vector the machine has at a time, two per step; true
    // when every value is finite (its exponent bits not all set), tested in the same pass. The processor's own min and
    // max (MinNative: one instruction; Vector.Min's IEEE rules for NaN and signed zeros cost a dozen on SSE), the value
    // first: x64 then keeps the box when the value is NaN, as the scalar tail does. A NaN that does reach a box (on
    // other processors) only drops that vertex from the largest span, and is reported as non-finite either way.
    private static bool Widen(Span<float> low, Span<float> high, ReadOnlySpan<float> values)
    {
        int i = 0;
        bool finite = true;
        if (Vector.IsHardwareAccelerated)
        {
            int width = Vector<float>.Count;
            var exponent = new Vector<uint>(0x7F800000u);
            var hits = Vector<uint>.Zero;
            ref float lows = ref MemoryMarshal.GetReference(low);
            ref float highs = ref MemoryMarshal.GetReference(high);
            ref float source = ref MemoryMarshal.GetReference(values);
            for (; i + (2 * width) <= values.Length; i += 2 * width)
            {
                var v0 = Vector.LoadUnsafe(ref source, (nuint)i);
                var v1 = Vector.LoadUnsafe(ref source, (nuint)(i + width));
                Vector.MinNative(v0, Vector.LoadUnsafe(ref lows, (nuint)i)).StoreUnsafe(ref lows, (nuint)i);
                Vector.MinNative(v1, Vector.LoadUnsafe(ref lows, (nuint)(i + width))).StoreUnsafe(ref lows, (nuint)(i + width));
                Vector.MaxNative(v0, Vector.LoadUnsafe(ref highs, (nuint)i)).StoreUnsafe(ref highs, (nuint)i);
                Vector.MaxNative(v1, Vector.LoadUnsafe(ref highs, (nuint)(i + width))).StoreUnsafe(ref highs, (nuint)(i + width));
                hits |= Vector.Equals(Vector.AsVectorUInt32(v0) & exponent, exponent) | Vector.Equals(Vector.AsVectorUInt32(v1) & exponent, exponent);
            }

            finite = hits == Vector<uint>.Zero;
        }

        for (; i < values.Length; i++)
        {
            finite &= float.IsFinite(values[i]);
            if (values[i] < low[i]) low[i] = values[i];
            if (values[i] > high[i]) high[i] = values[i];
        }

        return finite;
    }

    /// <summary>The largest distance any vertex's positions span over the frames (the diagonal of its box); null without frames.</summary>
    public double? MotionRange()
    {
        if (_low is null || _count < 2L * _low.Length) return null;
        double largest = 0;
        for (int i = 0; i + 2 < _low.Length; i += 3)
        {
            double dx = _high![i] - _low[i], dy = _high[i + 1] - _low[i + 1], dz = _high[i + 2] - _low[i + 2];
            double span = Math.Sqrt((dx * dx) + (dy * dy) + (dz * dz));
            if (span > largest) largest = span;
        }

        return largest;
    }

    public void Report(FileFacts facts, string where)
    {
        if (where.Length == 0 && MotionRange() is { } motion) facts.MotionRange = motion;
        if (_nonFinite > 0 && (spec.Finite || Bounded))
            facts.Error(DatasetFindingCodes.ValueOutOfRange, where, $"{_nonFinite} of {_count} values are NaN or infinite (first at element {_firstNonFinite})");
        if (_outside > 0)
        {
            facts.Error(DatasetFindingCodes.ValueOutOfRange, where,
                $"{_outside} of {_count} values lie outside {ValueRange.Text(spec.Min, spec.Max)} (first at element {_firstOutside}: {ValueRange.Number(_firstOutsideValue)})");
        }
    }

    /// <summary>Checks one whole array.</summary>
    public static void Run(FileFacts facts, string where, ReadOnlySpan<float> values, FileSpec spec, IReadOnlyList<long>? shape = null)
    {
        var check = new ValueCheck(spec, shape);
        check.Add(values);
        check.Report(facts, where);
    }

    // A float is NaN or infinite exactly when its exponent bits are all set. Four vectors are tested per step and
    // their results combined before one branch: the test is then as fast as the memory feeding it.
    private static bool AllFinite(ReadOnlySpan<float> values)
    {
        var bits = MemoryMarshal.Cast<float, uint>(values);
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var exponent = Vector256.Create(0x7F800000u);
            ref uint start = ref MemoryMarshal.GetReference(bits);
            for (; i + (4 * Vector256<uint>.Count) <= bits.Length; i += 4 * Vector256<uint>.Count)
            {
                var hit = Vector256.Equals(Vector256.LoadUnsafe(ref start, (nuint)i) & exponent, exponent)
                    | Vector256.Equals(Vector256.LoadUnsafe(ref start, (nuint)(i + Vector256<uint>.Count)) & exponent, exponent)
                    | Vector256.Equals(Vector256.LoadUnsafe(ref start, (nuint)(i + (2 * Vector256<uint>.Count))) & exponent, exponent)
                    | Vector256.Equals(Vector256.LoadUnsafe(ref start, (nuint)(i + (3 * Vector256<uint>.Count))) & exponent, exponent);
                if (hit != Vector256<uint>.Zero) return false;
            }
        }
        else if (Vector128.IsHardwareAccelerated)
        {
            var exponent = Vector128.Create(0x7F800000u);
            ref uint start = ref MemoryMarshal.GetReference(bits);
            for (; i + (4 * Vector128<uint>.Count) <= bits.Length; i += 4 * Vector128<uint>.Count)
            {
                var hit = Vector128.Equals(Vector128.LoadUnsafe(ref start, (nuint)i) & exponent, exponent)
                    | Vector128.Equals(Vector128.LoadUnsafe(ref start, (nuint)(i + Vector128<uint>.Count)) & exponent, exponent)
                    | Vector128.Equals(Vector128.LoadUnsafe(ref start, (nuint)(i + (2 * Vector128<uint>.Count))) & exponent, exponent)
                    | Vector128.Equals(Vector128.LoadUnsafe(ref start, (nuint)(i + (3 * Vector128<uint>.Count))) & exponent, exponent);
                if (hit != Vector128<uint>.Zero) return false;
            }
        }

        for (; i < bits.Length; i++)
        {
            if ((bits[i] & 0x7F800000) == 0x7F800000) return false;
        }

        return true;
    }
}
