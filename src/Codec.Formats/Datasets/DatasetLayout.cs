using Codec.Formats.Files;
using Codec.Formats.Findings;
using Codec.Runtime.Files;
using Codec.Runtime.Findings;

namespace Codec.Formats.Datasets;

/// <summary>
/// Finds a dataset's files by its contract: each folder (placeholder folders once per sub-folder, the sub-folder's
/// name bound to the placeholder), each file spec matched by name (a placeholder in it bound or captured), required parts missing, several alternatives present, and entries nothing claims. Structural
/// findings are keyed by the relative path they concern.
/// </summary>
public sealed class DatasetLayout
{
    private DatasetLayout(List<DatasetFile> files, Dictionary<string, List<Finding>> findings)
    {
        Files = files;
        Findings = findings;
    }

    /// <summary>Claimed files in path order.</summary>
    public IReadOnlyList<DatasetFile> Files { get; }

    /// <summary>Structural findings by relative path (a folder or a file).</summary>
    public IReadOnlyDictionary<string, List<Finding>> Findings { get; }

    public static DatasetLayout Scan(DatasetContract contract, string root)
    {
        var files = new List<DatasetFile>();
        var findings = new Dictionary<string, List<Finding>>(StringComparer.Ordinal);
        void Report(string relative, string code, Severity severity, string message)
        {
            if (!findings.TryGetValue(relative, out var list)) findings[relative] = list = new List<Finding>();
            list.Add(new Finding(code, severity, "", message));
        }

        // A link out of the dataset (to /etc/passwd, to /usr/share) is said and not followed: what the dataset holds
        // is checked, not what its links happen to reach.
        string resolvedRoot = Links.Resolve(root);
        bool Outside(string path, string relative)
        {
            if (Links.LeadsOutside(path, resolvedRoot) is not { } target) return false;
            findings.TryAdd(relative, new List<Finding>());
            findings[relative].Add(Links.Outside(target, root));
            return true;
        }

        // A declared folder that is not there: missing, or a link in its place that loops or leads nowhere (said even
        // for an optional folder, which would otherwise pass for absent).
        void Absent(string dir, string relative, FolderSpec folder)
        {
            if (new FileInfo(dir).LinkTarget is { } target)
                Report(relative, folder.Required ? DatasetFindingCodes.PartMissing : FindingCodes.FileUnreadable, folder.Required ? Severity.Error : Severity.Warning,
                    $"{relative}/ is a link to {target} that loops or leads nowhere, so nothing in it is checked ({About(folder)})");
            else if (folder.Required)
                Report(relative, DatasetFindingCodes.PartMissing, Severity.Error, $"the required folder {relative}/ is missing ({About(folder)})");
        }

        // Folders the contract declares (and their parents) are never strays of the folder above them.
        var declared = new HashSet<string>(StringComparer.Ordinal);
        foreach (var folder in contract.Folders)
        {
            var parts = folder.Path.Split('/');
            for (int i = 1; i <= parts.Length; i++) declared.Add(string.Join('/', parts.Take(i)));
        }

        foreach (var folder in contract.Folders)
        {
            var segments = folder.Path.Split('/');
            int placeholder = Array.FindIndex(segments, s => s.StartsWith('{'));
            if (placeholder < 0)
            {
                string dir = System.IO.Path.Combine(root, folder.Path);
                if (Outside(dir, folder.Path)) continue;
                if (!Directory.Exists(dir))
                {
                    Absent(dir, folder.Path, folder);
                    continue;
                }

                ScanFolder(folder, dir, folder.Path, [], declared, files, Report, Outside);
                continue;
            }

            string parentRelative = string.Join('/', segments.Take(placeholder));
            string parent = System.IO.Path.Combine(root, parentRelative);
            if (Outside(parent, parentRelative)) continue;
            if (!Directory.Exists(parent))
            {
                Absent(parent, parentRelative, folder);
                continue;
            }

            string name = segments[placeholder][1..^1];
            int instances = 0;
            foreach (var entry in Entries(parent))
            {
                string entryName = System.IO.Path.GetFileName(entry);
                string relative = parentRelative + "/" + entryName;
                if (declared.Contains(relative) || Outside(entry, relative)) continue;
                if (!Directory.Exists(entry))
                {
                    if ((folder.FilesBeside ?? folder.Strays) is { } severity)
                        Report(relative, DatasetFindingCodes.StrayEntry, severity, $"{entryName} is a file in {parentRelative}/, which holds one folder per {name} ({About(folder)})");
                    continue;
                }

                instances++;
                string rest = string.Join('/', segments.Skip(placeholder + 1));
                string dir = rest.Length == 0 ? entry : System.IO.Path.Combine(entry, rest);
                ScanFolder(folder, dir, rest.Length == 0 ? relative : relative + "/" + rest, [new(name, entryName)], declared, files, Report, Outside);
            }

            if (folder.Required && instances == 0)
                Report(parentRelative, DatasetFindingCodes.PartMissing, Severity.Error, $"{parentRelative}/ holds no {name} folders ({About(folder)})");
        }

        files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return new DatasetLayout(files, findings);
    }

