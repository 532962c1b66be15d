using Codec.Generators.Emitting;

namespace Codec.Generators.Model;

/// <summary>
/// The words schema files name a file's kind by, with the member of <c>Codec.Formats.Files.FileKind</c> each stands
/// for. The runtime's registry (<c>FileKinds</c>) says the same; a test holds the two equal.
/// </summary>
internal static class FileKindWords
{
    /// <summary>What a render contract may declare (a <c>pass</c> lives inside an EXR and has no file of its own).</summary>
    public static readonly string[] Render = { "info", "mask", "image", "exr", "mesh", "pass" };

    /// <summary>What a dataset contract may declare.</summary>
    public static readonly string[] Dataset = { "wav", "npy", "npz", "pc2", "maya", "json" };

    /// <summary>The generated code's reference to the kind named <paramref name="word"/> (one of the words above).</summary>
    public static string Member(string word) => "global::Codec.Formats.Files.FileKind." + Naming.Pascal(word);
}
