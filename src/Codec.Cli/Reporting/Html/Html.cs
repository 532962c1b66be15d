using System.Globalization;
using System.Net;

namespace Codec.Cli.Reporting.Html;

/// <summary>Text for HTML and SVG: escaped, numbers invariant and short.</summary>
public static class Html
{
    public static string Escape(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>A number as people read it: up to 3 decimals, thousands grouped from 100,000.</summary>
    public static string Number(double value)
    {
        if (double.IsNaN(value)) return "–";
        string text = Math.Abs(value) >= 1e5 ? value.ToString("#,0", CultureInfo.InvariantCulture)
            : value.ToString(Math.Abs(value) >= 100 ? "0.#" : "0.###", CultureInfo.InvariantCulture);
        return text == "-0" ? "0" : text;
    }

    public static string Count(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>An SVG coordinate.</summary>
    public static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
