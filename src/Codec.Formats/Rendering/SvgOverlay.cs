using System.Globalization;
using System.Text;
using Codec.Runtime.Binary.Image;

namespace Codec.Formats.Rendering;

/// <summary>A picture under the landmarks: PNG bytes to embed, their size, and (for a coloured mask) its legend.</summary>
public sealed record OverlayBackground(byte[] Png, int Width, int Height, string Description, IReadOnlyList<(string Name, string Colour, long Pixels)> Classes);

/// <summary>
/// Draws every landmark system of a render over its image or coloured mask as one self-contained SVG: a colour per
/// system, filled marks for points in the frustum and hollow ones for points outside it, the point's system and
/// label as a tooltip (an SVG title), and a legend. The view is the image with a margin; points beyond it (a body's
/// feet under a portrait crop) are pinned to the margin's edge, their title saying where they really are.
/// </summary>
public static class SvgOverlay
{
    /// <summary>System colours: distinct on photographs and on the mask palette.</summary>
    /// <summary>How far beyond the image (a fraction of its size) the view reaches.</summary>
    private const double Margin = 0.12;

    private static readonly string[] Palette =
        ["#e6194b", "#3cb44b", "#ffe119", "#4363d8", "#f58231", "#911eb4", "#46f0f0", "#f032e6", "#bcf60c", "#fabebe", "#008080", "#e6beff", "#9a6324", "#fffac8"];

    // Inside [low, high]; a view narrower than a mark (a picture 1 px wide and 3,000 high) pins to its middle.
    private static double Pin(double value, double low, double high) => low <= high ? Math.Clamp(value, low, high) : (low + high) / 2;

