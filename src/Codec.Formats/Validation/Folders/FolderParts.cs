using Codec.Runtime.Findings;

namespace Codec.Formats.Validation.Folders;

/// <summary>
/// Which parts of a Synthesis output folder a run checks when several runs (shards) share it: the renders it owns,
/// and whether it owns the folder's own part — its listing (strays, links, missing modalities), its metadata.jsonl
/// and the lines without files. Every share lists the folder, and one that owns renders streams the metadata.jsonl
/// for their lines' facts, so each render is checked exactly as in one run.
/// </summary>
public sealed record FolderShare(Func<RenderKey, bool> OwnsRender, bool OwnsFolder)
{
    public static FolderShare All { get; } = new(_ => true, true);
}

/// <summary>
/// A piece of a check unit's report, as a folder check returns it and a shard file stores it: the findings of one file
/// (<see cref="Entry"/>, the file's place in the unit's report) from one share. A file's report is made of one part, except the metadata.jsonl: its own
/// findings (part 0, with its version and counts), each render's cross-checks against its line (part 1 + the
/// render's index) and the lines without files (the last part), put in line order as one run puts them.
/// </summary>
public sealed record FolderPart(long Entry, int Part, bool SortByLine, FileCheckResult Result)
{
    /// <summary>Entries of a folder report: the metadata.jsonl, the listing's findings, then each render's files.</summary>
    public const int MetadataSection = 0, ListingSection = 1, FirstRenderSection = 2;

    /// <summary>The last part of a file's report (the metadata.jsonl's lines without files).</summary>
    public const int LastPart = int.MaxValue;

    // A section (a render) and an index within it (a render's file, a listing finding): 2^31 of each.
    private const int IndexBits = 32;

    public static long EntryOf(long section, int index) => (section << IndexBits) | (uint)index;

    /// <summary>
    /// The reports the parts make, in the folder's order: a file's parts joined in part order (the first gives its
    /// version and counts), and put in line order when the report is one (the metadata.jsonl) — a stable order, so
    /// findings of one line keep the order one run gives them.
    /// </summary>
    public static List<FileCheckResult> Combine(IEnumerable<FolderPart> parts)
    {
        var reports = new List<FileCheckResult>();
        foreach (var entry in parts.GroupBy(p => p.Entry).OrderBy(g => g.Key))
        {
            var ordered = entry.OrderBy(p => p.Part).ToList();
            IEnumerable<Finding> all = ordered.SelectMany(p => p.Result.Findings);
            if (ordered[0].SortByLine) all = all.OrderBy(f => f.Line == 0 ? int.MaxValue : f.Line);
            reports.Add(ordered.Count == 1 && !ordered[0].SortByLine ? ordered[0].Result : ordered[0].Result with { Findings = all.ToList() });
        }

        return reports;
    }
}
