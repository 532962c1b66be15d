using Codec.Formats.Synthesis;
using Codec.Runtime.Files;
using Codec.Runtime.Json;
using Codec.Runtime.Threading;

namespace Codec.Formats.Validation.Folders;

/// <summary>How far a folder check has come.</summary>
public readonly record struct FolderProgress(int FilesDone, int FilesTotal);

/// <summary>How to check a Synthesis output folder.</summary>
public sealed record FolderCheckOptions
{
    public static FolderCheckOptions Default { get; } = new();

    /// <summary>
    /// The folder being checked as a whole (the path given to <c>codec validate</c>): files that are links out of it are
    /// reported and not read. Null: the output folder itself.
    /// </summary>
    public string? Root { get; init; }

    /// <summary>Renders checked at once (each on its own core, with its own decoder); results stay in file order.</summary>
    public int Parallelism { get; init; } = OrderedWork.DefaultParallelism;

    /// <summary>Largest info.json read; larger ones are one finding each.</summary>
    public long MaxFileBytes { get; init; } = InputFile.DefaultMaxBytes;

    /// <summary>How metadata.jsonl is streamed (parallelism, line limit, unknown versions).</summary>
    public MetadataFileOptions Metadata { get; init; } = MetadataFileOptions.Default;

    /// <summary>Decoding limits and the unknown-version policy for info.json files.</summary>
    public DecodeOptions? Decode { get; init; }

    /// <summary>Findings listed per metadata.jsonl before the rest are only counted.</summary>
    public int MaxListedLineFindings { get; init; } = 10_000;

    /// <summary>What a render is: its files, the rules that check them and their tolerances (the Synthesis render contract unless given).</summary>
    public RenderContract Contract { get; init; } = SynthesisOutputContract.Contract;

    /// <summary>
    /// Tolerance settings by the contract's names (codec.json's <c>tolerances</c>); a tolerance not set takes the
    /// default the contract declares, with its reason.
    /// </summary>
    public IReadOnlyDictionary<string, double> Tolerances { get; init; } = new Dictionary<string, double>();
}
