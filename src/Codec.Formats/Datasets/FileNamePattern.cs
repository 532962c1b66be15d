using Codec.Formats.Datasets;

namespace Codec.Formats.Datasets;

/// <summary>
/// A file name of a dataset layout with at most one placeholder (<c>{shot}.wav</c>). Where the folder already binds
/// the placeholder (in <c>cache/skin/cp1/</c>, <c>shot</c> is <c>cp1</c>) the name must be that exactly; elsewhere the
/// placeholder captures what the name holds there (<c>audio/cp1.wav</c> binds <c>shot</c> to <c>cp1</c>).
/// </summary>
internal readonly struct FileNamePattern
{
    private readonly string _prefix;
    private readonly string? _placeholder;
    private readonly string _suffix;

    private FileNamePattern(string prefix, string? placeholder, string suffix)
    {
        _prefix = prefix;
        _placeholder = placeholder;
        _suffix = suffix;
    }

    /// <summary>Splits a name the generator has checked (one <c>{identifier}</c> at most).</summary>
    public static FileNamePattern Parse(string name)
    {
        int open = name.IndexOf('{');
        if (open < 0) return new FileNamePattern(name, null, "");
        int close = name.IndexOf('}', open);
        return new FileNamePattern(name[..open], name[(open + 1)..close], name[(close + 1)..]);
    }

    public bool Matches(string name, IReadOnlyList<KeyValuePair<string, string>> bindings, out KeyValuePair<string, string>? captured)
    {
        captured = null;
        if (_placeholder is null) return string.Equals(name, _prefix, StringComparison.Ordinal);
        if (DatasetFile.Lookup(bindings, _placeholder!) is { } value) return string.Equals(name, _prefix + value + _suffix, StringComparison.Ordinal);
        if (name.Length <= _prefix.Length + _suffix.Length || !name.StartsWith(_prefix, StringComparison.Ordinal) || !name.EndsWith(_suffix, StringComparison.Ordinal)) return false;
        captured = new(_placeholder, name[_prefix.Length..^_suffix.Length]);
        return true;
    }

    /// <summary>The name with the placeholder filled in where the folder binds it (for messages).</summary>
    public string Concrete(IReadOnlyList<KeyValuePair<string, string>> bindings) =>
        _placeholder is null ? _prefix : _prefix + (DatasetFile.Lookup(bindings, _placeholder!) ?? "{" + _placeholder + "}") + _suffix;
}
