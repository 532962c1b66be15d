using System.Globalization;

namespace Codec.Formats.Datasets;

/// <summary>
/// A shape entry: a constant (<c>3</c>), a dimension (<c>V</c>), or a dimension plus or minus a constant
/// (<c>P+1</c>: a list of the poses and the neutral).
/// </summary>
public readonly record struct DimensionExpression(string? Symbol, long Offset)
{
    public bool IsConstant => Symbol is null;

    /// <summary>The value for a bound symbol value.</summary>
    public long Evaluate(long symbolValue) => symbolValue + Offset;

    /// <summary>The symbol value an observed size implies (<c>P+1</c> observed 53 → P = 52).</summary>
    public long Solve(long observed) => observed - Offset;

    public static DimensionExpression Constant(long value) => new(null, value);

    /// <summary>Parses <c>3</c>, <c>V</c>, <c>P+1</c>, <c>P-1</c>; false for anything else.</summary>
    public static bool TryParse(string text, out DimensionExpression expression)
    {
        expression = default;
        text = text.Trim();
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long constant))
        {
            expression = Constant(constant);
            return true;
        }

        int sign = text.IndexOfAny(['+', '-']);
        string symbol = sign < 0 ? text : text[..sign].Trim();
        if (symbol.Length == 0 || !char.IsLetter(symbol[0]) || !symbol.All(char.IsLetterOrDigit)) return false;
        long offset = 0;
        if (sign >= 0 && !long.TryParse(text[(sign + 1)..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out offset)) return false;
        expression = new DimensionExpression(symbol, sign >= 0 && text[sign] == '-' ? -offset : offset);
        return true;
    }

    public override string ToString() => Symbol is null ? Offset.ToString(CultureInfo.InvariantCulture)
        : Offset == 0 ? Symbol : Offset > 0 ? $"{Symbol}+{Offset}" : $"{Symbol}{Offset}";
}
