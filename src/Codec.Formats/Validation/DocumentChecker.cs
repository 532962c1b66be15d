using Codec.Runtime.Findings;
using Codec.Runtime.Binding;
using Codec.Runtime.Json;

namespace Codec.Formats.Validation;

/// <summary>What checking one document found.</summary>
public sealed record DocumentResult(string? Version, IReadOnlyList<Finding> Findings)
{
    /// <summary>Findings past the listing limit, by severity: counted in totals, not listed.</summary>
    public FindingCounts Unlisted { get; init; }

    public bool HasErrors => Findings.Any(f => f.Severity == Severity.Error);

    /// <summary>
    /// True when the document is another Synthesis product's (its one finding says so, V505): nothing else of it, nor
    /// of the files beside it, is this format's to check.
    /// </summary>
    public bool IsOtherProduct => Findings.Any(f => f.Code == FindingCodes.OtherProduct);
}

/// <summary>
/// Decodes and validates documents of one format: version dispatch, structural findings from decoding, then ranges
/// and semantic rules; every finding gets a line and column where the document has one. One instance per thread.
/// </summary>
public sealed class DocumentChecker
{
    private readonly ICodecFormat _format;
    private readonly FindingSink _sink = new();
    private readonly DecodeContext _locatorContext = new();
    private readonly Severity _locateFrom;

    /// <param name="format">The format to decode with.</param>
    /// <param name="options">The options the format was made with; their <see cref="DecodeOptions.LocateFrom"/> says which findings get a location.</param>
    public DocumentChecker(ICodecFormat format, DecodeOptions? options = null)
    {
        _format = format;
        _locateFrom = (options ?? DecodeOptions.Default).LocateFrom;
    }

    public ICodecFormat Format => _format;

    public DocumentResult Check(ReadOnlySpan<byte> document) => Check(document, out _);

    /// <summary>
    /// Checks a document and hands out the decoded model (null when it could not be decoded), valid until the next
    /// call: models are reused.
    /// </summary>
    public DocumentResult Check(ReadOnlySpan<byte> document, out ICodecDocument? model)
    {
        _sink.Reset();
        model = _format.Decode(document, _sink, out string? version);
        // A document that stopped decoding half-way (model null) would drown in rule findings about values never read.
        if (model is not null) _format.Validate(model, _sink);
        var findings = _sink.Findings.Count == 0
            ? Array.Empty<Finding>()
            : JsonPointerLocator.AddLocations(document, _sink.Findings, _locatorContext, _locateFrom);
        return new DocumentResult(version, findings) { Unlisted = _sink.Unlisted };
    }
}
