using Codec.Runtime.Findings;

namespace Codec.Cli.Reporting;

/// <summary>The findings of one file, with the format version it was read as.</summary>
public sealed record FileReport(string Path, string? Version, IReadOnlyList<Finding> Findings)
{
    /// <summary>What the file was checked as, when that is not a format version (a dataset's files).</summary>
    public string? Kind { get; init; }

    public int Errors => Findings.Count(f => f.Severity == Severity.Error);
    public int Warnings => Findings.Count(f => f.Severity == Severity.Warning);
    public int Infos => Findings.Count(f => f.Severity == Severity.Info);
}