    public static string Render(LandmarkSystems systems, OverlayBackground? background, string title)
    {
        int width = background?.Width ?? (systems.Width > 0 ? systems.Width : 1000);
        int height = background?.Height ?? (systems.Height > 0 ? systems.Height : 1000);
        double r = Math.Max(width, height) / 300.0;
        double font = r * 4;

        // The view: the image and a margin (as far as points reach), and room for the legend on the right.
        double marginX = width * Margin, marginY = height * Margin;
        double minX = 0, minY = 0, maxX = width, maxY = height;
        foreach (var p in systems.Systems.SelectMany(s => s.Points))
        {
            if (!double.IsFinite(p.U) || !double.IsFinite(p.V)) continue;
            minX = Math.Min(minX, Math.Max(-marginX, p.U * width - 2 * r));
            minY = Math.Min(minY, Math.Max(-marginY, p.V * height - 2 * r));
            maxX = Math.Max(maxX, Math.Min(width + marginX, p.U * width + 2 * r));
            maxY = Math.Max(maxY, Math.Min(height + marginY, p.V * height + 2 * r));
        }

        // Points beyond the view are pinned inside these bounds (the legend may make the view taller): a mark's centre
        // stays its radius and half its outline (hollow marks have the widest) from the edge, so no mark is cut.
        double inset = r * 1.25;
        double pinMinX = minX + inset, pinMaxX = maxX - inset, pinMinY = minY + inset, pinMaxY = maxY - inset;
        int legendLines = systems.Systems.Count + 2 + (background?.Classes.Count ?? 0);
        double legendX = maxX + font;
        // About 0.6 em per character of the longest legend line.
        int longest = systems.Systems.Select(sy => sy.Name.Length + 40).Concat((background?.Classes ?? []).Select(c => c.Name.Length + 16)).DefaultIfEmpty(20).Max();
        double legendWidth = font * (2 + 0.6 * longest);
        maxY = Math.Max(maxY, font * 1.6 * legendLines + font);
        maxX = legendX + legendWidth;

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"{N(minX)} {N(minY)} {N(maxX - minX)} {N(maxY - minY)}\" width=\"{N(maxX - minX)}\" height=\"{N(maxY - minY)}\" font-family=\"sans-serif\" font-size=\"{N(font)}\">\n");
        svg.Append("<title>").Append(Escape(title)).Append("</title>\n");
        svg.Append("<style>circle:hover{stroke:#fff;stroke-width:").Append(N(r * 0.8)).Append("}</style>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(minX)}\" y=\"{N(minY)}\" width=\"{N(maxX - minX)}\" height=\"{N(maxY - minY)}\" fill=\"#202020\"/>\n");
        if (background is not null)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<image x=\"0\" y=\"0\" width=\"{width}\" height=\"{height}\" href=\"data:image/png;base64,");
            svg.Append(Convert.ToBase64String(background.Png)).Append("\"/>\n");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"0\" width=\"{width}\" height=\"{height}\" fill=\"none\" stroke=\"#888\" stroke-width=\"{N(r / 3)}\"/>\n");

        for (int s = 0; s < systems.Systems.Count; s++)
        {
            var system = systems.Systems[s];
            string colour = Palette[s % Palette.Length];
            // Every point's title repeats its system's name: shortened once, so the picture grows with the points,
            // not with points × the length of a name the file chose.
            string systemName = Escape(Short(system.Name));
            // Filled marks get a dark rim to stand out on bright masks; hollow ones are drawn in the system's colour.
            svg.Append("<g id=\"").Append(Escape(system.Name)).Append("\" fill=\"").Append(colour).Append("\" stroke=\"#000\" stroke-width=\"").Append(N(r / 4)).Append("\">\n");
            foreach (var p in system.Points)
            {
                // A position that is not a number has no place in the picture (the check of the info.json says so).
                if (!double.IsFinite(p.U) || !double.IsFinite(p.V)) continue;
                string style = p.InFrustum ? "" : $" fill=\"none\" stroke=\"{colour}\" stroke-width=\"{N(r / 2.5)}\"";
                double x = Pin(p.U * width, pinMinX, pinMaxX), y0 = Pin(p.V * height, pinMinY, pinMaxY);
                bool pinned = x != p.U * width || y0 != p.V * height;
                string where = pinned ? FormattableString.Invariant($", really at ({p.U * width:0} px, {p.V * height:0} px)") : "";
                svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{N(x)}\" cy=\"{N(y0)}\" r=\"{N(r)}\"{style}><title>{systemName} {Escape(Short(p.Label))}{(p.InFrustum ? "" : " (out of frustum)")}{where}</title></circle>\n");
            }

            svg.Append("</g>\n");
        }

        // Legend: systems with their colour and counts, then the mask's classes.
        double y = font * 1.5;
        svg.Append("<g id=\"legend\" fill=\"#eee\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(legendX)}\" y=\"{N(y)}\" font-weight=\"bold\">{Escape(title)}</text>\n");
        for (int s = 0; s < systems.Systems.Count; s++)
        {
            y += font * 1.6;
            var system = systems.Systems[s];
            int outside = system.Points.Count(p => !p.InFrustum);
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{N(legendX + r)}\" cy=\"{N(y - font / 3)}\" r=\"{N(r)}\" fill=\"{Palette[s % Palette.Length]}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(legendX + 3 * r)}\" y=\"{N(y)}\">{Escape(system.Name)}: {system.Points.Count}{(outside > 0 ? $" ({outside} hollow: out of frustum)" : "")}</text>\n");
        }

        if (background is not null)
        {
            y += font * 1.6;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(legendX)}\" y=\"{N(y)}\" font-weight=\"bold\">{Escape(background.Description)}</text>\n");
            foreach (var (name, colour, pixels) in background.Classes)
            {
                y += font * 1.6;
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(legendX)}\" y=\"{N(y - font)}\" width=\"{N(font)}\" height=\"{N(font)}\" fill=\"{colour}\"/>");
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(legendX + font * 1.5)}\" y=\"{N(y)}\">{Escape(name)}: {pixels} px</text>\n");
            }
        }

        svg.Append("</g>\n</svg>\n");
        return svg.ToString();
    }

    /// <summary>
    /// A label mask as an RGB PNG for the background, each class coloured by its name (stable across renders whose
    /// numbering differs), background black; the legend lists the classes present.
    /// </summary>
    public static OverlayBackground ColouredMask(PngImage mask, IReadOnlyDictionary<int, string> names, string description)
    {
        var colours = new Dictionary<int, (byte R, byte G, byte B)>();
        var classes = new List<(string, string, long)>();
        var histogram = mask.Histogram();
        string NameOf(int label) => names.TryGetValue(label, out var n) ? n : "value " + label.ToString(CultureInfo.InvariantCulture);
        var palette = ClassColours(histogram.Select(h => NameOf(h.Label)));
        foreach (var (label, pixels) in histogram)
        {
            var rgb = palette[NameOf(label)];
            colours[label] = rgb;
            classes.Add((NameOf(label), $"#{rgb.Item1:x2}{rgb.Item2:x2}{rgb.Item3:x2}", pixels));
        }

        var labels = mask.Labels;
        var pixelsRgb = new byte[labels.Length * 3];
        for (int i = 0; i < labels.Length; i++)
        {
            var (r, g, b) = colours[labels[i]];
            pixelsRgb[3 * i] = r;
            pixelsRgb[3 * i + 1] = g;
            pixelsRgb[3 * i + 2] = b;
        }

        using var png = new MemoryStream();
        PngWriter.Write(png, pixelsRgb, mask.Width, mask.Height, PngPixelFormat.Rgb8);
        return new OverlayBackground(png.ToArray(), mask.Width, mask.Height, description, classes);
    }

    // The smallest distance (RGB, 0-441) between two classes' colours in one picture: "shoe" and "short sleeve shirt"
    // must not both be pink.
    private const double MinColourDistance = 80;

    // Saturation and value of the brightnesses a class colour may take, the first preferred.
    private static readonly (double S, double V)[] Brightnesses = [(0.65, 0.95), (0.9, 0.7), (0.8, 0.5), (0.3, 1.0), (1.0, 0.85)];

    /// <summary>
    /// A colour per class name, background black: each from the name's FNV-1a hash, so that the same classes get the
    /// same colours in every render whatever their numbering; a name whose colour lies too close to one already given
    /// (names in order) steps on by the golden angle, and through five brightnesses, until it stands apart — or, among
    /// very many classes, takes the candidate farthest from all the others.
    /// </summary>
    private static Dictionary<string, (byte R, byte G, byte B)> ClassColours(IEnumerable<string> names)
    {
        var palette = new Dictionary<string, (byte R, byte G, byte B)>(StringComparer.Ordinal);
        foreach (var name in names.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            if (name == "background")
            {
                palette[name] = (0, 0, 0);
                continue;
            }

            uint hash = 2166136261;
            foreach (char c in name) hash = (hash ^ c) * 16777619;
            (byte, byte, byte) chosen = ColourOf(hash % 360, 0);
            double farthest = -1;
            for (int step = 0; step < Brightnesses.Length * 36; step++)
            {
                var candidate = ColourOf((hash % 360) + (step % 36 * 137.508), step / 36);
                double nearest = palette.Count == 0 ? double.MaxValue : palette.Values.Min(other => Distance(candidate, other));
                if (nearest > farthest) (chosen, farthest) = (candidate, nearest);
                if (nearest >= MinColourDistance) break;
            }

            palette[name] = chosen;
        }

        return palette;
    }

    private static double Distance((byte R, byte G, byte B) a, (byte R, byte G, byte B) b) =>
        Math.Sqrt(((a.R - b.R) * (a.R - b.R)) + ((a.G - b.G) * (a.G - b.G)) + ((a.B - b.B) * (a.B - b.B)));

    // A colour of the given hue (degrees) at one of the brightnesses.
    private static (byte, byte, byte) ColourOf(double hueDegrees, int brightness)
    {
        double hue = hueDegrees % 360 / 60.0;
        var (s, v) = Brightnesses[brightness];
        double c2 = v * s, x = c2 * (1 - Math.Abs(hue % 2 - 1)), m = v - c2;
        var (r, g, b) = (int)hue switch
        {
            0 => (c2, x, 0.0),
            1 => (x, c2, 0.0),
            2 => (0.0, c2, x),
            3 => (0.0, x, c2),
            4 => (x, 0.0, c2),
            _ => (c2, 0.0, x),
        };
        return ((byte)Math.Round((r + m) * 255), (byte)Math.Round((g + m) * 255), (byte)Math.Round((b + m) * 255));
    }

    private static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    // Names and labels as titles show them: enough to recognise, never a whole paragraph a file put there.
    private const int MaxNameLength = 80;

    private static string Short(string text) => text.Length <= MaxNameLength ? text : string.Concat(text.AsSpan(0, MaxNameLength - 1), "…");

    private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;");
}
