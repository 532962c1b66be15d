using System.Globalization;

namespace Codec.Cli.Inspection;

/// <summary>
/// A property value whose readable text and JSON differ: <see cref="Text"/> as the readable report prints it
/// (<c>16000 Hz</c>, <c>512x512</c>), <see cref="Json"/> as <c>--json</c> writes it — a number, a string, a shape,
/// or an object of such values by camelCase key (<see cref="Fields"/>).
/// </summary>
public sealed record Shown(string Text, object Json)
{
    public override string ToString() => Text;

    /// <summary>An object of named values, in order.</summary>
    public static IReadOnlyList<KeyValuePair<string, object>> Fields(params (string Key, object Value)[] fields) =>
        fields.Select(f => new KeyValuePair<string, object>(f.Key, f.Value)).ToList();

    /// <summary>A number with a unit: <c>16000 Hz</c>, <c>6.128 s</c> (formatted by <paramref name="format"/>); the JSON is the number.</summary>
    public static Shown Quantity(double value, string unit, string format = "R") =>
        new(value.ToString(format, CultureInfo.InvariantCulture) + (unit.Length == 0 ? "" : " " + unit), value);

    /// <summary>An image's size: <c>512x512</c>; the JSON is <c>{ "width", "height" }</c>.</summary>
    public static Shown Size(long width, long height) => new($"{width}x{height}", Fields(("width", width), ("height", height)));

    /// <summary>A range of values: <c>0 to 32</c> (with how many are not finite); the JSON is <c>{ "min", "max" }</c> (and <c>nonFinite</c>).</summary>
    public static Shown Range(double min, double max, long nonFinite = 0) => new(
        $"{min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}{(nonFinite > 0 ? $" ({nonFinite} not finite)" : "")}",
        nonFinite > 0 ? Fields(("min", min), ("max", max), ("nonFinite", nonFinite)) : Fields(("min", min), ("max", max)));

    /// <summary>Whole-number ticks from <paramref name="start"/> to <paramref name="end"/>: <c>250-1250</c>; the JSON is <c>{ "start", "end" }</c>.</summary>
    public static Shown Span(long start, long end) => new($"{start}-{end}", Fields(("start", start), ("end", end)));
}
