namespace Codec;

/// <summary>
/// Written by the Codec generator into every assembly that compiles schemas, once per format version, so that the
/// generator in a consuming project knows which versions exist and where their generated code lives.
/// Not meant to be written by hand.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class CodecFormatVersionAttribute : Attribute
{
    public CodecFormatVersionAttribute(string formatId, string version, Type model)
    {
        FormatId = formatId;
        Version = version;
        Model = model;
    }

    public string FormatId { get; }
    public string Version { get; }

    /// <summary>The root model type; its decoder, encoder and validator are <c>{Model}Decoder</c>, ... beside it.</summary>
    public Type Model { get; }
}
