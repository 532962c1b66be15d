using System.Text.Json;
using Codec.Runtime.Findings;

namespace Codec.Native;

/// <summary>The JSON the library answers with.</summary>
internal static class Json
{
    private static readonly JsonWriterOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, Options)) write(w);
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary><c>{"error": message, "kind": "usage" | "internal", "findings": [...]}</c>.</summary>
    public static void Error(Utf8JsonWriter w, Exception e)
    {
        bool expected = e is BindingException or IOException or UnauthorizedAccessException;
        w.WriteStartObject();
        w.WriteString("error", expected ? e.Message : $"internal error ({e.GetType().Name}): {e.Message}");
        w.WriteString("kind", expected ? "usage" : "internal");
        w.WritePropertyName("findings");
        Findings(w, e is BindingException b ? b.File : "", e is BindingException c ? c.Findings : []);
        w.WriteEndObject();
    }

    /// <summary>Findings of one file as <c>codec validate --json</c> writes them.</summary>
    public static void Findings(Utf8JsonWriter w, string file, IEnumerable<Finding> findings)
    {
        w.WriteStartArray();
        foreach (var f in findings) Codec.Cli.Reporting.JsonReport.WriteFinding(w, file, f);
        w.WriteEndArray();
    }
}
