using Codec.Formats.Synthesis.Metadata;
using Codec.Runtime.Findings;
using Codec.Runtime.Json;
using Codec.Runtime.Lines;

namespace Codec.Formats.Validation;

/// <summary>What checking one line of a metadata.jsonl found (findings carry the file's line numbers).</summary>
public sealed record MetadataLineResult(long LineNumber, string? Version, IReadOnlyList<Finding> Findings, MetadataFacts? Facts)
{
    /// <summary>Findings of this line past its listing limit, by severity.</summary>
    public FindingCounts Unlisted { get; init; }

    public bool HasErrors => Findings.Any(f => f.Severity == Severity.Error);

    /// <summary>
    /// The <c>render_id</c> of a line that is another product's (one V505, no facts), when facts are collected and the
    /// line has one: its render's files are that product's too, not a render without a line.
    /// </summary>
    public long? OtherProductRenderId { get; init; }
}

/// <summary>
/// Decodes and validates metadata.jsonl lines, one per call, with every version's schema. One instance per thread
/// (the streaming reader makes one per worker). Optionally keeps the facts the folder cross-checks need.
/// </summary>
public sealed class MetadataLineChecker : ILineProcessor<MetadataLineResult>
{
    private readonly DocumentChecker _checker;
    private readonly bool _collectFacts;

    public MetadataLineChecker(DecodeOptions? options = null, bool collectFacts = false)
    {
        _checker = new DocumentChecker(BuiltInFormats.CreateSynthesisMetadata(options), options);
        _collectFacts = collectFacts;
    }

    public MetadataLineResult Process(ReadOnlySpan<byte> line, long lineNumber)
    {
        var result = _checker.Check(line, out var model);
        MetadataFacts? facts = _collectFacts && model is IMetadataDocument document ? MetadataFacts.From(document, lineNumber) : null;
        long? otherProduct = _collectFacts && facts is null && result.IsOtherProduct ? TopLevelInteger(line, "render_id"u8) : null;
        return new MetadataLineResult(lineNumber, result.Version, OnLine(result.Findings, lineNumber), facts) { Unlisted = result.Unlisted, OtherProductRenderId = otherProduct };
    }

    // A member of the line's top-level object, read without a schema (the line is another product's).
    private static long? TopLevelInteger(ReadOnlySpan<byte> line, ReadOnlySpan<byte> name)
    {
        var cursor = new Codec.Runtime.Json.JsonCursor(line, new Codec.Runtime.Json.DecodeContext());
        try
        {
            if (cursor.Peek() != Codec.Runtime.Json.JsonKind.Object || !cursor.TryBeginObject() || !cursor.SeekMember(name)) return null;
            return cursor.Peek() == Codec.Runtime.Json.JsonKind.Number && cursor.ReadInt64(out long value) ? value : null;
        }
        catch (Codec.Runtime.Json.JsonDecodeException)
        {
            return null;
        }
    }

    public MetadataLineResult Oversized(long lineNumber, long length) =>
        new(lineNumber, null, new[]
        {
            new Finding(FindingCodes.DocumentTooLarge, Severity.Error, "", $"line is {length} bytes, longer than the limit; skipped unread", (int)Math.Min(lineNumber, int.MaxValue), 1),
        }, null);

    // A line is a document of its own: its findings are on line 1 of it, which is this line of the file.
    private static IReadOnlyList<Finding> OnLine(IReadOnlyList<Finding> findings, long lineNumber)
    {
        if (findings.Count == 0) return findings;
        int line = (int)Math.Min(lineNumber, int.MaxValue);
        var moved = new Finding[findings.Count];
        for (int i = 0; i < findings.Count; i++) moved[i] = findings[i] with { Line = line, Column = Math.Max(1, findings[i].Column) };
        return moved;
    }
}
