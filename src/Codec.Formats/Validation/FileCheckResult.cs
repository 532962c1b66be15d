using Codec.Formats.Validation.Folders;
using Codec.Runtime.Findings;

namespace Codec.Formats.Validation;

/// <summary>
/// The one result of checking a file — an info.json, a metadata.jsonl, a render's file, a dataset's file — as every
/// checker returns it and every output writes it (the readable report, JSON, SARIF, Parquet shards, HTML): its
/// findings, the version it was read as, and what it says for a report's distributions.
/// </summary>
public sealed record FileCheckResult(string Path, string? Version, IReadOnlyList<Finding> Findings)
{
    /// <summary>What the file was checked as, when that is not a format version (a dataset's files).</summary>
    public string? Kind { get; init; }

    /// <summary>Findings past the file's listing limit, by severity: counted in totals, not listed.</summary>
    public FindingCounts Unlisted { get; init; }

    /// <summary>For a render's info.json that decoded: what it says about the render (see <see cref="RenderFacts"/>).</summary>
    public RenderFacts? Render { get; init; }

    /// <summary>For a segmentation mask that decoded: its pixels per class, in value order.</summary>
    public IReadOnlyList<ClassPixels>? MaskClasses { get; init; }

    /// <summary>For a dataset's audio track or animation cache: what it holds (see <see cref="Datasets.ClipFacts"/>).</summary>
    public Datasets.ClipFacts? Clip { get; init; }

    public long Errors => Findings.Count(f => f.Severity == Severity.Error) + Unlisted.Errors;
    public long Warnings => Findings.Count(f => f.Severity == Severity.Warning) + Unlisted.Warnings;
    public long Infos => Findings.Count(f => f.Severity == Severity.Info) + Unlisted.Infos;
}
