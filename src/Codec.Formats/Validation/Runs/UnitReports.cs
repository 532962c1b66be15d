using Codec.Formats.Validation.Folders;

namespace Codec.Formats.Validation.Runs;

/// <summary>What a run (or a shard of one) has of one check unit, at its place in the run (<see cref="Unit"/>: the run's order of units).</summary>
public sealed record UnitReports(int Unit, IReadOnlyList<FolderPart> Parts)
{
    /// <summary>A unit checked whole: its reports in order, one part each.</summary>
    public static UnitReports Whole(int unit, IReadOnlyList<FileCheckResult> reports) =>
        new(unit, reports.Select((r, i) => new FolderPart(i, 0, false, r)).ToList());

    /// <summary>The unit's reports in the order of its files, its parts joined (<see cref="FolderPart.Combine"/>).</summary>
    public IReadOnlyList<FileCheckResult> Reports() => FolderPart.Combine(Parts);
}
