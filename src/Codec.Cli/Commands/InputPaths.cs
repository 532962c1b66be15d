using System.Text;

namespace Codec.Cli.Commands;

/// <summary>
/// The paths a run is given, from the command line and a manifest, checked once before anything uses them: each is a
/// path the system could open, and a path listed twice (also as another spelling of the same place) is checked once.
/// </summary>
public static class InputPaths
{
    /// <summary>The longest path the system opens (Linux and macOS count bytes, Windows UTF-16 units).</summary>
    public static int MaxLength => OperatingSystem.IsWindows() ? 32_767 : 4_096;

    /// <summary>
    /// The paths in their first order without repeats; null, with <paramref name="error"/> naming the path, for one
    /// that holds a NUL character or is longer than <see cref="MaxLength"/>.
    /// </summary>
    public static IReadOnlyList<string>? Distinct(IReadOnlyList<string> paths, out string error)
    {
        error = "";
        var seen = new HashSet<string>(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        var result = new List<string>(paths.Count);
        foreach (var path in paths)
        {
            if (Problem(path) is { } problem)
            {
                error = problem;
                return null;
            }

            // Standard input is no place: given twice, it is the run's to refuse.
            if (path == StandardInput.Argument || seen.Add(Path.TrimEndingDirectorySeparator(Path.GetFullPath(path)))) result.Add(path);
        }

        return result;
    }

    /// <summary>Why <paramref name="path"/> cannot name a file, or null.</summary>
    public static string? Problem(string path)
    {
        string shown = path.Length > 80 ? path[..77] + "..." : path;
        if (path.Contains('\0')) return $"the path '{shown.Replace("\0", "\\0")}' holds a NUL character, which no file name can";
        int length = OperatingSystem.IsWindows() ? path.Length : Encoding.UTF8.GetByteCount(path);
        return length > MaxLength ? $"the path '{shown}' is {length} {(OperatingSystem.IsWindows() ? "characters" : "bytes")} long; the system opens paths of at most {MaxLength}" : null;
    }

    /// <summary>
    /// Why a path given to <paramref name="command"/> is rather an option it does not have, or null: a token that looks
    /// like an option would otherwise be taken for a path ("no such file: --quite").
    /// </summary>
    public static string? UnknownOption(IEnumerable<string> paths, string command) =>
        paths.FirstOrDefault(p => p.Length > 1 && p[0] == '-') is { } unknown
            ? $"unknown option {unknown} (codec {command} --help lists them; a file whose name starts with '-' is ./{unknown})"
            : null;

    /// <summary>Declares <see cref="UnknownOption"/> on a command's path argument, for the parser to refuse before the run.</summary>
    public static void RefuseUnknownOptions(System.CommandLine.Argument<string[]> paths, string command) =>
        paths.Validators.Add(result =>
        {
            if (UnknownOption(result.GetValueOrDefault<string[]>() ?? [], command) is { } problem) result.AddError(problem);
        });
}
