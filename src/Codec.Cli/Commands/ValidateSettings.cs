using Codec.Runtime.Threading;

namespace Codec.Cli.Commands;

/// <summary>Switches of <c>codec validate</c>.</summary>
public sealed record ValidateSettings
{
    public bool AsJson { get; init; }

    /// <summary>Print a SARIF 2.1.0 log instead of the readable report.</summary>
    public bool AsSarif { get; init; }
    public bool ShowInfo { get; init; }
    public long MaxFileBytes { get; init; } = ValidateCommand.DefaultMaxFileBytes;

    /// <summary>Frames per second of an Audio2Face-3D dataset whose caches do not say (.npy, .pc2); null: 30.</summary>
    public double? FramesPerSecond { get; init; }
    /// <summary>Files, renders or lines checked at once; results stay in file order.</summary>
    public int Jobs { get; init; } = OrderedWork.DefaultParallelism;
    public bool LenientVersions { get; init; }

    /// <summary>Show a progress line on standard error (only when it is a terminal).</summary>
    public bool ShowProgress { get; init; }

    /// <summary>Progress as plain lines (a tenth of the way each) when standard error is a log, not a terminal.</summary>
    public bool PlainProgress { get; init; }

    /// <summary>The name reports give standard input; its extension says what it holds. Null: told by content.</summary>
    public string? StdinName { get; init; }

    /// <summary>Where '-' reads from: the process's standard input (a test gives its own).</summary>
    public Func<Stream> OpenStandardInput { get; init; } = Console.OpenStandardInput;

    /// <summary><c>K/N</c> or <c>auto/N</c> (see <see cref="ShardSpec"/>); null: the whole run.</summary>
    public string? Shard { get; init; }

    /// <summary>A file of paths to check, one per line ('-': standard input).</summary>
    public string? Manifest { get; init; }

    /// <summary>The Parquet file the run's findings are also written to (see <see cref="ShardFile"/>).</summary>
    public string? Out { get; init; }

    /// <summary>Renders of consecutive ids that go to one shard together (a test splits folders finer).</summary>
    public int RendersPerBlock { get; init; } = ValidateCommand.DefaultRendersPerBlock;

    /// <summary><c>--ignore</c> values: CODE[,CODE...] or CODE:GLOB.</summary>
    public IReadOnlyList<string> Ignore { get; init; } = [];

    /// <summary>A warning fails the run.</summary>
    public bool WarningsAsErrors { get; init; }

    /// <summary>Only the totals line of the readable report.</summary>
    public bool Quiet { get; init; }

    /// <summary><c>--color</c>: auto, always or never; null: auto.</summary>
    public string? Color { get; init; }

    /// <summary>Whether standard output is a terminal (for <c>--color auto</c>).</summary>
    public bool IsTerminal { get; init; }

    /// <summary>A codec.json to use instead of those found in the folders given.</summary>
    public string? Config { get; init; }

    /// <summary>The HTML report to write, or null.</summary>
    public string? Html { get; init; }

    /// <summary>An earlier run's Parquet file the HTML report compares with.</summary>
    public string? Baseline { get; init; }

    /// <summary>Where <c>--shard auto/N</c> reads the scheduler's index (a test gives its own).</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;
}
