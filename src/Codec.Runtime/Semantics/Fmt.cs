using System.Globalization;

namespace Codec.Runtime.Semantics;

// Number formatting for finding messages: short, invariant, never locale-dependent.
internal static class Fmt
{
    public static string N(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
    public static string Px(double value) => value.ToString("0.###", CultureInfo.InvariantCulture) + " px";
}
