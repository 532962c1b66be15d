using Codec.Formats.Validation;
using System.Text.Json;
using Codec.Runtime.Findings;

namespace Codec.Cli.Reporting;

/// <summary>
/// <c>--json</c>: exactly one JSON document on stdout,
/// <c>{"files", "errors", "warnings", "findings": [{"file", "code", "severity", "path", "line", "column", "message"}]}</c>.
/// </summary>
public static class JsonReport
{
    /// <summary>Buffered output passed on once it is this large: a long report goes out as it is written.</summary>
    public const int FlushBytes = 1 << 16;

    /// <summary>The document of <paramref name="files"/> (read once, in order) with <paramref name="tally"/>'s totals.</summary>
    public static void Write(Stream output, IEnumerable<FileCheckResult> files, RunTally tally)
    {
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteNumber("files", tally.Files);
        w.WriteNumber("errors", tally.Errors);
        w.WriteNumber("warnings", tally.Warnings);
        w.WriteStartArray("findings");
        foreach (var file in files)
        {
            foreach (var f in file.Findings) WriteFinding(w, file.Path, f);
            if (w.BytesPending >= FlushBytes) w.Flush();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        output.WriteByte((byte)'\n');
    }

    /// <summary>One finding as --json writes it: <c>{"file", "code", "severity", "path", "line", "column", "message"}</c>, line and column null when unknown.</summary>
    public static void WriteFinding(Utf8JsonWriter w, string file, Finding f)
    {
        w.WriteStartObject();
        w.WriteString("file", file);
        w.WriteString("code", f.Code);
        w.WriteString("severity", f.Severity.ToString().ToLowerInvariant());
        w.WriteString("path", f.Path);
        if (f.Line > 0)
        {
            w.WriteNumber("line", f.Line);
            w.WriteNumber("column", f.Column);
        }
        else
        {
            w.WriteNull("line");
            w.WriteNull("column");
        }

        w.WriteString("message", f.Message);
        w.WriteEndObject();
    }
}
