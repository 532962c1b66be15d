using System.Globalization;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Codec.Runtime.Datasets;
using Codec.Runtime.Findings;

namespace Codec.Formats.Datasets;

/// <summary>
/// Finiteness and range of a file's float values, fed whole or a chunk (a frame, a read) at a time. Caches are tens
/// of megabytes of finite floats: a vector pass over the bits proves that, and only a chunk with a hit is scanned
/// value by value. NaN and infinities count as out of any range.
/// </summary>
internal sealed class ValueCheck(FileSpec spec)
{
    private long _count, _nonFinite, _outside, _firstNonFinite = -1, _firstOutside = -1;
    private float _firstOutsideValue;

    private bool Bounded => spec.Min is not null || spec.Max is not null;

    public void Add(ReadOnlySpan<float> values)
    {
        if (!Bounded && AllFinite(values))
        {
            _count += values.Length;
            return;
        }

        for (int i = 0; i < values.Length; i++)
        {
            float v = values[i];
            if (!float.IsFinite(v))
            {
                if (_nonFinite++ == 0) _firstNonFinite = _count + i;
            }
            else if ((spec.Min is { } min && v < min) || (spec.Max is { } max && v > max))
            {
                if (_outside++ == 0) (_firstOutside, _firstOutsideValue) = (_count + i, v);
            }
        }

        _count += values.Length;
    }

    public void Report(FileFacts facts, string where)
    {
        if (_nonFinite > 0 && (spec.Finite || Bounded))
            facts.Error(FindingCodes.ValueOutOfRange, where, $"{_nonFinite} of {_count} values are NaN or infinite (first at element {_firstNonFinite})");
        if (_outside > 0)
        {
            facts.Error(FindingCodes.ValueOutOfRange, where,
                $"{_outside} of {_count} values lie outside [{Bound(spec.Min)}, {Bound(spec.Max)}] (first at element {_firstOutside}: {_firstOutsideValue.ToString(CultureInfo.InvariantCulture)})");
        }
    }

    /// <summary>Checks one whole array.</summary>
    public static void Run(FileFacts facts, string where, ReadOnlySpan<float> values, FileSpec spec)
    {
        var check = new ValueCheck(spec);
        check.Add(values);
        check.Report(facts, where);
    }

    private static string Bound(double? v) => v is { } x ? x.ToString(CultureInfo.InvariantCulture) : "…";

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
