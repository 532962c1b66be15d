using Codec.Formats.Findings;
using Codec.Formats.Synthesis.Info;
using Codec.Formats.Synthesis;
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

    /// <summary>
    /// The info.json member that numbers the mask at <paramref name="maskPath"/>: the mapping of the Synthesis render
    /// contract's mask its name ends with (<c>N.clothing_segments.png</c>: <c>clothing_segments_mapping</c>), else the
    /// main mask's (<c>segments_mapping</c>).
    /// </summary>
    public static string MemberFor(string maskPath)
    {
        var contract = SynthesisOutputContract.Contract;
        return (contract.MaskOf(maskPath) ?? contract.MainMask)!.Mapping!;
    }

    /// <summary>True for a segmentation mask by the render contract's file names (<c>N.segments.png</c>, <c>N.clothing_segments.png</c>).</summary>
    public static bool IsMask(string path) => SynthesisOutputContract.Contract.MaskOf(path) is not null;

    /// <summary>The mapping named by its info.json member (<c>segments_mapping</c>, <c>clothing_segments_mapping</c>), as a view; null when the render has none.</summary>
    /// <exception cref="ArgumentException">For a member that is not a mapping of the info.json.</exception>
    public static NameValueMap? Of(IInfoDocument info, string member) => member switch
    {
        _ when member == SegmentsMember => info.SegmentsMapping,
        _ when member == ClothingSegmentsMember => info.ClothingSegmentsMapping,
        _ => throw new ArgumentException($"'{member}' is not a mapping of the info.json ({SegmentsMember}, {ClothingSegmentsMember})", nameof(member)),
    };

    // The info.json's two mappings, by the members its views file declares them as.
    private const string SegmentsMember = "segments_mapping", ClothingSegmentsMember = "clothing_segments_mapping";

    /// <summary>The first class name of each pixel value.</summary>
    public Dictionary<int, string> NamesByValue()
    {
        var names = new Dictionary<int, string>();
        foreach (var (name, value) in Entries) names.TryAdd(value, name);
        return names;
    }

    /// <summary>The mapping a mask needs, from a decoded info.json; null with a finding when it has none.</summary>
    public static SegmentMapping? From(IInfoDocument info, string member, string infoPath, FindingSink sink)
    {
        if (Of(info, member) is not { } mapping)
        {
            sink.Add(new Finding(FolderFindingCodes.MaskLabelNotMapped, Severity.Error, infoPath, $"there is no {member} to name the labels with"));
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
    public static SegmentMapping? Read(string infoJson, string member, FindingSink sink) =>
        new InfoDocumentReader().Read(infoJson, sink) is { } info ? From(info, member, infoJson, sink) : null;
}
