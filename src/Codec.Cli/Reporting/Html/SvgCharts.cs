using System.Text;
using static Codec.Cli.Reporting.Html.Html;

namespace Codec.Cli.Reporting.Html;

/// <summary>
/// The report's charts, drawn as inline SVG: no script, no library, nothing fetched. Colours come from the page's
/// CSS classes (<c>bar</c>, <c>base</c>, <c>axis</c>, <c>grid</c>, <c>pt</c>, <c>diag</c>, <c>bad</c>), so that
/// the same chart reads in the light and the dark theme. Every chart has a title and a text alternative.
/// </summary>
public static class SvgCharts
{
    private const int Width = 350, Height = 190, Left = 44, Right = 12, Top = 26, Bottom = 34;

    /// <summary>A histogram of <paramref name="values"/>; with a baseline, its histogram over the same bins as an outline (both as shares).</summary>
    public static string Histogram(string title, string unit, IReadOnlyList<double> values, IReadOnlyList<double>? baseline = null)
    {
        // A large run's values are a sample of them: the title counts them all.
        long count = values is ValueSample sample ? sample.Seen : values.Count;
        var svg = Open(title, $"{title}: {count} values, from {Number(Min(values))} to {Number(Max(values))} {unit}");
        double low = Math.Min(Min(values), baseline is { Count: > 0 } ? Min(baseline) : double.PositiveInfinity);
        double high = Math.Max(Max(values), baseline is { Count: > 0 } ? Max(baseline) : double.NegativeInfinity);
        if (!(high > low)) (low, high) = (low - 0.5, high + 0.5);
        int bins = Math.Clamp((int)Math.Ceiling(Math.Sqrt(values.Count)), 5, 30);
        double[] Shares(IReadOnlyList<double> v)
        {
            var counts = new double[bins];
            foreach (var x in v) counts[Math.Clamp((int)((x - low) / (high - low) * bins), 0, bins - 1)]++;
            for (int i = 0; i < bins; i++) counts[i] /= Math.Max(1, v.Count);
            return counts;
        }

        var now = Shares(values);
        var before = baseline is { Count: > 0 } ? Shares(baseline) : null;
        double top = Math.Max(now.Max(), before?.Max() ?? 0);
        if (top <= 0) top = 1;
        double plotW = Width - Left - Right, plotH = Height - Top - Bottom, barW = plotW / bins;
        Axes(svg, $"{top:P0}", Number(low), Number(high), unit);
        for (int i = 0; i < bins; i++)
        {
            double h = now[i] / top * plotH;
            svg.Append($"<rect class=\"bar\" x=\"{N(Left + (i * barW) + 0.5)}\" y=\"{N(Top + plotH - h)}\" width=\"{N(Math.Max(0.5, barW - 1))}\" height=\"{N(h)}\"><title>{Number(low + (i * (high - low) / bins))} – {Number(low + ((i + 1) * (high - low) / bins))} {Escape(unit)}: {now[i]:P1}</title></rect>");
        }

        if (before is not null)
        {
            var path = new StringBuilder($"M{N(Left)},{N(Top + plotH)}");
            for (int i = 0; i < bins; i++)
            {
                double y = Top + plotH - (before[i] / top * plotH);
                path.Append($" L{N(Left + (i * barW))},{N(y)} L{N(Left + ((i + 1) * barW))},{N(y)}");
            }

            path.Append($" L{N(Left + plotW)},{N(Top + plotH)}");
            svg.Append($"<path class=\"base\" d=\"{path}\"><title>baseline</title></path>");
        }

        return Close(svg);
    }

