using System.CommandLine;
using Codec.Formats.Rendering;
using Codec.Formats.Segmentation;
using Codec.Runtime.Binary.Image;
using Codec.Runtime.Files;
using Codec.Runtime.Findings;

namespace Codec.Cli.Commands;

/// <summary>
/// <c>codec render N.info.json [--image N.rgb.png | --mask N.segments.png] -o overlay.svg</c>: every landmark system
/// of the render drawn over its image or its coloured mask, as one self-contained SVG.
/// </summary>
public static class RenderCommand
{
    public static Command Create()
    {
        var info = new Argument<string>("info") { Description = "The render's N.info.json (any version)." };
        var image = new Option<string?>("--image") { Description = "An image to draw on: a PNG (usually N.rgb.png, embedded as it is), a TIFF (N.depth.tif, N.normals.tif, N.alpha.tif) or a render's EXR (N.exr, its R, G, B), drawn as an 8-bit preview." };
        var mask = new Option<string?>("--mask") { Description = "A segmentation mask to draw on, coloured by class (N.segments.png or N.clothing_segments.png)." };
        var output = new Option<string>("-o", "--output") { Description = "The SVG to write.", Required = true };
        var force = new Option<bool>("--force") { Description = "Overwrite an existing output file." };
        var command = new Command("render", "Draw a render's landmarks over its image or mask as an SVG (hover a mark for its name).") { info, image, mask, output, force };
        command.SetAction(parse => Run(parse.GetValue(info)!, parse.GetValue(image), parse.GetValue(mask), parse.GetValue(output)!, parse.GetValue(force), Console.Out, Console.Error));
        return command;
    }

    /// <summary>Returns 0 (written), 1 (an input has errors) or 2 (usage).</summary>
    public static int Run(string infoPath, string? imagePath, string? maskPath, string outputPath, bool force, TextWriter stdout, TextWriter stderr)
    {
        if (imagePath is not null && maskPath is not null)
        {
            stderr.WriteLine("codec: give --image or --mask, not both");
            return 2;
        }

        foreach (var input in new[] { infoPath, imagePath, maskPath })
        {
            if (input is not null && !File.Exists(input))
            {
                stderr.WriteLine($"codec: no such file: {input}");
                return 2;
            }
        }

        // A metadata.jsonl describes what was requested of each render, not where its landmarks fell.
        if (Codec.Formats.Validation.Runs.UnitFinder.IsJsonLines(infoPath))
        {
            stderr.WriteLine($"codec: nothing to draw in {infoPath}: a metadata.jsonl has no landmarks; give a render's N.info.json");
            return 2;
        }

        if (!outputPath.EndsWith(".svg", StringComparison.OrdinalIgnoreCase))
        {
            stderr.WriteLine("codec: the output is an SVG file (name it *.svg)");
            return 2;
        }

        string[] inputs = [infoPath, .. imagePath is null ? Array.Empty<string>() : [imagePath], .. maskPath is null ? Array.Empty<string>() : [maskPath]];
        if (OutputFile.Refusal([outputPath], inputs, force) is { } refusal)
        {
            stderr.WriteLine("codec: " + refusal);
            return 2;
        }

        var sink = new FindingSink();
        var systems = LandmarkSystems.Read(infoPath, sink);
        OverlayBackground? background = null;
        if (systems is not null && imagePath is not null)
        {
            // A PNG is embedded as it is; any other image (a TIFF depth, normals or alpha, an EXR's beauty) is drawn as an 8-bit preview.
            var bytes = InputFile.ReadAll(imagePath, InputFile.DefaultMaxBytes, sink);
            var decoded = bytes is null ? null : ImageFile.Decode(bytes, sink, imagePath);
            if (bytes is null || decoded is null)
            {
                foreach (var f in sink.Findings) stderr.WriteLine($"codec: {imagePath}: {f.Message}");
                return 2;
            }

            bool png = PngImage.TryReadSize(bytes, out _, out _);
            background = new OverlayBackground(png ? bytes : ImagePreview.ToPng(decoded), decoded.Width, decoded.Height,
                Path.GetFileName(imagePath) + (png ? "" : $" ({decoded.Format}, shown as 8-bit)"), []);
        }
        else if (systems is not null && maskPath is not null)
        {
            var decoded = InputFile.ReadAll(maskPath, InputFile.DefaultMaxBytes, sink) is { } maskBytes ? PngImage.Decode(maskBytes, sink, maskPath) : null;
            if (decoded is not null)
            {
                // Without a mapping the classes are drawn all the same, named by their values.
                var names = SegmentMapping.Read(infoPath, SegmentMapping.MemberFor(maskPath), new FindingSink())?.NamesByValue() ?? new Dictionary<int, string>();
                background = SvgOverlay.ColouredMask(decoded, names, Path.GetFileName(maskPath));
            }
        }

        foreach (var f in sink.Findings) stderr.WriteLine($"{f.Path}: {f.Severity.ToString().ToLowerInvariant()} {f.Code}: {f.Message}");
        if (sink.Findings.Any(f => f.Code == FindingCodes.OtherProduct))
        {
            stderr.WriteLine($"codec: nothing to draw in {infoPath}: it is not a Human API render, so it has no landmarks codec can place");
            return 2;
        }

        if (systems is null || sink.HasErrors) return 1;
        if (systems.Systems.Sum(s => s.Points.Count) == 0)
        {
            stderr.WriteLine($"codec: nothing to draw in {infoPath}: it has no landmarks and no pupils; no SVG written");
            return 2;
        }
        if (background is not null && systems.Width > 0 && (background.Width != systems.Width || background.Height != systems.Height))
        {
            stderr.WriteLine($"{imagePath ?? maskPath}: warning: the picture is {background.Width}x{background.Height} but the render's intrinsics say {systems.Width}x{systems.Height}; landmarks are placed by fractions of the picture");
        }

        string svg = SvgOverlay.Render(systems, background, Path.GetFileName(infoPath));
        OutputFile.Write([outputPath], force, written =>
        {
            File.WriteAllText(written[0], svg);
            return true;
        });
        int points = systems.Systems.Sum(s => s.Points.Count);
        stdout.WriteLine($"{outputPath}: {systems.Systems.Count} landmark systems, {points} points{(background is null ? "" : " over " + background.Description)}");
        return 0;
    }
}
