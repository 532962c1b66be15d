namespace Codec.Formats.Validation.Runs;

/// <summary>What a unit of a run is, and so which checker checks it.</summary>
public enum UnitKind
{
    /// <summary>One info.json (or standard input read as one).</summary>
    InfoFile,

    /// <summary>One metadata.jsonl, streamed (or standard input read as one).</summary>
    MetadataFile,

    /// <summary>A Synthesis output folder: its files, then its files against each other, by the render contract.</summary>
    Folder,

    /// <summary>An Audio2Face-3D training dataset, by its layout.</summary>
    Dataset,
}

/// <summary>
/// One thing a run checks: a file, or a folder as a whole. Units are the run's order and what shards share (a
/// Synthesis output folder by blocks of renders, every other unit whole).
/// </summary>
public sealed record CheckUnit(UnitKind Kind, string Path)
{
    /// <summary>The path given that this unit was found under (links out of it are not followed).</summary>
    public string? Root { get; init; }

    /// <summary>Standard input, when this unit is '-'; <see cref="Path"/> is then the name reports give it.</summary>
    public Stream? Input { get; init; }

    /// <summary>Standard input whose kind was told by its content, not by a name.</summary>
    public bool KindGuessed { get; init; }

    /// <summary>The unit's identity across the shards of a run (what a shard's ownership is decided by).</summary>
    public string Key => Kind + ":" + Path;
}
