using System.CommandLine;
using Codec.Cli.Inspection;
using Codec.Formats.A2f;
using Codec.Formats.Files;
using Codec.Runtime.Binary.Maya;
using Codec.Runtime.Files;
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
        var channel = new Option<string?>("--channel") { Description = "For a Maya cache source with several channels, the one to convert (by default its vertex positions channel)." };
        var command = new Command("convert", "Convert vertex animation caches between .npy, .pc2 and Maya .xml + .mc.") { input, output, fps, force, channel };
        command.SetAction(parse => Run(parse.GetValue(input)!, parse.GetValue(output)!, parse.GetValue(fps), parse.GetValue(force), Console.Out, Console.Error, parse.GetValue(channel)));
        return command;
    }

    /// <summary>Returns 0 (written and verified), 1 (the source has errors) or 2 (usage: bad arguments, existing files).</summary>
    public static int Run(string input, string output, double? fps, bool force, TextWriter stdout, TextWriter stderr, string? channel = null)
    {
        if (!File.Exists(input))
        {
            stderr.WriteLine($"codec: no such file: {input}");
            return 2;
        }

        if (AnimationFile.KindOf(output) is not { } destination)
        {
            stderr.WriteLine($"codec: the destination must end in {AnimationFile.Destinations}, not '{Path.GetExtension(output)}'");
            return 2;
        }

        if (fps is { } f && !(f > 0 && f <= 6000))
        {
            stderr.WriteLine("codec: --fps must be between 0 and 6000");
            return 2;
        }

        bool mayaSource = AnimationFile.KindOf(input) == FileKind.Maya;
        if (channel is not null && !mayaSource)
        {
            stderr.WriteLine($"codec: --channel chooses among a Maya cache's channels; {input} is a {Path.GetExtension(input)} file, which has one");
            return 2;
        }

        var targets = destination == FileKind.Maya ? new[] { output, MayaCacheFile.DataPathOf(output) } : new[] { output };
        // A Maya source is its .xml and the data beside it: none of them may be written over.
        string[] sources = mayaSource
            ? [input, MayaCacheFile.DataPathOf(input), MayaCacheFile.DataPathOf(input, wide: true)]
            : [input];
        if (OutputFile.Refusal(targets, sources, force) is { } refusal)
        {
            stderr.WriteLine("codec: " + refusal);
            return 2;
        }

        var sink = new FindingSink();
        var data = AnimationFile.Read(input, sink, channel);
        foreach (var finding in sink.Findings)
        {
            // Which channel to read is the user's to say when the cache cannot tell.
            string advice = finding.Code == FindingCodes.CacheChannelChoice ? "; choose one with --channel NAME" : "";
            stderr.WriteLine($"{input}: {finding.Severity.ToString().ToLowerInvariant()} {finding.Code}: {finding.Message}{advice}");
        }

        if (data is null) return 1;
        if (data.MayaChannels is { All.Count: > 1 } channels)
        {
            stderr.WriteLine($"codec: {input} holds channels {string.Join(", ", channels.All)}; converting '{channels.Read}'");
        }

        double? rate = fps ?? data.FramesPerSecond;
        if (destination == FileKind.Maya && rate is null)
        {
            stderr.WriteLine($"codec: {Path.GetExtension(input)} files carry no frame rate; give --fps for a Maya cache");
            return 2;
        }

        // .pc2 and Maya caches count frames by their data: with no vertices the frames would be lost, so refuse.
        if (data.Vertices == 0 && destination is FileKind.Pc2 or FileKind.Maya)
        {
            stderr.WriteLine($"codec: {input} has {data.Frames} frames of 0 vertices; a {(destination == FileKind.Pc2 ? ".pc2" : "Maya")} cache of no vertices cannot keep its frames (write .npy)");
            return 2;
        }

        // Only a .pc2 has a start frame and a sample rate: moving them elsewhere loses them, which is said.
        if (data.Pc2Timing is { } timing && destination != FileKind.Pc2 && (timing.StartFrame != 0 || timing.SampleRate != 1))
        {
            stderr.WriteLine(FormattableString.Invariant(
                $"codec: warning: {input} starts at frame {timing.StartFrame} with a sample every {timing.SampleRate} frames; {(destination == FileKind.Npy ? ".npy" : "a Maya cache")} has no place for them, so they are not kept"));
        }

        // The promise: what is put in place decodes to the same values. It is written and checked aside first, so a
        // failure leaves no unreadable output and, with --force, keeps the previous one.
        bool verified = OutputFile.Write(targets, force, written =>
        {
            AnimationFile.Write(written[0], data, rate, overwrite: false);
            var again = AnimationFile.Read(written[0], new FindingSink());
            return again is not null && again.Frames == data.Frames && again.Vertices == data.Vertices && again.Positions.AsSpan().SequenceEqual(data.Positions)
                && (destination != FileKind.Pc2 || again.Pc2Timing == (data.Pc2Timing ?? (0f, 1f)));
        });
        if (!verified)
        {
            stderr.WriteLine($"codec: what was written for {output} does not decode back to the same values; nothing was put in place");
            return 1;
        }

        stdout.WriteLine($"{output}: {data.Frames} frames × {data.Vertices} vertices{(destination == FileKind.Maya ? $" at {rate} fps" : "")}, verified");
        return 0;
    }
}