    private static void ScanFolder(FolderSpec folder, string dir, string relative, KeyValuePair<string, string>[] bindings, HashSet<string> declared,
        List<DatasetFile> files, Action<string, string, Severity, string> report, Func<string, string, bool> outside)
    {
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        var found = new List<DatasetFile>();
        var entries = Entries(dir).Where(e => !outside(e, relative + "/" + System.IO.Path.GetFileName(e))).Select(System.IO.Path.GetFileName).ToList();
        foreach (var spec in folder.Files)
        {
            var pattern = FileNamePattern.Parse(spec.Name);
            foreach (var name in entries)
            {
                if (!pattern.Matches(name!, bindings, out var captured)) continue;
                claimed.Add(name!);
                // A Maya cache description brings its data file.
                if (spec.Kind == FileKind.Maya) claimed.Add(Codec.Runtime.Binary.Maya.MayaCacheFile.DataPathOf(name!));
                found.Add(new DatasetFile(folder, spec, System.IO.Path.Combine(dir, name!), relative + "/" + name, captured is { } c ? [.. bindings, c] : bindings));
            }

            if (spec.Required && !found.Any(f => f.Spec == spec))
                report(relative, DatasetFindingCodes.PartMissing, Severity.Error, $"{relative}/ has no {pattern.Concrete(bindings)} ({spec.Description})");
        }

        if (folder.OneOf && found.Count == 0)
        {
            report(relative, DatasetFindingCodes.PartMissing, Severity.Error,
                $"{relative}/ holds none of {string.Join(", ", folder.Files.Select(f => FileNamePattern.Parse(f.Name).Concrete(bindings)))} ({About(folder)})");
        }
        else if (folder.OneOf && found.Count > 1)
        {
            // The first in the contract's order is the one read (NVIDIA's reader: npy, then xml, then pc2).
            var kept = found[0];
            report(relative, DatasetFindingCodes.SeveralAlternatives, Severity.Warning,
                $"{relative}/ holds {string.Join(", ", found.Select(f => System.IO.Path.GetFileName(f.Path)))}; only {System.IO.Path.GetFileName(kept.Path)} is read");
            found = [kept];
        }

        files.AddRange(found);
        if (folder.Strays is not { } strays) return;
        foreach (var name in entries)
        {
            if (claimed.Contains(name!) || declared.Contains(relative + "/" + name)) continue;
            report(relative + "/" + name, DatasetFindingCodes.StrayEntry, strays, $"{name} is not part of {relative}/ ({About(folder)})");
        }
    }

    // A folder's description inside a finding's parentheses, without its closing full stop.
    private static string About(FolderSpec folder) => folder.Description.TrimEnd('.');

    // Dot-files are skipped, as NVIDIA's glob("*") skips them.
    private static IEnumerable<string> Entries(string dir) =>
        Directory.EnumerateFileSystemEntries(dir).Where(e => !System.IO.Path.GetFileName(e).StartsWith('.')).Order(StringComparer.Ordinal);
}
