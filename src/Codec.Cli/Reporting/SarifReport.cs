using System.Reflection;
using System.Text.Json;
using Codec.Runtime.Findings;

namespace Codec.Cli.Reporting;

/// <summary>
/// <c>--sarif</c>: one SARIF 2.1.0 log on stdout for CI systems — a rule per finding code (named after its
/// <see cref="FindingCodes"/> constant), a result per finding located by file URI and line/column or byte offset,
/// with the JSON pointer as a logical location.
/// </summary>
public static class SarifReport
{
    private static readonly Lazy<Dictionary<string, string>> RuleNames = new(() =>
        typeof(FindingCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .GroupBy(f => (string)f.GetRawConstantValue()!)
            .ToDictionary(g => g.Key, g => g.First().Name));

    public static void Write(Stream output, IReadOnlyList<FileReport> files, string toolVersion)
    {
        var codes = files.SelectMany(f => f.Findings).Select(f => f.Code).Distinct().Order(StringComparer.Ordinal).ToList();
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        w.WriteString("version", "2.1.0");
        w.WriteStartArray("runs");
        w.WriteStartObject();
        w.WriteStartObject("tool");
        w.WriteStartObject("driver");
        w.WriteString("name", "codec");
        w.WriteString("version", toolVersion);
        w.WriteStartArray("rules");
        foreach (var code in codes)
        {
            string name = RuleNames.Value.TryGetValue(code, out var n) ? n : code;
            w.WriteStartObject();
            w.WriteString("id", code);
            w.WriteString("name", name);
            w.WriteStartObject("shortDescription");
            w.WriteString("text", Words(name));
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteStartArray("results");
        foreach (var file in files)
        {
            string uri = new Uri(Path.GetFullPath(file.Path)).AbsoluteUri;
            foreach (var f in file.Findings)
            {
                w.WriteStartObject();
                w.WriteString("ruleId", f.Code);
                w.WriteNumber("ruleIndex", codes.IndexOf(f.Code));
                w.WriteString("level", f.Severity switch { Severity.Error => "error", Severity.Warning => "warning", _ => "note" });
                w.WriteStartObject("message");
                w.WriteString("text", f.Message);
                w.WriteEndObject();
                w.WriteStartArray("locations");
                w.WriteStartObject();
                w.WriteStartObject("physicalLocation");
                w.WriteStartObject("artifactLocation");
                w.WriteString("uri", uri);
                w.WriteEndObject();
                if (f.Line > 0 || f.Offset >= 0)
                {
                    w.WriteStartObject("region");
                    if (f.Line > 0)
                    {
                        w.WriteNumber("startLine", f.Line);
                        w.WriteNumber("startColumn", Math.Max(1, f.Column));
                    }
                    else
                    {
                        w.WriteNumber("byteOffset", f.Offset);
                    }

                    w.WriteEndObject();
                }

                w.WriteEndObject();
                if (f.Path.Length > 0)
                {
                    w.WriteStartArray("logicalLocations");
                    w.WriteStartObject();
                    w.WriteString("fullyQualifiedName", f.Path);
                    w.WriteString("kind", "member");
                    w.WriteEndObject();
                    w.WriteEndArray();
                }

                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteEndObject();
            }
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        output.WriteByte((byte)'\n');
    }

    // "DurationMismatch" → "Duration mismatch".
    private static string Words(string name)
    {
        var text = new System.Text.StringBuilder();
        foreach (char c in name)
        {
            if (char.IsUpper(c) && text.Length > 0) text.Append(' ').Append(char.ToLowerInvariant(c));
            else text.Append(c);
        }

        return text.ToString();
    }
}
