using System.Globalization;
using System.Text.Json;

namespace Codec.Formats.Validation.Folders;

/// <summary>
/// Compares two JSON values as data — object member order ignored, numbers by value with a relative tolerance
/// (metadata.jsonl writes float32 digits where info.json may write float64) — and lists where they differ.
/// Used off the hot path, once per render, so it reads with System.Text.Json.
/// </summary>
public static class JsonSubtreeComparer
{
    public const double RelativeTolerance = 1e-6;

    /// <summary>Up to <paramref name="max"/> differences, each as "pointer: left vs right".</summary>
    public static IReadOnlyList<string> Differences(ReadOnlyMemory<byte> left, ReadOnlyMemory<byte> right, int max = 5)
    {
        using var a = JsonDocument.Parse(left);
        using var b = JsonDocument.Parse(right);
        var found = new List<string>();
        Compare(a.RootElement, b.RootElement, "", found, max);
        return found;
    }

    private static void Compare(JsonElement a, JsonElement b, string pointer, List<string> found, int max)
    {
        if (found.Count >= max) return;
        if (a.ValueKind == JsonValueKind.Number && b.ValueKind == JsonValueKind.Number)
        {
            double x = a.GetDouble(), y = b.GetDouble();
            if (!(Math.Abs(x - y) <= RelativeTolerance * Math.Max(1, Math.Max(Math.Abs(x), Math.Abs(y))))) found.Add(Describe(pointer, a, b));
            return;
        }

        if (a.ValueKind != b.ValueKind && !(IsBool(a) && IsBool(b)))
        {
            found.Add(Describe(pointer, a, b));
            return;
        }

        switch (a.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in a.EnumerateObject())
                {
                    if (b.TryGetProperty(p.Name, out var other)) Compare(p.Value, other, pointer + "/" + Escape(p.Name), found, max);
                    else if (found.Count < max) found.Add($"{pointer}/{Escape(p.Name)}: {Short(p.Value)} vs (absent)");
                }

                foreach (var p in b.EnumerateObject())
                {
                    if (!a.TryGetProperty(p.Name, out _) && found.Count < max) found.Add($"{pointer}/{Escape(p.Name)}: (absent) vs {Short(p.Value)}");
                }

                break;
            case JsonValueKind.Array:
                int n = a.GetArrayLength();
                if (n != b.GetArrayLength())
                {
                    found.Add(Describe(pointer, a, b));
                    break;
                }

                for (int i = 0; i < n; i++) Compare(a[i], b[i], pointer + "/" + i.ToString(CultureInfo.InvariantCulture), found, max);
                break;
            case JsonValueKind.String:
                if (!a.ValueEquals(b.GetString())) found.Add(Describe(pointer, a, b));
                break;
            default:
                if (a.ValueKind != b.ValueKind) found.Add(Describe(pointer, a, b));
                break;
        }
    }

    private static bool IsBool(JsonElement e) => e.ValueKind is JsonValueKind.True or JsonValueKind.False;

    private static string Describe(string pointer, JsonElement a, JsonElement b) => $"{(pointer.Length == 0 ? "/" : pointer)}: {Short(a)} vs {Short(b)}";

    private static string Short(JsonElement e)
    {
        string text = e.GetRawText();
        return text.Length <= 40 ? text : text[..37] + "...";
    }

    private static string Escape(string name) => name.Replace("~", "~0").Replace("/", "~1");
}
