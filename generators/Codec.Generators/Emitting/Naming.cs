using System.Globalization;
using System.Text;

namespace Codec.Generators.Emitting;

/// <summary>Turns schema names (<c>transform_world2cam</c>, <c>coco.whole_body</c>, <c>"1.5"</c>) into C# identifiers.</summary>
internal static class Naming
{
    /// <summary><c>transform_world2cam</c> → <c>TransformWorld2cam</c>; <c>long sleeve shirt</c> → <c>LongSleeveShirt</c>.</summary>
    public static string Pascal(string name)
    {
        var sb = new StringBuilder(name.Length);
        bool upper = true;
        foreach (char c in name)
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }
            else
            {
                upper = true;
            }
        }

        if (sb.Length == 0) return "Value";
        if (char.IsDigit(sb[0])) sb.Insert(0, 'N');
        return sb.ToString();
    }

    /// <summary><c>location_constraints</c> → <c>locationConstraints</c>.</summary>
    public static string Camel(string name)
    {
        string pascal = Pascal(name);
        return char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
    }

    /// <summary><c>1.5</c> → <c>V1_5</c>.</summary>
    public static string VersionIdentifier(string version) => "V" + version.Replace('.', '_');

    /// <summary>A C# string literal with escapes.</summary>
    public static string Literal(string value)
    {
        var sb = new StringBuilder("\"");
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < ' ') sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }

        return sb.Append('"').ToString();
    }

    /// <summary>A UTF-8 literal <c>"name"u8</c>.</summary>
    public static string Utf8Literal(string value) => Literal(value) + "u8";

    /// <summary>A double as a C# literal that round-trips.</summary>
    public static string Double(double value)
    {
        string s = value.ToString("R", CultureInfo.InvariantCulture);
        // "1E-05" and "0.5" are double literals already; "3" needs ".0" to be one.
        return s.Contains("E") || s.Contains(".") ? s.Replace("E", "e") : s + ".0";
    }

    /// <summary>Escapes text for an XML doc comment.</summary>
    public static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
