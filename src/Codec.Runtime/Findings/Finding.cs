namespace Codec.Runtime.Findings;

/// <summary>
/// One result of decoding or validating a file: data, never an exception.
/// </summary>
/// <param name="Code">Stable code such as <c>R301</c> (see <see cref="FindingCodes"/>).</param>
/// <param name="Severity">Error, warning or info.</param>
/// <param name="Path">JSON-pointer-like location, e.g. <c>/landmarks/ibug68/12/screen_space_pos</c>.</param>
/// <param name="Message">What is wrong, in words, with the values involved.</param>
/// <param name="Line">1-based line in the file, or 0 when unknown.</param>
/// <param name="Column">1-based column (in bytes) in the file, or 0 when unknown.</param>
public sealed record Finding(string Code, Severity Severity, string Path, string Message, int Line = 0, int Column = 0)
{
    /// <summary>Byte offset in the document, or -1 when the finding is about the decoded model only.</summary>
    public long Offset { get; init; } = -1;

    public override string ToString()
    {
        var where = Line > 0 ? $"({Line},{Column}) " : "";
        return $"{where}{Severity.ToString().ToLowerInvariant()} {Code} {Path}: {Message}";
    }
}
