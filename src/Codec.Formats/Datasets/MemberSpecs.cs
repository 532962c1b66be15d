namespace Codec.Formats.Datasets;

/// <summary>Which member spec of an archive's file spec claims a member: its own key first, then a placeholder (<c>{shot}</c>) or <c>*</c>.</summary>
public static class MemberSpecs
{
    public static MemberSpec? Find(IReadOnlyList<MemberSpec> specs, string key) =>
        specs.FirstOrDefault(s => s.Key == key) ?? specs.FirstOrDefault(s => IsPattern(s.Key));

    /// <summary>True for <c>*</c> and a placeholder key, which claim members by pattern rather than by name.</summary>
    public static bool IsPattern(string key) => key == "*" || key.StartsWith('{');

    /// <summary>The placeholder a key binds (<c>shot</c> for <c>{shot}</c>), or null.</summary>
    public static string? Placeholder(string key) => key.StartsWith('{') ? key[1..^1] : null;
}
