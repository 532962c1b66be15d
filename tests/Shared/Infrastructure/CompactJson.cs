using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Codec.Tests.Infrastructure;

/// <summary>
/// Writes JSON the way the repository's schema files are written: two-space indentation, and any value whose
/// compact form fits on its line kept on one line. Used where a test rewrites a checked-in JSON file.
/// </summary>
public static class CompactJson
{
    private const int Width = 120;

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(JsonNode node)
    {
        var text = new StringBuilder();
        Write(node, text, 0, 0);
        return text.ToString();
    }

    private static void Write(JsonNode? node, StringBuilder text, int indent, int column)
    {
        string compact = Compact(node);
        if (node is not (JsonObject or JsonArray) || column + compact.Length <= Width || IsEmpty(node))
        {
            text.Append(compact);
            return;
        }

        string pad = new(' ', indent + 2);
        if (node is JsonObject obj)
        {
            text.Append("{\n");
            int i = 0;
            foreach (var (name, value) in obj)
            {
                string key = JsonSerializer.Serialize(name, Relaxed) + ": ";
                text.Append(pad).Append(key);
                Write(value, text, indent + 2, pad.Length + key.Length);
                text.Append(++i < obj.Count ? ",\n" : "\n");
            }

            text.Append(' ', indent).Append('}');
            return;
        }

        var array = (JsonArray)node;
        text.Append("[\n");
        for (int i = 0; i < array.Count; i++)
        {
            text.Append(pad);
            Write(array[i], text, indent + 2, pad.Length);
            text.Append(i + 1 < array.Count ? ",\n" : "\n");
        }

        text.Append(' ', indent).Append(']');
    }

    private static bool IsEmpty(JsonNode? node) => node is JsonObject { Count: 0 } or JsonArray { Count: 0 };

    // {"a": 1, "b": [2, 3]}: a space after ':' and ',' as the hand-written files have it.
    private static string Compact(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject obj => "{" + string.Join(", ", obj.Select(p => JsonSerializer.Serialize(p.Key, Relaxed) + ": " + Compact(p.Value))) + "}",
        JsonArray array => "[" + string.Join(", ", array.Select(Compact)) + "]",
        _ => node.ToJsonString(Relaxed),
    };
}
