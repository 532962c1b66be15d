using Codec.Formats.Validation.Folders;
using Codec.Runtime.Files;
using Codec.Runtime.Json;
using Codec.Runtime.Threading;

namespace Codec.Formats.Validation.Runs;

/// <summary>How a run checks its units (what <c>codec validate</c>'s options say).</summary>
public sealed record RunOptions
{
    /// <summary>Cores to check on: info.json files, a folder's renders, metadata lines and a dataset's files that many at once.</summary>
    public int Jobs { get; init; } = OrderedWork.DefaultParallelism;

    /// <summary>Largest file read whole; larger ones are one finding each.</summary>
    public long MaxFileBytes { get; init; } = InputFile.DefaultMaxBytes;

    /// <summary>Decoding limits, the unknown-version policy and which findings get a location.</summary>
    public DecodeOptions Decode { get; init; } = DecodeOptions.Default;

    /// <summary>Frames per second of a dataset whose caches do not declare it; null: the contract's default.</summary>
    public double? FramesPerSecond { get; init; }

    /// <summary>Findings listed per metadata.jsonl; the rest are counted.</summary>
    public int MaxListedLineFindings { get; init; } = 10_000;

    /// <summary>A Synthesis output folder's check settings, given the run's (codec.json's tolerances of that folder).</summary>
    public Func<string, FolderCheckOptions, FolderCheckOptions> FolderOptions { get; init; } = (_, options) => options;

    /// <summary>
    /// What is not reported (suppressions): each result, as its unit's check produces it, without its suppressed
    /// findings, and how many there were. Null: everything is reported.
    /// </summary>
    public Func<FileCheckResult, (FileCheckResult Kept, long Suppressed)>? Suppress { get; init; }

    /// <summary>Where a unit reports how far it has come (null: nowhere).</summary>
    public Func<string, IProgress<FolderProgress>?> Progress { get; init; } = _ => null;
}
