namespace Codec;

/// <summary>
/// Asks the Codec generator for a decoder, encoder and validator of exactly one format version on a partial class:
/// <c>[CodecFormat("synthesis.metadata", "1.3")] partial class MyReader;</c> gets static <c>Decode</c>, <c>Validate</c>
/// and <c>Encode</c> for that version. A format or version no schema defines is a compile error (CODEC018/CODEC019)
/// that lists what exists. Schemas come from the project's own <c>*.codec.json</c> files and from referenced
/// assemblies built with Codec (such as Codec.Formats).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class CodecFormatAttribute : Attribute
{
    public CodecFormatAttribute(string formatId, string version)
    {
        FormatId = formatId;
        Version = version;
    }

    /// <summary>The format id as schema files write it, e.g. <c>synthesis.metadata</c>.</summary>
    public string FormatId { get; }

    /// <summary>The version, e.g. <c>1.3</c>; compared as a version, so <c>1</c> and <c>1.0</c> are the same.</summary>
    public string Version { get; }
}
