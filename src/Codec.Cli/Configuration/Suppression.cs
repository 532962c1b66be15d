using Codec.Formats.Findings;
namespace Codec.Cli.Configuration;

/// <summary>
/// Findings not to report: a code, optionally only for files matching a glob relative to <see cref="BaseFolder"/>.
/// A codec.json's suppressions concern only the files of its folder (<see cref="InsideOnly"/>); <c>--ignore
/// CODE:GLOB</c> matches paths relative to the working folder, or whole paths of files outside it.
/// </summary>
public sealed record Suppression(string Code, IReadOnlyList<PathGlob> Paths, string BaseFolder, string? Reason = null, bool InsideOnly = false)
{
    /// <summary>
    /// Whether the file at <paramref name="full"/> (an absolute path) is one this suppression covers, given its path
    /// <paramref name="relative"/> to <see cref="BaseFolder"/>: the code is the caller's to compare.
    /// </summary>
    public bool MatchesFile(string full, string relative)
    {
        bool outside = relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(relative);
        if (outside && InsideOnly) return false;
        if (Paths.Count == 0) return true;
        string candidate = outside ? full : relative;
        return Paths.Any(p => p.Matches(candidate));
    }

    /// <summary>
    /// <c>--ignore</c> values: codes separated by commas, each optionally followed by <c>:GLOB</c> (<c>X713,F602:**/notes.txt</c>).
    /// Null, with <paramref name="error"/> set, for a code that does not exist.
    /// </summary>
    public static IReadOnlyList<Suppression>? Parse(IEnumerable<string> values, string baseFolder, out string error)
    {
        error = "";
        var list = new List<Suppression>();
        foreach (var item in values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            int colon = item.IndexOf(':');
            string code = colon < 0 ? item : item[..colon];
            if (BuiltInFindings.Catalog.Find(code) is null)
            {
                error = $"--ignore {item}: {code} is not a finding code (codec explain lists them)";
                return null;
            }

            if (colon >= 0 && PathGlob.Refusal(item[(colon + 1)..]) is { } refusal)
            {
                error = $"--ignore {code}:…: {refusal}";
                return null;
            }

            list.Add(new Suppression(code.ToUpperInvariant(), colon < 0 ? [] : [new PathGlob(item[(colon + 1)..])], baseFolder));
        }

        return list;
    }
}