    /// <summary>Horizontal bars, largest first as given; a baseline value per label is drawn as a tick.</summary>
    public static string Bars(string title, IReadOnlyList<(string Label, double Value, string Text)> items, IReadOnlyDictionary<string, double>? baseline = null, int maxItems = 30)
    {
        var shown = items.Take(maxItems).ToList();
        int rowH = 16;
        int height = Top + (rowH * Math.Max(1, shown.Count)) + (items.Count > maxItems ? rowH : 0) + 8;
        int labelW = 130, valueW = 74;
        var svg = Open(title, $"{title}: " + string.Join(", ", shown.Take(10).Select(i => $"{i.Label} {i.Text}")), height);
        double top = Math.Max(shown.Select(i => i.Value).DefaultIfEmpty(0).Max(), baseline?.Values.DefaultIfEmpty(0).Max() ?? 0);
        if (top <= 0) top = 1;
        double plotW = Width - labelW - valueW;
        for (int i = 0; i < shown.Count; i++)
        {
            var (label, value, text) = shown[i];
            double y = Top + (i * rowH);
            string name = label.Length > 20 ? label[..19] + "…" : label;
            svg.Append($"<text class=\"lbl\" x=\"{labelW - 4}\" y=\"{N(y + 11)}\" text-anchor=\"end\">{Escape(name)}<title>{Escape(label)}</title></text>");
            svg.Append($"<rect class=\"bar\" x=\"{labelW}\" y=\"{N(y + 2)}\" width=\"{N(Math.Max(1, value / top * plotW))}\" height=\"{rowH - 4}\"><title>{Escape(label)}: {Escape(text)}</title></rect>");
            if (baseline is not null && baseline.TryGetValue(label, out var was))
                svg.Append($"<line class=\"base\" x1=\"{N(labelW + (was / top * plotW))}\" x2=\"{N(labelW + (was / top * plotW))}\" y1=\"{N(y)}\" y2=\"{N(y + rowH)}\"><title>baseline: {Number(was)}</title></line>");
            svg.Append($"<text class=\"lbl\" x=\"{N(labelW + plotW + 4)}\" y=\"{N(y + 11)}\">{Escape(text)}</text>");
        }

        if (items.Count > maxItems) svg.Append($"<text class=\"lbl\" x=\"{labelW}\" y=\"{N(Top + (shown.Count * rowH) + 11)}\">and {items.Count - maxItems} more</text>");
        return Close(svg);
    }

    /// <summary>One box per row: the middle half of the values, the median, and whiskers to the least and largest.</summary>
    public static string Boxes(string title, string unit, IReadOnlyList<(string Label, IReadOnlyList<double> Values)> rows, double? limit = null)
    {
        int rowH = 22, labelW = 132, valueW = 80;
        int height = Top + (rowH * Math.Max(1, rows.Count)) + 24;
        var svg = Open(title, $"{title}: " + string.Join(", ", rows.Select(r => $"{r.Label} median {Number(RunStats.Quantile(r.Values, 0.5))} {unit}")), height);
        double top = rows.SelectMany(r => r.Values).DefaultIfEmpty(1).Max();
        if (limit is { } l) top = Math.Max(top, l);
        if (!(top > 0)) top = 1;
        double plotW = Width - labelW - valueW;
        double X(double v) => labelW + (Math.Clamp(v / top, 0, 1) * plotW);
        for (int i = 0; i < rows.Count; i++)
        {
            var (label, values) = rows[i];
            double y = Top + (i * rowH) + (rowH / 2.0);
            double q1 = RunStats.Quantile(values, 0.25), q2 = RunStats.Quantile(values, 0.5), q3 = RunStats.Quantile(values, 0.75);
            double lo = values.Min(), hi = values.Max();
            svg.Append($"<text class=\"lbl\" x=\"{labelW - 4}\" y=\"{N(y + 4)}\" text-anchor=\"end\">{Escape(label)}</text>");
            svg.Append($"<line class=\"axis\" x1=\"{N(X(lo))}\" x2=\"{N(X(hi))}\" y1=\"{N(y)}\" y2=\"{N(y)}\"/>");
            svg.Append($"<rect class=\"bar\" x=\"{N(X(q1))}\" y=\"{N(y - 6)}\" width=\"{N(Math.Max(1, X(q3) - X(q1)))}\" height=\"12\"><title>{Escape(label)}: {values.Count} renders; median {Number(q2)} {unit}, middle half {Number(q1)}–{Number(q3)}, largest {Number(hi)}</title></rect>");
            svg.Append($"<line class=\"med\" x1=\"{N(X(q2))}\" x2=\"{N(X(q2))}\" y1=\"{N(y - 7)}\" y2=\"{N(y + 7)}\"/>");
            svg.Append($"<text class=\"lbl\" x=\"{N(labelW + plotW + 4)}\" y=\"{N(y + 4)}\">≤ {Number(hi)} {Escape(unit)}</text>");
        }

        if (limit is { } tolerance)
        {
            svg.Append($"<line class=\"bad\" x1=\"{N(X(tolerance))}\" x2=\"{N(X(tolerance))}\" y1=\"{Top - 4}\" y2=\"{N(Top + (rows.Count * rowH))}\"><title>tolerance {Number(tolerance)} {unit}</title></line>");
        }

        svg.Append($"<text class=\"lbl\" x=\"{labelW}\" y=\"{N(height - 6)}\">0</text><text class=\"lbl\" x=\"{N(labelW + plotW)}\" y=\"{N(height - 6)}\" text-anchor=\"end\">{Number(top)} {Escape(unit)}</text>");
        return Close(svg);
    }

