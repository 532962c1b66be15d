using Codec.Cli.Commands;
using Codec.Runtime.Findings;
using Codec.Runtime.Files;

namespace Codec.Cli.Sharding;

/// <summary>A path a manifest lists, with its size in bytes when the line gives one.</summary>
public readonly record struct ManifestEntry(string Path, long? Bytes);

/// <summary>
/// <c>--manifest FILE</c>: the paths to check, one per line — what a scheduler or a <c>find</c> hands over. Blank
/// lines and lines starting with '#' are skipped; '-' reads the list from standard input. A line may give the path's
/// size first, in bytes, and a tab (<c>BYTES&lt;TAB&gt;PATH</c>, what <c>du -sb</c> and <c>find -printf '%s\t%p\n'</c>
/// write): a sharded run deals the paths by those sizes instead of listing every folder to weigh it.
/// </summary>
public static class Manifest
{
    /// <summary>A manifest of paths is text; one larger than this is not a list of paths.</summary>
    private const long MaxBytes = 1L << 30;

    // A size of more than a petabyte per path is not a size.
    private const long MaxSize = 1L << 50;

    public static IReadOnlyList<ManifestEntry>? Read(string path, Func<Stream> standardInput, out string error)
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
        var listed = new List<ManifestEntry>();
        var lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].TrimEnd('\r');
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#')) continue;
            long? bytes = null;
            int tab = line.IndexOf('\t');
            if (tab > 0 && line.AsSpan(0, tab).IndexOfAnyExceptInRange('0', '9') < 0)
            {
                if (!long.TryParse(line.AsSpan(0, tab), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long size) || size > MaxSize)
                {
                    error = $"the manifest {path}, line {i + 1}: {line[..tab]} is not a size in bytes (at most {MaxSize})";
                    return null;
                }

                bytes = size;
                line = line[(tab + 1)..];
            }

            if (InputPaths.Problem(line) is { } problem)
            {
                error = $"the manifest {path}, line {i + 1}: {problem}";
                return null;
            }

            listed.Add(new ManifestEntry(line, bytes));
        }

        return listed;
    }
}
