namespace Codec.Runtime.Binding;

/// <summary>
/// A decoded document of a versioned format: what every generated root model is. A format with views hands its
/// documents out as its root view, which extends this interface; cast to the version's model for everything else.
/// </summary>
public interface ICodecDocument
{
    /// <summary>The format id used in schema files, e.g. <c>synthesis.info</c>.</summary>
    string FormatId { get; }

    /// <summary>The version whose schema the document was decoded with, e.g. <c>1.5</c>.</summary>
    string SchemaVersion { get; }
}
