using System.CommandLine;
using Codec.Formats.Segmentation;
using Codec.Formats.Synthesis;
using Codec.Formats.Validation.Folders;
using Codec.Runtime.Binary.Image;
using Codec.Runtime.Files;
using Codec.Runtime.Findings;

namespace Codec.Cli.Commands;

/// <summary>
/// <c>codec remap N.segments.png --info N.info.json --to body -o out.png</c>: rewrites a render's mask from its own
/// per-render numbering into a stable target table, by class name. Never writes over the mask it reads; never over
/// another file without <c>--force</c>. The written file is decoded again and compared before success.
/// </summary>
public static class RemapCommand
{
    public static Command Create()
    {
        var mask = new Argument<string>("mask") { Description = "The render's N.segments.png or N.clothing_segments.png." };
        var info = new Option<string>("--info") { Description = "The render's N.info.json (its segments_mapping names the mask's values).", Required = true };
        var to = new Option<string?>("--to")
        {
            Description = "Target table: " + string.Join(", ", SegmentationTarget.All.Select(t => $"{t.Key} ({t.Description})")) +
                          ". Default: clothing for a clothing mask, else body.",
        };
        var output = new Option<string>("-o", "--output") { Description = "The PNG to write.", Required = true };
        var depth = new Option<int?>("--depth") { Description = "Bits per pixel of the output, 8 or 16 (default: 8 when every target id fits)." };
        var force = new Option<bool>("--force") { Description = "Overwrite an existing output file (never the input mask)." };
        var command = new Command("remap", "Rewrite a segmentation mask into a stable label table (face, body, clothing).") { mask, info, to, output, depth, force };
        command.SetAction(parse => Run(parse.GetValue(mask)!, parse.GetValue(info)!, parse.GetValue(to), parse.GetValue(output)!, parse.GetValue(depth),
            parse.GetValue(force), Console.Out, Console.Error));
        return command;
    }

    /// <summary>Returns 0 (written and verified), 1 (the mask or mapping has errors) or 2 (usage).</summary>
    public static int Run(string maskPath, string infoPath, string? targetKey, string outputPath, int? depth, bool force, TextWriter stdout, TextWriter stderr)
    {
        foreach (var input in new[] { maskPath, infoPath })
        {
            if (!File.Exists(input))
            {
                stderr.WriteLine($"codec: no such file: {input}");
                return 2;
            }
        }

        // A mask is numbered by its own render's mapping: another render's may number the classes otherwise. Said,
        // not refused (renders of one job often share a mapping), so that it never passes in silence.
        var contract = SynthesisOutputContract.Contract;
        if (contract.TryParseName(Path.GetFileName(maskPath), out var maskName) && contract.TryParseName(Path.GetFileName(infoPath), out var infoName)
            && maskName.Key != infoName.Key)
        {
            stderr.WriteLine($"codec: warning: {Path.GetFileName(maskPath)} is render {maskName.Key}'s mask, but {Path.GetFileName(infoPath)} is render {infoName.Key}'s: its mapping may number the classes differently; give --info {contract.FileName(maskName.Key, contract.Anchor.Suffixes[0])}");
        }

        // The render's main mask numbers body classes; another (the clothing mask) garments.
        string member = SegmentMapping.MemberFor(maskPath);
        bool clothing = member != SynthesisOutputContract.Contract.MainMask!.Mapping;
        var target = SegmentationTarget.Find(targetKey ?? (clothing ? "clothing" : "body"));
        if (target is null)
        {
            stderr.WriteLine($"codec: unknown target table '{targetKey}'; use one of {string.Join(", ", SegmentationTarget.All.Select(t => t.Key))}");
            return 2;
        }

        if (depth is not (null or 8 or 16) || (depth == 8 && target.MaxId > byte.MaxValue))
        {
            stderr.WriteLine($"codec: --depth must be 8 or 16{(target.MaxId > byte.MaxValue ? " (16: the target's ids exceed 255)" : "")}");
            return 2;
        }

        if (OutputFile.Refusal([outputPath], [maskPath, infoPath], force) is { } refusal)
        {
            stderr.WriteLine("codec: " + refusal);
            return 2;
        }

        var sink = new FindingSink();
        var image = InputFile.ReadAll(maskPath, InputFile.DefaultMaxBytes, sink) is { } maskBytes ? PngImage.Decode(maskBytes, sink, maskPath) : null;
        var mapping = image is null ? null : SegmentMapping.Read(infoPath, member, sink);
        var result = mapping is null ? null : MaskRemapper.Remap(image!, mapping, target, sink, maskPath);
        foreach (var f in sink.Findings) stderr.WriteLine($"{f.Path}: {f.Severity.ToString().ToLowerInvariant()} {f.Code}: {f.Message}");
        if (result is null) return 1;

        var format = (depth ?? (target.MaxId <= byte.MaxValue ? 8 : 16)) == 8 ? PngPixelFormat.Grey8 : PngPixelFormat.Grey16;
        // Written aside and decoded again before it is put in place: a failure leaves the destination as it was.
        bool verified = OutputFile.Write([outputPath], force, written =>
        {
            using (var stream = new FileStream(written[0], FileMode.CreateNew, FileAccess.Write))
            {
                PngWriter.WriteLabels(stream, result.Labels, result.Width, result.Height, format);
            }

            var again = InputFile.ReadAll(written[0], InputFile.DefaultMaxBytes, new FindingSink()) is { } bytes ? PngImage.Decode(bytes, new FindingSink(), written[0]) : null;
            return again is not null && again.Width == result.Width && again.Height == result.Height && again.Labels.AsSpan().SequenceEqual(result.Labels);
        });
        if (!verified)
        {
            stderr.WriteLine($"codec: what was written for {outputPath} does not decode back to the remapped labels; nothing was put in place");
            return 1;
        }

        stdout.WriteLine($"{outputPath}: {result.Width}x{result.Height}, {(format == PngPixelFormat.Grey8 ? 8 : 16)}-bit, labels of {target.TableId}, verified");
        foreach (var c in result.Classes)
        {
            stdout.WriteLine($"  {c.FileValue,5} → {c.TargetId,3}  {c.Name}{(c.FellToDefault ? " (not in the target: default)" : "")}  {c.Pixels} px");
        }

        return 0;
    }
}
