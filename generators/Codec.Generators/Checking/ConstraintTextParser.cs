using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace Codec.Generators.Checking;

/// <summary>
/// Parses the MPEG-4 reference table's location constraints as the seed writes them, per axis column:
/// <c>7.1.x</c> (equal to a point's coordinate), <c>(2.2.x+2.4.x)/2</c> (midpoint), <c>&gt; 8.7.x and &lt; 8.3.x</c>
/// (between), <c>&lt; 4.4.x</c> / <c>&gt; 4.3.x</c> (one bound), each optionally followed by <c>or …</c> free text
/// naming a placement no coordinate expresses. Every point a constraint names is read on the column's axis.
/// </summary>
internal static class ConstraintTextParser
{
    // A row name (feature points are "8.3"; any word characters and dots) and the axis it is read on.
    private const string Ref = @"(\w+(?:\.\w+)*)\.([xyz])";
    private static readonly Regex Equal = new(@"^" + Ref + "$");
    private static readonly Regex Midpoint = new(@"^\(\s*" + Ref + @"\s*\+\s*" + Ref + @"\s*\)\s*/\s*2$");
    private static readonly Regex Between = new(@"^>\s*" + Ref + @"\s+and\s+<\s*" + Ref + "$");
    private static readonly Regex Greater = new(@"^>\s*" + Ref + "$");
    private static readonly Regex Less = new(@"^<\s*" + Ref + "$");
    private static readonly Regex OrWord = new(@"\s+or(\s+|$)");

    /// <summary>A parsed constraint: kind, the point names it refers to, and the "or" alternative.</summary>
    public sealed class Parsed
    {
        public string Kind = "";
        public readonly List<string> Points = new();
        public string Text = "";
        public string? Alternative;
    }

    /// <summary>Parses <paramref name="text"/> for the column <paramref name="axis"/> ('x', 'y' or 'z'); null with an error otherwise.</summary>
    public static Parsed? Parse(string text, char axis, out string error)
    {
        error = "";
        string body = text.Trim();
        string? alternative = null;
        var or = OrWord.Match(body);
        if (or.Success)
        {
            alternative = body.Substring(or.Index + or.Length).Trim();
            body = body.Substring(0, or.Index).Trim();
            if (alternative.Length == 0)
            {
                error = "nothing follows \"or\"";
                return null;
            }
        }

        var result = new Parsed { Text = body, Alternative = alternative };
        Match m;
        if ((m = Equal.Match(body)).Success) result.Kind = "EqualTo";
        else if ((m = Midpoint.Match(body)).Success) result.Kind = "MidpointOf";
        else if ((m = Between.Match(body)).Success) result.Kind = "Between";
        else if ((m = Greater.Match(body)).Success) result.Kind = "GreaterThan";
        else if ((m = Less.Match(body)).Success) result.Kind = "LessThan";
        else
        {
            error = "expected P.x, (P.x+Q.x)/2, > P.x and < Q.x, > P.x or < P.x (P, Q rows of this table, such as 8.3), optionally followed by \"or <text>\"";
            return null;
        }

        for (int g = 1; g + 1 < m.Groups.Count; g += 2)
        {
            if (m.Groups[g + 1].Value[0] != axis)
            {
                error = $"'{m.Groups[g].Value}.{m.Groups[g + 1].Value}' is read on another axis than the column's ({axis})";
                return null;
            }

            result.Points.Add(m.Groups[g].Value);
        }

        return result;
    }
}
