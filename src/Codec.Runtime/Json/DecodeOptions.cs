using Codec.Runtime.Findings;

namespace Codec.Runtime.Json;

/// <summary>Limits and switches for decoding. Defaults suit real Synthesis files with a wide margin.</summary>
public sealed record DecodeOptions
{
    public static DecodeOptions Default { get; } = new();

    /// <summary>Deepest nesting accepted; deeper input is a located error, never a stack overflow.</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>Longest string value kept, in bytes; longer ones are reported and skipped, not copied.</summary>
    public int MaxStringBytes { get; init; } = 1 << 20;

    /// <summary>Accept Python's <c>NaN</c>, <c>Infinity</c>, <c>-Infinity</c> tokens (with a warning).</summary>
    public bool AllowNonFiniteTokens { get; init; } = true;

    /// <summary>What a dispatcher does with a version no schema defines.</summary>
    public UnknownVersionPolicy UnknownVersions { get; init; } = UnknownVersionPolicy.Reject;

    /// <summary>
    /// Findings about the decoded model below this severity get no line and column: a report that hides info findings
    /// need not pay to locate them.
    /// </summary>
    public Severity LocateFrom { get; init; } = Severity.Info;
}

/// <summary>What a dispatcher does with a document whose version no schema defines.</summary>
public enum UnknownVersionPolicy
{
    /// <summary>An error (V501) naming the versions that exist; nothing is decoded.</summary>
    Reject,
    /// <summary>Decode with the nearest older known version, with a warning (V503) that says which.</summary>
    NearestLower,
}
