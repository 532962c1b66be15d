namespace Codec.Runtime.Semantics;

/// <summary>
/// Where a rule looked, as parts of a JSON pointer: <c>Prefix + Index + Suffix</c> for one element of a list
/// (<c>"/landmarks/ibug68/" + 12 + "/screen_space_pos"</c>), or just <c>Prefix</c>. Kept in parts so that a
/// passing check builds no string.
/// </summary>
public readonly struct RulePath
{
    private readonly string _prefix;
    private readonly int _index;
    private readonly string? _suffix;

    public RulePath(string path)
    {
        _prefix = path;
        _index = -1;
        _suffix = null;
    }

    public RulePath(string prefix, int index, string suffix)
    {
        _prefix = prefix;
        _index = index;
        _suffix = suffix;
    }

    /// <summary>The same place with a different final member, e.g. the sibling <c>screen_space_pos</c>.</summary>
    public RulePath WithSuffix(string suffix) => _index < 0 ? new RulePath(suffix) : new RulePath(_prefix, _index, suffix);

    public override string ToString() => _index < 0 ? _prefix : string.Concat(_prefix, _index.ToString(System.Globalization.CultureInfo.InvariantCulture), _suffix);
}
