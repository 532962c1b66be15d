using System.Globalization;
using System.Runtime.CompilerServices;

namespace Codec.Runtime.Semantics;

/// <summary>
/// A closed range of numbers, wherever Codec checks one — a schema member's <c>range</c> in the generated validators,
/// a dataset JSON field's, a dataset array's values: one test and one wording. An open end is null (the test takes
/// it as an infinity); NaN lies outside every range.
/// </summary>
public static class ValueRange
{
    /// <summary>True when <paramref name="value"/> lies in [<paramref name="min"/>, <paramref name="max"/>] (false for NaN).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Contains(double value, double min, double max) => value >= min && value <= max;

    /// <summary>True when <paramref name="value"/> lies in the range; an open end (null) takes any value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Contains(double value, double? min, double? max) =>
        Contains(value, min ?? double.NegativeInfinity, max ?? double.PositiveInfinity);

    /// <summary>The range as messages write it: <c>[0, 120]</c>, <c>[0, inf]</c>, <c>[-inf, 1]</c>.</summary>
    public static string Text(double? min, double? max) => "[" + (min is { } lo ? Number(lo) : "-inf") + ", " + (max is { } hi ? Number(hi) : "inf") + "]";

    /// <summary>The finding's message for a value outside the range: <c>value 250 is outside [0, 120]</c>.</summary>
    public static string Outside(double value, double? min, double? max) => "value " + Number(value) + " is outside " + Text(min, max);

    /// <summary>A number as messages write it: shortest round-trip form, invariant.</summary>
    public static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);
}
