using System.Text.Json;
using Codec.Formats.Findings;
using Codec.Formats.Validation;
using Codec.Runtime.Findings;

namespace Codec.Cli.Reporting;

/// <summary>
/// <c>--sarif</c>: one SARIF 2.1.0 log on stdout for CI systems — a rule per finding code with its catalog entry
/// (<see cref="FindingCatalog"/>: name, meaning, help, a link to the shipped findings.md), a result per finding located by file URI and line/column or byte offset,
/// with the JSON pointer as a logical location.
/// </summary>
public static class SarifReport
{
    /// <summary>The log of <paramref name="files"/> (read once, in order); its rules are <paramref name="tally"/>'s codes.</summary>
    public static void Write(Stream output, IEnumerable<FileCheckResult> files, RunTally tally, string toolVersion)
    {
        var codes = tally.Codes(withInfos: true).Select(c => c.Code).Order(StringComparer.Ordinal).ToList();
        var ruleIndex = codes.Select((code, i) => (code, i)).ToDictionary(c => c.code, c => c.i, StringComparer.Ordinal);
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
            var doc = BuiltInFindings.Catalog.Find(code);
            w.WriteStartObject();
            w.WriteString("id", code);
            w.WriteString("name", doc?.Name ?? code);
            w.WriteStartObject("shortDescription");
            w.WriteString("text", doc?.Title ?? code);
            w.WriteEndObject();
            if (doc is not null)
            {
                w.WriteStartObject("fullDescription");
                w.WriteString("text", doc.Meaning);
                w.WriteEndObject();
                w.WriteStartObject("help");
                w.WriteString("text", FindingDocs.HelpText(doc));
                w.WriteString("markdown", FindingDocs.HelpMarkdown(doc));
                w.WriteEndObject();
                if (FindingDocs.HelpUri(doc) is { } uri) w.WriteString("helpUri", uri);
                w.WriteStartObject("defaultConfiguration");
                w.WriteString("level", Level(doc.Severity));
                w.WriteEndObject();
            }

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
                w.WriteNumber("ruleIndex", ruleIndex[f.Code]);
                w.WriteString("level", Level(f.Severity));
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

            if (w.BytesPending >= JsonReport.FlushBytes) w.Flush();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        output.WriteByte((byte)'\n');
    }

    private static string Level(Severity s) => s switch { Severity.Error => "error", Severity.Warning => "warning", _ => "note" };
}
