using Codec.Formats.A2f;
using System.CommandLine;
using Codec.Cli.Inspection;
using Codec.Runtime.Findings;

namespace Codec.Cli.Commands;

/// <summary>
/// <c>codec convert &lt;in&gt; &lt;out&gt;</c>: vertex animation between .npy, .pc2 and Maya .xml + .mc caches; the
/// destination format comes from its extension. The written file is decoded again and compared before success.
/// </summary>
public static class ConvertCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("in") { Description = "Source cache: .npy ([frames, vertices, 3]), .pc2, or a Maya cache's .xml." };
        var output = new Argument<string>("out") { Description = "Destination: .npy, .pc2, or .xml (writes the .xml and the .mc beside it)." };
        var fps = new Option<double?>("--fps") { Description = "Frame rate for a Maya destination when the source has none (.npy, .pc2)." };
        var force = new Option<bool>("--force") { Description = "Overwrite existing destination files." };
        var command = new Command("convert", "Convert vertex animation caches between .npy, .pc2 and Maya .xml + .mc.") { input, output, fps, force };
        command.SetAction(parse => Run(parse.GetValue(input)!, parse.GetValue(output)!, parse.GetValue(fps), parse.GetValue(force), Console.Out, Console.Error));
        return command;
    }

    /// <summary>Returns 0 (written and verified), 1 (the source has errors) or 2 (usage: bad arguments, existing files).</summary>
    public static int Run(string input, string output, double? fps, bool force, TextWriter stdout, TextWriter stderr)
    {
        if (!File.Exists(input))
        {
            stderr.WriteLine($"codec: no such file: {input}");
            return 2;
        }

        string extension = Path.GetExtension(output).ToLowerInvariant();
        if (!AnimationFile.Extensions.Contains(extension))
        {
            stderr.WriteLine($"codec: the destination must end in .npy, .pc2 or .xml (Maya cache), not '{Path.GetExtension(output)}'");
            return 2;
        }

        if (fps is { } f && !(f > 0 && f <= 6000))
        {
            stderr.WriteLine("codec: --fps must be between 0 and 6000");
            return 2;
        }

        var targets = extension == ".xml" ? new[] { output, Path.ChangeExtension(output, ".mc") } : new[] { output };
        if (!force && targets.FirstOrDefault(File.Exists) is { } existing)
        {
            stderr.WriteLine($"codec: {existing} exists; use --force to overwrite it");
            return 2;
        }

        var sink = new FindingSink();
        var data = AnimationFile.Read(input, sink);
        foreach (var finding in sink.Findings) stderr.WriteLine($"{input}: {finding.Severity.ToString().ToLowerInvariant()} {finding.Code}: {finding.Message}");
        if (data is null) return 1;

        double? rate = fps ?? data.FramesPerSecond;
        if (extension == ".xml" && rate is null)
        {
            stderr.WriteLine($"codec: {Path.GetExtension(input)} files carry no frame rate; give --fps for a Maya cache");
            return 2;
        }

        // .pc2 and Maya caches count frames by their data: with no vertices the frames would be lost, so refuse.
        if (data.Vertices == 0 && extension is ".pc2" or ".xml")
        {
            stderr.WriteLine($"codec: {input} has {data.Frames} frames of 0 vertices; a {(extension == ".pc2" ? ".pc2" : "Maya")} cache of no vertices cannot keep its frames (write .npy)");
            return 2;
        }

        AnimationFile.Write(output, data, rate, force);

        // The promise: what was written decodes to the same values.
        var check = new FindingSink();
        var again = AnimationFile.Read(output, check);
        if (again is null || again.Frames != data.Frames || again.Vertices != data.Vertices || !again.Positions.AsSpan().SequenceEqual(data.Positions))
        {
            stderr.WriteLine($"codec: {output} does not decode back to the same values; it should not be used");
            return 1;
        }

        stdout.WriteLine($"{output}: {data.Frames} frames × {data.Vertices} vertices{(extension == ".xml" ? $" at {rate} fps" : "")}, verified");
        return 0;
    }
}
