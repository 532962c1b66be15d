using Codec.Runtime.Findings;

namespace Codec.Cli.Reporting;

/// <summary>The findings of one file, with the format version it was read as.</summary>
public sealed record FileReport(string Path, string? Version, IReadOnlyList<Finding> Findings)
{
    /// <summary>What the file was checked as, when that is not a format version (a dataset's files).</summary>
    public string? Kind { get; init; }

    /// <summary>Findings past the file's listing limit, by severity: in the totals below, not in <see cref="Findings"/>.</summary>
    public FindingCounts Unlisted { get; init; }

    /// <summary>For a render's info.json: what it says about the render, for a report's distributions.</summary>
    public Codec.Formats.Validation.Folders.RenderFacts? Render { get; init; }

    /// <summary>For a segmentation mask: its pixels per class.</summary>
    public IReadOnlyList<Codec.Formats.Validation.Folders.ClassPixels>? MaskClasses { get; init; }

    /// <summary>For a dataset's audio track or animation cache: what it holds.</summary>
    public Codec.Formats.Datasets.ClipFacts? Clip { get; init; }

    public long Errors => Findings.Count(f => f.Severity == Severity.Error) + Unlisted.Errors;
    public long Warnings => Findings.Count(f => f.Severity == Severity.Warning) + Unlisted.Warnings;
    public long Infos => Findings.Count(f => f.Severity == Severity.Info) + Unlisted.Infos;
}
