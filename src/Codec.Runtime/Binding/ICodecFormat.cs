using System.Buffers;
using Codec.Runtime.Findings;

namespace Codec.Runtime.Binding;

/// <summary>
/// A versioned format behind one entry point (implemented by generated dispatchers): decode any known version,
/// validate the decoded model, encode it back.
/// </summary>
public interface ICodecFormat
{
    /// <summary>The format id used in schema files, e.g. <c>synthesis.info</c>.</summary>
    string FormatId { get; }

    /// <summary>Versions that have a schema, oldest first.</summary>
    IReadOnlyList<string> Versions { get; }

    /// <summary>What changed between consecutive versions (Markdown), generated from the schemas.</summary>
    string Changelog { get; }

    /// <summary>
    /// Decodes a document with the decoder of the version it declares. Returns the (reused) model, or null when the
    /// version is unknown or missing or the document could not be read to its end (broken JSON, too deep, a number
    /// out of range); every problem is a finding in <paramref name="sink"/>. Recoverable problems — a wrong type, a
    /// missing or unknown member — are findings too, and the model is still returned.
    /// </summary>
    ICodecDocument? Decode(ReadOnlySpan<byte> document, FindingSink sink, out string? version);

    /// <summary>Checks a model returned by <see cref="Decode"/> against its version's ranges and rules.</summary>
    void Validate(ICodecDocument model, FindingSink sink);

    /// <summary>Writes a model returned by <see cref="Decode"/> back as JSON.</summary>
    void Encode(ICodecDocument model, IBufferWriter<byte> output);
}

/// <summary>A versioned format whose documents are handed out as <typeparamref name="TDocument"/> (its root view).</summary>
public interface ICodecFormat<out TDocument> : ICodecFormat where TDocument : class, ICodecDocument
{
    /// <inheritdoc cref="ICodecFormat.Decode"/>
    new TDocument? Decode(ReadOnlySpan<byte> document, FindingSink sink, out string? version);
}
