using Codec.Formats.Rendering;
using Codec.Formats.Segmentation;
using Codec.Formats.Synthesis;
using Codec.Formats.Validation;
using Codec.Runtime.Binary.Image;
using Codec.Runtime.Files;
using Codec.Runtime.Findings;
using static Codec.Cli.Reporting.Html.Html;

namespace Codec.Cli.Reporting.Html;

/// <summary>
/// A render drawn small for the report: its landmarks over its segmentation mask (when the render has one beside its
/// info.json), as <c>codec render</c> draws them, embedded as an image so that its ids and styles stay its own.
/// </summary>
public static class Thumbnails
{
    public static string Figure(WorstRender render)
    {
        // Renders of different jobs share names (4.info.json): the caption names the folder too, the title the whole path.
        string name = Path.GetFileName(render.InfoPath);
        string folder = Path.GetFileName(Path.GetDirectoryName(render.InfoPath)) ?? "";
        string shown = folder.Length == 0 ? name : folder + "/" + name;
        string caption = $"<figcaption><code title=\"{Escape(render.InfoPath)}\">{Escape(shown)}</code><br>{Escape(render.System)}: up to {Number(render.MaxPx)} px (mean {Number(render.MeanPx)} px)</figcaption>";
        string? svg = Draw(render.InfoPath, out string why);
        if (svg is null) return $"<figure class=\"thumb missing\"><div class=\"muted\">{Escape(why)}</div>{caption}</figure>\n";
        string data = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(svg));
        return $"<figure class=\"thumb\"><img alt=\"landmarks of {Escape(shown)}\" src=\"data:image/svg+xml;base64,{data}\">{caption}</figure>\n";
    }

    // The SVG of the render, or null with the reason (the files moved since the run, or cannot be read now).
    private static string? Draw(string infoPath, out string why)
    {
        why = "";
        if (InputFile.Refusal(infoPath) is { } refusal)
        {
            why = $"not drawn: {infoPath} {refusal}";
            return null;
        }

        // The info.json is decoded once, for its landmarks and for the names of its mask's classes.
        var sink = new FindingSink();
        if (new InfoDocumentReader().Read(infoPath, sink) is not { } info)
        {
            why = "not drawn: " + string.Join("; ", sink.Findings.Select(f => f.Message).Take(1));
            return null;
        }

        var systems = LandmarkSystems.From(info);

        OverlayBackground? background = null;
        // The render's main mask, named as the render contract names the render's files.
        var contract = SynthesisOutputContract.Contract;
        string infoSuffix = "." + contract.Anchor.Suffixes[0];
        if (infoPath.EndsWith(infoSuffix, StringComparison.Ordinal) && contract.MainMask is { } main)
        {
            string mask = infoPath[..^infoSuffix.Length] + "." + main.Suffixes[0];
            if (InputFile.Refusal(mask) is null && InputFile.ReadAll(mask, InputFile.DefaultMaxBytes, new FindingSink()) is { } bytes
                && PngImage.Decode(bytes, new FindingSink(), mask) is { } decoded)
            {
                var names = SegmentMapping.From(info, main.Mapping!, infoPath, new FindingSink())?.NamesByValue() ?? new Dictionary<int, string>();
                background = SvgOverlay.ColouredMask(decoded, names, Path.GetFileName(mask));
            }
        }

        return SvgOverlay.Render(systems, background, Path.GetFileName(infoPath));
    }
}
