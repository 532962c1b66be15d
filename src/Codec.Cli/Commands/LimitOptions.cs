using System.CommandLine;
using Codec.Runtime.Threading;

namespace Codec.Cli.Commands;

/// <summary>
/// How much a run may read and on how many cores, and how it reads what a file does not say — each option with its
/// check, the one place its message is written (the command's parser and <see cref="ValidateCommand.Run(IReadOnlyList{string}, ValidateSettings, TextWriter, TextWriter)"/> both ask here).
/// </summary>
public sealed class LimitOptions
{
    public Option<long> MaxFileSize { get; } = new("--max-file-size")
    {
        Description = "Largest file read whole (info.json, masks, meshes; a dataset's WAV and JSON files), in bytes; caches are streamed whatever their size.",
        DefaultValueFactory = _ => ValidateCommand.DefaultMaxFileBytes,
    };

    public Option<int> Jobs { get; } = new("--jobs")
    {
        Description = "Cores to check on: info.json files, the renders of a Synthesis output, metadata.jsonl lines and a dataset's files are checked that many at once (the report stays in file order). Default: every core.",
        DefaultValueFactory = _ => OrderedWork.DefaultParallelism,
    };

    public Option<bool> LenientVersions { get; } = new("--lenient-versions") { Description = "Decode an unknown version with the nearest older schema (a warning) instead of reporting an error." };

    public Option<double?> Fps { get; } = new("--fps") { Description = "Frames per second of an Audio2Face-3D dataset whose caches do not declare it (.npy, .pc2); default 30." };

    public LimitOptions()
    {
        MaxFileSize.Validators.Add(result => Check(result, MaxFileSizeProblem(result.GetValueOrDefault<long>())));
        Jobs.Validators.Add(result => Check(result, JobsProblem(result.GetValueOrDefault<int>())));
        Fps.Validators.Add(result => Check(result, FpsProblem(result.GetValueOrDefault<double?>())));
    }

    public IEnumerable<Option> All => [MaxFileSize, Jobs, LenientVersions, Fps];

    // A document is decoded from one contiguous buffer, so no file can be larger than an array can be.
    public static string? MaxFileSizeProblem(long bytes) => bytes < 1 || bytes > Array.MaxLength ? $"--max-file-size must be between 1 and {Array.MaxLength} bytes" : null;

    public static string? JobsProblem(int jobs) => jobs is < 1 or > 256 ? "--jobs must be between 1 and 256" : null;

    public static string? FpsProblem(double? fps) => fps is { } f && !(f > 0 && f <= 1000) ? "--fps must be between 0 and 1000" : null;

    private static void Check(System.CommandLine.Parsing.OptionResult result, string? problem)
    {
        if (problem is not null) result.AddError(problem);
    }
}
