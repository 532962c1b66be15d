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
        var files = new Argument<string[]>("files") { Description = ".npy, .npz, .pc2, .mc/.mcx, Maya .xml, .wav (RIFF or RIFX), .exr, label mask .png, info.json or .obj files.", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "Print one JSON document instead of the readable report." };
        var mapping = new Option<string?>("--mapping") { Description = "For segmentation mask PNGs: the render's info.json, whose mapping names the labels." };
        var command = new Command("inspect", "Describe NumPy, point cache, Maya cache, WAV, EXR, label mask PNG, info.json and mesh files: format, shape or timing, value range or pixel counts, landmark systems or bounds, findings.") { files, json, mapping };
        command.SetAction(parse => Run(parse.GetValue(files)!, parse.GetValue(json), Console.Out, Console.Error, parse.GetValue(mapping)));
        return command;
    }

    /// <summary>
    /// Describes every file, going on past one that is missing or not a file; returns 0 (no errors), 1 (a file has
    /// errors) or 2 (a path is missing or unreadable, or the mapping file is missing).
    /// </summary>
    public static int Run(IReadOnlyList<string> files, bool asJson, TextWriter stdout, TextWriter stderr, string? mapping = null)
    {
        if (mapping is not null && !File.Exists(mapping))
        {
            stderr.WriteLine($"codec: no such file: {mapping}");
            return 2;
        }

        var reports = files.Select(f => FileInspector.Inspect(f, mapping)).ToList();
        if (asJson) WriteJson(stdout, reports);
        else WriteText(stdout, reports);
        if (reports.Any(r => r.Findings.Any(f => f.Code == FindingCodes.FileUnreadable))) return 2;
        return reports.Any(r => r.HasErrors) ? 1 : 0;
    }

    private static string Text(object value) => value switch
    {
        Shown shown => shown.Text,
        IReadOnlyList<long> shape => FileInspector.Shape(shape),
        IReadOnlyList<double> point => "[" + string.Join(", ", point.Select(p => p.ToString("R", CultureInfo.InvariantCulture))) + "]",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    // Numbers as JSON numbers, shapes as arrays, a value shown otherwise than stored as what it stores (an object of
    // numbers by camelCase key), anything else as text.
    private static void WriteValue(Utf8JsonWriter w, string name, object value)
    {
        switch (value)
        {
            case Shown shown:
                WriteValue(w, name, shown.Json);
                break;
            case IReadOnlyList<KeyValuePair<string, object>> fields:
                w.WriteStartObject(name);
                foreach (var (key, field) in fields) WriteValue(w, key, field);
                w.WriteEndObject();
                break;
            case IReadOnlyList<string> words:
                w.WriteStartArray(name);
                foreach (var word in words) w.WriteStringValue(word);
                w.WriteEndArray();
                break;
            case bool flag:
                w.WriteBoolean(name, flag);
                break;
            case ValueStats stats:
                WriteStats(w, name, stats);
                break;
            case IReadOnlyList<long> shape:
                w.WriteStartArray(name);
                foreach (long n in shape) w.WriteNumberValue(n);
                w.WriteEndArray();
                break;
            case IReadOnlyList<double> point:
                w.WriteStartArray(name);
                foreach (double n in point)
                {
                    if (double.IsFinite(n)) w.WriteNumberValue(n);
                    else w.WriteStringValue(Text(n));
                }

                w.WriteEndArray();
                break;
            case int or long or short or byte or uint or ushort:
                w.WriteNumber(name, Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case float or double:
                double d = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                if (double.IsFinite(d)) w.WriteNumber(name, d);
                else w.WriteString(name, Text(value));
                break;
            default:
                w.WriteString(name, Text(value));
                break;
        }
    }

    private static void WriteText(TextWriter output, IReadOnlyList<InspectionReport> reports)
    {
        foreach (var r in reports)
        {
            output.WriteLine($"{r.Path}: {r.Kind}");
            foreach (var (name, value) in r.Properties) output.WriteLine($"  {name + ":",-22} {Text(value)}");
            if (r.Values is { } v) output.WriteLine($"  {"values:",-22} {v}");

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
                // Each property under its name in camelCase ("sample rate": sampleRate; a mask's "label 2 hair": label2).
                foreach (var (name, value) in r.Properties) WriteValue(w, JsonKey(name, value), value);
                w.WriteEndObject();
                if (r.Values is { } v) WriteStats(w, "values", v);

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

    private static void WriteStats(Utf8JsonWriter w, string name, ValueStats v)
    {
        w.WriteStartObject(name);
        w.WriteNumber("count", v.Count);
        w.WriteNumber("nonFinite", v.NonFinite);
        if (v.Count > v.NonFinite)
        {
            // At the values' own precision, as the readable report prints them.
            if (v.Single)
            {
                w.WriteNumber("min", (float)v.Min);
                w.WriteNumber("max", (float)v.Max);
            }
            else
            {
                w.WriteNumber("min", v.Min);
                w.WriteNumber("max", v.Max);
            }
        }

        w.WriteEndObject();
    }

    /// <summary>
    /// A property's JSON key: its words in camelCase (<c>time range (ticks)</c>: <c>timeRangeTicks</c>); a mask's label
    /// is keyed by its value alone (<c>label2</c>), its name being a field of the value.
    /// </summary>
    public static string JsonKey(string name, object value)
    {
        var words = System.Text.RegularExpressions.Regex.Split(name.Trim(), "[^A-Za-z0-9]+").Where(w => w.Length > 0).ToList();
        if (words.Count >= 2 && words[0] == "label" && words[1].All(char.IsAsciiDigit) && value is Shown) words = words.Take(2).ToList();
        var key = new System.Text.StringBuilder();
        foreach (var word in words)
        {
            if (key.Length == 0) key.Append(char.ToLowerInvariant(word[0])).Append(word[1..]);
            else key.Append(char.ToUpperInvariant(word[0])).Append(word[1..]);
        }

        return key.ToString();
    }
}
