using System.Text.RegularExpressions;

namespace Codec.Tests.Infrastructure;

/// <summary>
/// The versions the shared fixtures' files declare, as their README's table lists them (columns "info.json version"
/// and "metadata.jsonl version"): the one record of what each fixture folder holds, so a new folder needs no test edit.
/// </summary>
public static partial class FixtureVersions
{
    private static readonly Lazy<Dictionary<string, (string Info, string Metadata)>> Table = new(ReadTable);

    /// <summary>The version the info.json files of a fixture (path relative to the Synthesis fixtures) declare.</summary>
    public static string InfoVersionOf(string fixture) => Row(fixture).Info;

    /// <summary>The version the metadata.jsonl lines of a fixture declare.</summary>
    public static string MetadataVersionOf(string fixture) => Row(fixture).Metadata;

    private static (string Info, string Metadata) Row(string fixture)
    {
        string folder = fixture.Split('/', '\\')[0];
        return Table.Value.TryGetValue(folder, out var row)
            ? row
            : throw new InvalidOperationException($"fixture folder '{folder}' is not in the table of {ReadmePath}");
    }

    private static string ReadmePath => Path.Combine(TestPaths.Fixtures, "README.md");

    private static Dictionary<string, (string, string)> ReadTable()
    {
        var rows = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        int infoColumn = -1, metadataColumn = -1;
        foreach (string line in File.ReadLines(ReadmePath))
        {
            if (!line.StartsWith('|')) { infoColumn = metadataColumn = -1; continue; }
            string[] cells = line.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            if (infoColumn < 0)
            {
                infoColumn = Array.IndexOf(cells, "info.json version");
                metadataColumn = Array.IndexOf(cells, "metadata.jsonl version");
                if (infoColumn < 0 || metadataColumn < 0) infoColumn = metadataColumn = int.MinValue; // another table
                continue;
            }

            if (infoColumn == int.MinValue || cells.Length <= Math.Max(infoColumn, metadataColumn)) continue;
            var folder = FolderCell().Match(cells[0]);
            var info = QuotedVersion().Match(cells[infoColumn]);
            var metadata = QuotedVersion().Match(cells[metadataColumn]);
            if (folder.Success && info.Success && metadata.Success)
                rows[folder.Groups[1].Value] = (info.Groups[1].Value, metadata.Groups[1].Value);
        }

        return rows;
    }

    [GeneratedRegex(@"^`([^`/]+)/?`")]
    private static partial Regex FolderCell();

    [GeneratedRegex("^`\"([0-9.]+)\"`")]
    private static partial Regex QuotedVersion();
}
