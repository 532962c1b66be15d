using Codec.Formats.Synthesis.Info;
using Codec.Runtime.Files;
using Codec.Runtime.Findings;
using Codec.Runtime.Json;

namespace Codec.Formats.Validation;

/// <summary>
/// Reads one <c>N.info.json</c> from disk (refusing a file over the size limit unread) and decodes it once, with the
/// schema of the version it declares, into the format's view. Tools that only need part of a render's information
/// (render, remap, inspect) read it here, so every consumer sees the same decoded values. One instance per thread:
/// the buffer and the models are reused, and a document is valid until the next <see cref="Read"/>.
/// </summary>
public sealed class InfoDocumentReader
{
    /// <summary>info.json files are a few hundred KB; anything far larger is not one.</summary>
    public const long DefaultMaxBytes = 64L << 20;

    // Tools that read a render for its landmarks or mappings take a version newer than the schemas with the nearest
    // older schema (and say so), rather than refuse it.
    private static readonly DecodeOptions ToolOptions = new() { UnknownVersions = UnknownVersionPolicy.NearestLower };

    private readonly SynthesisInfoFormat _format;
    private readonly long _maxBytes;
    private readonly FindingSink _decodeFindings = new();
    private readonly DecodeContext _probeContext = new();
    private byte[] _buffer = [];
    private int _length = -1; // of the last document read, -1 when there is none

    public InfoDocumentReader(DecodeOptions? options = null, long maxBytes = DefaultMaxBytes)
    {
        _format = BuiltInFormats.CreateSynthesisInfo(options ?? ToolOptions);
        _maxBytes = maxBytes;
    }

    /// <summary>What decoding the last document found (structural findings; the document may still be usable).</summary>
    public IReadOnlyList<Finding> DecodeFindings => _decodeFindings.Findings;

    /// <summary>
    /// The last document's version member as the file writes it (<c>1.5</c>, <c>1</c>), or null when it has none; read
    /// only when asked for (a probe of the top level, not a decode).
    /// </summary>
    public string? DeclaredVersion => _length < 0 ? null : ReadDeclaredVersion(_buffer.AsSpan(0, _length));

    /// <summary>
    /// The document's view, or null with error findings (on <paramref name="path"/>) in <paramref name="sink"/> when the
    /// file cannot be read or is not an info.json this version of codec can decode.
    /// </summary>
    public IInfoDocument? Read(string path, FindingSink sink)
    {
        _decodeFindings.Reset();
        _length = InputFile.ReadAll(path, _maxBytes, ref _buffer, sink);
        if (_length < 0) return null;
        var document = _format.Decode(_buffer.AsSpan(0, _length), _decodeFindings, out _);
        if (document is not null) return document;

        foreach (var f in _decodeFindings.Findings.Where(f => f.Severity == Severity.Error))
            sink.Add(f with { Message = f.Path.Length > 0 ? f.Path + ": " + f.Message : f.Message, Path = path });
        _length = -1;
        return null;
    }

    // Every info.json version keeps its version, when it has one, in the top-level member "version" (the schemas'
    // versionMember); the probe reads it as written, not as the schema it was decoded with.
    private string? ReadDeclaredVersion(ReadOnlySpan<byte> document)
    {
        try
        {
            var form = VersionProbe.Find(document, "version"u8, _probeContext, out var text);
            return form is VersionForm.String or VersionForm.Number ? System.Text.Encoding.UTF8.GetString(text) : null;
        }
        catch (JsonDecodeException)
        {
            return null;
        }
    }
}
