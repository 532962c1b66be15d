using Codec.Runtime.Findings;

namespace Codec.Formats.Validation.Folders;

/// <summary>The findings of one file, with the format version it was read as.</summary>
public sealed record FileCheckResult(string Path, string? Version, IReadOnlyList<Finding> Findings)
{
    /// <summary>Findings past the file's listing limit, by severity: counted in totals, not listed.</summary>
    public FindingCounts Unlisted { get; init; }

    /// <summary>For a render's info.json that decoded: what it says about the render (see <see cref="RenderFacts"/>).</summary>
    public RenderFacts? Render { get; init; }

    /// <summary>For a segmentation mask that decoded: its pixels per class, in value order.</summary>
    public IReadOnlyList<ClassPixels>? MaskClasses { get; init; }

    /// <summary>For a dataset's audio track or animation cache: what it holds (see <see cref="Datasets.ClipFacts"/>).</summary>
    public Datasets.ClipFacts? Clip { get; init; }
}