    /// <summary>Points (x, y) with a label each; with <paramref name="diagonal"/>, the line y = x that agreement lies on.</summary>
    public static string Scatter(string title, string xLabel, string yLabel, IReadOnlyList<(double X, double Y, string Label, bool Bad)> points, bool diagonal)
    {
        var svg = Open(title, $"{title}: {points.Count} points");
        double high = Math.Max(points.Select(p => Math.Max(p.X, p.Y)).DefaultIfEmpty(1).Max(), 1e-9) * 1.05;
        double plotW = Width - Left - Right, plotH = Height - Top - Bottom;
        Axes(svg, Number(high), "0", Number(high), xLabel);
        svg.Append($"<text class=\"lbl\" x=\"{Left + 6}\" y=\"{Top + 10}\">↑ {Escape(yLabel)}</text>");
        if (diagonal) svg.Append($"<line class=\"diag\" x1=\"{Left}\" y1=\"{N(Top + plotH)}\" x2=\"{N(Left + plotW)}\" y2=\"{Top}\"/>");
        foreach (var (x, y, label, bad) in points)
        {
            svg.Append($"<circle class=\"{(bad ? "pt bad" : "pt")}\" cx=\"{N(Left + (x / high * plotW))}\" cy=\"{N(Top + plotH - (y / high * plotH))}\" r=\"3.5\"><title>{Escape(label)}: {Number(x)}, {Number(y)}</title></circle>");
        }

        return Close(svg);
    }

    private static StringBuilder Open(string title, string description, int height = Height)
    {
        var svg = new StringBuilder();
        svg.Append($"<figure class=\"chart\"><svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 {Width} {height}\" width=\"{Width}\" height=\"{height}\" aria-label=\"{Escape(description)}\">");
        svg.Append($"<title>{Escape(description)}</title>");
        svg.Append($"<text class=\"ttl\" x=\"4\" y=\"14\">{Escape(title)}</text>");
        return svg;
    }

    private static string Close(StringBuilder svg) => svg.Append("</svg></figure>\n").ToString();

    private static void Axes(StringBuilder svg, string top, string low, string high, string unit)
    {
        double plotH = Height - Top - Bottom;
        svg.Append($"<line class=\"axis\" x1=\"{Left}\" y1=\"{N(Top + plotH)}\" x2=\"{Width - Right}\" y2=\"{N(Top + plotH)}\"/>");
        svg.Append($"<line class=\"grid\" x1=\"{Left}\" y1=\"{Top}\" x2=\"{Width - Right}\" y2=\"{Top}\"/>");
        svg.Append($"<text class=\"lbl\" x=\"{Left - 4}\" y=\"{Top + 4}\" text-anchor=\"end\">{Escape(top)}</text>");
        svg.Append($"<text class=\"lbl\" x=\"{Left}\" y=\"{N(Top + plotH + 14)}\">{Escape(low)}</text>");
        svg.Append($"<text class=\"lbl\" x=\"{Width - Right}\" y=\"{N(Top + plotH + 14)}\" text-anchor=\"end\">{Escape(high)}</text>");
        if (unit.Length > 0) svg.Append($"<text class=\"lbl\" x=\"{N(Left + ((Width - Left - Right) / 2.0))}\" y=\"{N(Top + plotH + 28)}\" text-anchor=\"middle\">{Escape(unit)}</text>");
    }

    private static double Min(IReadOnlyList<double> v) => v.Count == 0 ? 0 : v.Min();

    private static double Max(IReadOnlyList<double> v) => v.Count == 0 ? 0 : v.Max();
}
