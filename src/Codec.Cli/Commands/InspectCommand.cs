using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Codec.Cli.Inspection;
using Codec.Runtime.Findings;

namespace Codec.Cli.Commands;

/// <summary><c>codec inspect &lt;files...&gt;</c>: what a binary file is, its shape or timing, its value range, its findings.</summary>
public static class InspectCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = ".npy, .npz, .pc2, .mc/.mcx, Maya .xml or .wav files.", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "Print one JSON document instead of the readable report." };
        var mapping = new Option<string?>("--mapping") { Description = "For segmentation mask PNGs: the render's info.json, whose mapping names the labels." };
        var command = new Command("inspect", "Describe NumPy, point cache, Maya cache, WAV and label mask PNG files: format, shape or timing, value range or pixel counts, findings.") { files, json, mapping };
        command.SetAction(parse => Run(parse.GetValue(files)!, parse.GetValue(json), Console.Out, Console.Error, parse.GetValue(mapping)));
        return command;
    }

    /// <summary>Returns 0 (no errors), 1 (a file has errors) or 2 (a file does not exist).</summary>
    public static int Run(IReadOnlyList<string> files, bool asJson, TextWriter stdout, TextWriter stderr, string? mapping = null)
    {
        foreach (var file in files.Where(f => !File.Exists(f)).Concat(mapping is not null && !File.Exists(mapping) ? new[] { mapping } : Array.Empty<string>()))
        {
            stderr.WriteLine($"codec: no such file: {file}");
            return 2;
        }

        var reports = files.Select(f => FileInspector.Inspect(f, mapping)).ToList();
        if (asJson) WriteJson(stdout, reports);
        else WriteText(stdout, reports);
        return reports.Any(r => r.HasErrors) ? 1 : 0;
    }

    private static void WriteText(TextWriter output, IReadOnlyList<InspectionReport> reports)
    {
        foreach (var r in reports)
        {
            output.WriteLine($"{r.Path}: {r.Kind}");
            foreach (var (name, value) in r.Properties) output.WriteLine($"  {name + ":",-22} {value}");
            if (r.Values is { } v)
            {
                output.WriteLine(v.Count == v.NonFinite
                    ? $"  {"values:",-22} {v.Count} numbers, none finite"
                    : string.Create(CultureInfo.InvariantCulture, $"  {"values:",-22} {v.Count} numbers in [{v.Min:R}, {v.Max:R}], {v.NonFinite} not finite"));
            }

            foreach (var f in r.Findings)
            {
                output.WriteLine($"  {f.Severity.ToString().ToLowerInvariant()} {f.Code}{(f.Offset >= 0 ? " at byte " + f.Offset : "")}: {f.Message}");
            }
        }
    }

    private static void WriteJson(TextWriter output, IReadOnlyList<InspectionReport> reports)
    {
        using var memory = new MemoryStream();
        using (var w = new Utf8JsonWriter(memory, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteStartArray("files");
            foreach (var r in reports)
            {
                w.WriteStartObject();
                w.WriteString("file", r.Path);
                w.WriteString("kind", r.Kind);
                w.WriteStartObject("properties");
                foreach (var (name, value) in r.Properties) w.WriteString(name, value);
                w.WriteEndObject();
                if (r.Values is { } v)
                {
                    w.WriteStartObject("values");
                    w.WriteNumber("count", v.Count);
                    w.WriteNumber("nonFinite", v.NonFinite);
                    if (v.Count > v.NonFinite)
                    {
                        w.WriteNumber("min", v.Min);
                        w.WriteNumber("max", v.Max);
                    }

                    w.WriteEndObject();
                }

                w.WriteStartArray("findings");
                foreach (var f in r.Findings)
                {
                    w.WriteStartObject();
                    w.WriteString("code", f.Code);
                    w.WriteString("severity", f.Severity.ToString().ToLowerInvariant());
                    w.WriteNumber("offset", f.Offset);
                    w.WriteString("message", f.Message);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(memory.ToArray()));
    }
}
