using Codec.Formats.Synthesis.Info;
using Codec.Formats.Synthesis.Metadata;
using Codec.Runtime.Binding;
using Codec.Runtime.Json;

namespace Codec.Formats;

/// <summary>The formats that ship with Codec, created fresh (each instance is for one thread at a time).</summary>
public static class BuiltInFormats
{
    /// <summary>Synthesis AI <c>N.info.json</c>, every version with a schema.</summary>
    public static SynthesisInfoFormat CreateSynthesisInfo(DecodeOptions? options = null) => new(options);

    /// <summary>One line of a Synthesis AI <c>metadata.jsonl</c>, every version with a schema.</summary>
    public static SynthesisMetadataFormat CreateSynthesisMetadata(DecodeOptions? options = null) => new(options);

    /// <summary>Every built-in format.</summary>
    public static IReadOnlyList<ICodecFormat> CreateAll(DecodeOptions? options = null) =>
        new ICodecFormat[] { CreateSynthesisInfo(options), CreateSynthesisMetadata(options) };
}
