using System.Text.Json;
using Codec.Formats.Validation;
using Codec.Runtime.Findings;

namespace Codec.Formats.Segmentation;

/// <summary>
/// A render's own label numbering, read from its info.json: <c>segments_mapping</c> for <c>N.segments.png</c>,
/// <c>clothing_segments_mapping</c> for <c>N.clothing_segments.png</c> (every version keeps them at the top level).
/// </summary>
public sealed class SegmentMapping
{
    /// <summary>info.json files are a few hundred KB; anything far larger is not one.</summary>
    public const long MaxInfoBytes = 64L << 20;

    private SegmentMapping(string member, IReadOnlyList<(string Name, int Value)> entries)
    {
        Member = member;
        Entries = entries;
    }

    /// <summary>The info.json member the mapping came from.</summary>
    public string Member { get; }

    /// <summary>Class name → pixel value, in file order.</summary>
    public IReadOnlyList<(string Name, int Value)> Entries { get; }

    /// <summary>True for a clothing mask by the file name convention (<c>N.clothing_segments.png</c>).</summary>
    public static bool IsClothingMask(string maskPath) => Path.GetFileName(maskPath).Contains("clothing_segments", StringComparison.Ordinal);

    /// <summary>The first class name of each pixel value.</summary>
    public Dictionary<int, string> NamesByValue()
    {
        var names = new Dictionary<int, string>();
        foreach (var (name, value) in Entries) names.TryAdd(value, name);
        return names;
    }

    /// <summary>Reads the mapping a mask needs from an info.json; null with a finding when it has none or is not JSON.</summary>
    public static SegmentMapping? Read(string infoJson, bool clothing, FindingSink sink)
    {
        string member = clothing ? "clothing_segments_mapping" : "segments_mapping";
        var findings = new List<Finding>();
        byte[] buffer = [];
        int length = BoundedFile.ReadAll(infoJson, MaxInfoBytes, ref buffer, findings);
        foreach (var f in findings) sink.Add(f with { Path = infoJson });
        if (length < 0) return null;
        try
        {
            using var doc = JsonDocument.Parse(buffer.AsMemory(0, length));
            if (doc.RootElement.ValueKind != JsonValueKind.Object
                || !doc.RootElement.TryGetProperty(member, out var mapping) || mapping.ValueKind != JsonValueKind.Object)
            {
                sink.Add(new Finding(FindingCodes.MaskLabelNotMapped, Severity.Error, infoJson, $"there is no {member} to name the labels with"));
                return null;
            }

            var entries = new List<(string, int)>();
            foreach (var p in mapping.EnumerateObject())
            {
                if (p.Value.TryGetInt32(out int value) && value is >= 0 and <= ushort.MaxValue) entries.Add((p.Name, value));
                else sink.Add(new Finding(FindingCodes.OutOfRange, Severity.Error, $"/{member}/{p.Name}", $"\"{p.Name}\" is {p.Value.GetRawText()}, not a pixel value 0..65535"));
            }

            return new SegmentMapping(member, entries);
        }
        catch (JsonException e)
        {
            sink.Add(new Finding(FindingCodes.Syntax, Severity.Error, infoJson, "the mapping file is not JSON: " + e.Message));
            return null;
        }
    }
}
