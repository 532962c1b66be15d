using Codec.Cli.Commands;
using Codec.Runtime.Findings;
using Codec.Runtime.Files;

namespace Codec.Cli.Sharding;

/// <summary>
/// <c>--manifest FILE</c>: the paths to check, one per line — what a scheduler or a <c>find</c> hands over. Blank
/// lines and lines starting with '#' are skipped; '-' reads the list from standard input.
/// </summary>
public static class Manifest
{
    /// <summary>A manifest of paths is text; one larger than this is not a list of paths.</summary>
    private const long MaxBytes = 1L << 30;

    public static IReadOnlyList<string>? Read(string path, Func<Stream> standardInput, out string error)
    {
        error = "";
        var findings = new List<Finding>();
        byte[] buffer = [];
        int length;
        if (path == StandardInput.Argument)
        {
            length = InputFile.ReadAll(standardInput(), MaxBytes, ref buffer, findings);
        }
        else
        {
            if (InputFile.Refusal(path) is { } why)
            {
                error = $"the manifest {path} {why}";
                return null;
            }

            length = InputFile.ReadAll(path, MaxBytes, ref buffer, findings);
        }

        if (length < 0)
        {
            error = $"the manifest {path}: {string.Join("; ", findings.Select(f => f.Message))}";
            return null;
        }

        var text = System.Text.Encoding.UTF8.GetString(buffer, 0, length);
        var listed = new List<string>();
        var lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].TrimEnd('\r');
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#')) continue;
            if (InputPaths.Problem(line) is { } problem)
            {
                error = $"the manifest {path}, line {i + 1}: {problem}";
                return null;
            }

            listed.Add(line);
        }

        return listed;
    }
}
