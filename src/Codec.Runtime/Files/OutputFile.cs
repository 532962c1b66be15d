namespace Codec.Runtime.Files;

/// <summary>
/// How every command writes its output: never over one of its inputs (also not through a link to it), never into a
/// folder that is not there, and never half-way — the files are written into a temporary folder beside their
/// destination, checked there (decoded again and compared, by the caller), and only then moved into place. A failed
/// or refused write leaves the destination as it was.
/// </summary>
public static class OutputFile
{
    /// <summary>
    /// Why <paramref name="outputs"/> cannot be written (a usage error for the command to print), or null: one of
    /// them is a folder, its folder is missing, it is one of <paramref name="inputs"/> (links followed), or it exists
    /// and <paramref name="overwrite"/> is not set.
    /// </summary>
    public static string? Refusal(IReadOnlyList<string> outputs, IReadOnlyList<string> inputs, bool overwrite)
    {
        var sources = inputs.Select(Links.Resolve).ToHashSet(StringComparer.Ordinal);
        foreach (string output in outputs)
        {
            if (Directory.Exists(output)) return $"{output} is a folder; give a file name";
            string? folder = Path.GetDirectoryName(Path.GetFullPath(output));
            if (folder is not null && !Directory.Exists(folder)) return $"the folder {folder} does not exist";
            if (sources.Contains(Links.Resolve(output))) return $"{output} is {(Links.IsLink(output) ? "a link to " : "")}a file being read; choose another destination";
            if (!overwrite && (File.Exists(output) || Links.IsLink(output))) return $"{output} exists; use --force to overwrite it";
        }

        return null;
    }

    /// <summary>
    /// Writes <paramref name="outputs"/> through <paramref name="writeAndCheck"/>, which receives the temporary paths
    /// (same names, in a temporary folder beside the first destination) and returns whether what it wrote is right.
    /// Only then are the files moved into place (replacing what is there when <paramref name="overwrite"/>); either
    /// way the temporary folder is removed. Returns what <paramref name="writeAndCheck"/> returned.
    /// </summary>
    public static bool Write(IReadOnlyList<string> outputs, bool overwrite, Func<IReadOnlyList<string>, bool> writeAndCheck)
    {
        string folder = Path.GetDirectoryName(Path.GetFullPath(outputs[0]))!;
        string staging = Path.Combine(folder, ".codec-" + Path.GetRandomFileName());
        Directory.CreateDirectory(staging);
        try
        {
            var temporary = outputs.Select(o => Path.Combine(staging, Path.GetFileName(o))).ToList();
            if (!writeAndCheck(temporary)) return false;
            // A rename replaces a link itself, never the file it points to.
            for (int i = 0; i < outputs.Count; i++) File.Move(temporary[i], outputs[i], overwrite);
            return true;
        }
        finally
        {
            try
            {
                Directory.Delete(staging, recursive: true);
            }
            catch (IOException)
            {
                // Nothing of the destination is in it; a leftover temporary folder is harmless.
            }
        }
    }
}
