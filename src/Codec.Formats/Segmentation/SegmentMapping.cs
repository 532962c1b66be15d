using Codec.Formats.Synthesis.Info;
using Codec.Formats.Validation;
using Codec.Runtime.Collections;
using Codec.Runtime.Findings;

namespace Codec.Formats.Segmentation;

/// <summary>
/// A render's own label numbering, read from its info.json (any version, through its view): <c>segments_mapping</c>
/// for <c>N.segments.png</c>, <c>clothing_segments_mapping</c> for <c>N.clothing_segments.png</c>.
/// </summary>
public sealed class SegmentMapping
{
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

    /// <summary>True for a segmentation mask by the file name convention (<c>N.segments.png</c>, <c>N.clothing_segments.png</c>).</summary>
    public static bool IsMask(string path) => Path.GetFileName(path).EndsWith("segments.png", StringComparison.Ordinal);

    /// <summary>The info.json member that numbers a mask's pixels.</summary>
    public static string MemberFor(bool clothing) => clothing ? "clothing_segments_mapping" : "segments_mapping";

    /// <summary>The mapping of a decoded info.json, as a view (no allocation), or null when the render has none.</summary>
    public static NameValueMap? Of(IInfoDocument info, bool clothing) => clothing ? info.ClothingSegmentsMapping : info.SegmentsMapping;

    /// <summary>The mapping named by its info.json member (<c>segments_mapping</c>, <c>clothing_segments_mapping</c>), as a view; null when the render has none.</summary>
    /// <exception cref="ArgumentException">For a member that is not a mapping of the info.json.</exception>
    public static NameValueMap? Of(IInfoDocument info, string member) => member == MemberFor(clothing: true) ? info.ClothingSegmentsMapping
        : member == MemberFor(clothing: false) ? info.SegmentsMapping
        : throw new ArgumentException($"'{member}' is not a mapping of the info.json ({MemberFor(false)}, {MemberFor(true)})", nameof(member));

    /// <summary>The first class name of each pixel value.</summary>
    public Dictionary<int, string> NamesByValue()
    {
        var names = new Dictionary<int, string>();
        foreach (var (name, value) in Entries) names.TryAdd(value, name);
        return names;
    }

    /// <summary>The mapping a mask needs, from a decoded info.json; null with a finding when it has none.</summary>
    public static SegmentMapping? From(IInfoDocument info, bool clothing, string infoPath, FindingSink sink)
    {
        string member = MemberFor(clothing);
        if (Of(info, clothing) is not { } mapping)
        {
            sink.Add(new Finding(FindingCodes.MaskLabelNotMapped, Severity.Error, infoPath, $"there is no {member} to name the labels with"));
            return null;
        }

        var entries = new List<(string, int)>(mapping.Count);
        foreach (var entry in mapping.Entries)
        {
            string name = entry.Name.ToString();
            if (entry.Value is >= 0 and <= ushort.MaxValue) entries.Add((name, (int)entry.Value));
            else sink.Add(new Finding(FindingCodes.OutOfRange, Severity.Error, $"/{member}/{name}", $"\"{name}\" is {entry.Value}, not a pixel value 0..65535"));
        }

        return new SegmentMapping(member, entries);
    }

    /// <summary>Reads the mapping a mask needs from an info.json file; null with a finding when it has none or cannot be decoded.</summary>
    public static SegmentMapping? Read(string infoJson, bool clothing, FindingSink sink) =>
        new InfoDocumentReader().Read(infoJson, sink) is { } info ? From(info, clothing, infoJson, sink) : null;
}
