namespace Codec.Formats.Datasets;

/// <summary>
/// A file the layout claims: its spec, where it is, and the placeholders its path binds (<c>shot</c> = <c>cp1</c>
/// for <c>cache/skin/cp1/cp1.npy</c>; <c>voice</c> = <c>v2</c> and <c>shot</c> = <c>cp1</c> for <c>audio/aug/v2/cp1.wav</c>).
/// </summary>
public sealed record DatasetFile(FolderSpec Folder, FileSpec Spec, string Path, string RelativePath, IReadOnlyList<KeyValuePair<string, string>> Bindings)
{
    /// <summary>The value the path gives <paramref name="placeholder"/>, or null.</summary>
    public string? Bound(string placeholder) => Lookup(Bindings, placeholder);

    /// <summary>The value <paramref name="bindings"/> give <paramref name="placeholder"/>, or null.</summary>
    public static string? Lookup(IReadOnlyList<KeyValuePair<string, string>> bindings, string placeholder)
    {
        foreach (var (name, value) in bindings)
        {
            if (name == placeholder) return value;
        }

        return null;
    }
}
