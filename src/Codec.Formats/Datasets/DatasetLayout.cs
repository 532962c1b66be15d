using Codec.Runtime.Datasets;
using Codec.Runtime.Findings;

namespace Codec.Formats.Datasets;

/// <summary>A file the layout claims: its spec, where it is, and the shot and voice its path names.</summary>
public sealed record DatasetFile(FolderSpec Folder, FileSpec Spec, string Path, string RelativePath, string? Shot, string? Voice);

/// <summary>
/// Finds a dataset's files by its contract: each folder (placeholder folders once per sub-folder), each file spec
/// matched by name, required parts missing, several alternatives present, and entries nothing claims. Structural
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

    /// <summary>True when the folder has every part the contract recognises datasets by.</summary>
    public static bool Recognizes(DatasetContract contract, string root) =>
        contract.RecognizedBy.Count > 0 && contract.RecognizedBy.All(p => Directory.Exists(System.IO.Path.Combine(root, p)));

    public static DatasetLayout Scan(DatasetContract contract, string root)
    {
        var files = new List<DatasetFile>();
        var findings = new Dictionary<string, List<Finding>>(StringComparer.Ordinal);
        void Report(string relative, string code, Severity severity, string message)
        {
            if (!findings.TryGetValue(relative, out var list)) findings[relative] = list = new List<Finding>();
            list.Add(new Finding(code, severity, "", message));
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
                if (!Directory.Exists(dir))
                {
                    if (folder.Required) Report(folder.Path, FindingCodes.PartMissing, Severity.Error, $"the required folder {folder.Path}/ is missing ({folder.Description})");
                    continue;
                }

                ScanFolder(folder, dir, folder.Path, null, null, declared, files, Report);
                continue;
            }

            string parentRelative = string.Join('/', segments.Take(placeholder));
            string parent = System.IO.Path.Combine(root, parentRelative);
            if (!Directory.Exists(parent))
            {
                if (folder.Required) Report(parentRelative, FindingCodes.PartMissing, Severity.Error, $"the required folder {parentRelative}/ is missing ({folder.Description})");
                continue;
            }

            bool isShot = segments[placeholder] == "{shot}";
            int instances = 0;
            foreach (var entry in Entries(parent))
            {
                string name = System.IO.Path.GetFileName(entry);
                string relative = parentRelative + "/" + name;
                if (declared.Contains(relative)) continue;
                if (!Directory.Exists(entry))
                {
                    // NVIDIA lists every entry of a cache root as a shot: a file here fails its training run.
                    if (isShot) Report(relative, FindingCodes.StrayEntry, Severity.Error, $"{name} is a file in {parentRelative}/, where NVIDIA's reader takes every entry for a shot folder and fails on it");
                    else if (folder.Strays is { } severity) Report(relative, FindingCodes.StrayEntry, severity, $"{name} is not a folder; {parentRelative}/ holds one folder per voice");
                    continue;
                }

                instances++;
                string rest = string.Join('/', segments.Skip(placeholder + 1));
                string dir = rest.Length == 0 ? entry : System.IO.Path.Combine(entry, rest);
                ScanFolder(folder, dir, rest.Length == 0 ? relative : relative + "/" + rest, isShot ? name : null, isShot ? null : name, declared, files, Report);
            }

            if (folder.Required && instances == 0)
                Report(parentRelative, FindingCodes.PartMissing, Severity.Error, $"{parentRelative}/ holds no shot folders ({folder.Description})");
        }

        files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return new DatasetLayout(files, findings);
    }

    private static void ScanFolder(FolderSpec folder, string dir, string relative, string? shot, string? voice, HashSet<string> declared,
        List<DatasetFile> files, Action<string, string, Severity, string> report)
    {
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        var found = new List<DatasetFile>();
        var entries = Entries(dir).Select(System.IO.Path.GetFileName).ToList();
        foreach (var spec in folder.Files)
        {
            foreach (var name in entries)
            {
                if (!Matches(spec.Name, name!, shot, out string? captured)) continue;
                claimed.Add(name!);
                // A Maya cache description brings its data file.
                if (spec.Kind == DatasetFileKind.Maya) claimed.Add(System.IO.Path.ChangeExtension(name!, ".mc"));
                found.Add(new DatasetFile(folder, spec, System.IO.Path.Combine(dir, name!), relative + "/" + name, shot ?? captured, voice));
            }

            if (spec.Required && !found.Any(f => f.Spec == spec))
                report(relative, FindingCodes.PartMissing, Severity.Error, $"{relative}/ has no {Concrete(spec.Name, shot)} ({spec.Description})");
        }

        if (folder.OneOf && found.Count == 0)
        {
            report(relative, FindingCodes.PartMissing, Severity.Error,
                $"{relative}/ holds none of {string.Join(", ", folder.Files.Select(f => Concrete(f.Name, shot)))}: NVIDIA's reader fails on this shot");
        }
        else if (folder.OneOf && found.Count > 1)
        {
            // NVIDIA's reader takes the first in the contract's order (npy, then xml, then pc2); the rest are never read.
            var kept = found[0];
            report(relative, FindingCodes.SeveralAlternatives, Severity.Warning,
                $"{relative}/ holds {string.Join(", ", found.Select(f => System.IO.Path.GetFileName(f.Path)))}; only {System.IO.Path.GetFileName(kept.Path)} is read");
            found = [kept];
        }

        files.AddRange(found);
        if (folder.Strays is not { } strays) return;
        foreach (var name in entries)
        {
            if (claimed.Contains(name!) || declared.Contains(relative + "/" + name)) continue;
            report(relative + "/" + name, FindingCodes.StrayEntry, strays, $"{name} is not part of {relative}/ ({folder.Description})");
        }
    }

    // "{shot}.wav" against "cp1_neutral.wav": in a shot's folder the shot is known; elsewhere it is what the name gives.
    private static bool Matches(string pattern, string name, string? shot, out string? captured)
    {
        captured = null;
        int at = pattern.IndexOf("{shot}", StringComparison.Ordinal);
        if (at < 0) return string.Equals(pattern, name, StringComparison.Ordinal);
        if (shot is not null) return string.Equals(pattern.Replace("{shot}", shot, StringComparison.Ordinal), name, StringComparison.Ordinal);
        string prefix = pattern[..at], suffix = pattern[(at + 6)..];
        if (name.Length <= prefix.Length + suffix.Length || !name.StartsWith(prefix, StringComparison.Ordinal) || !name.EndsWith(suffix, StringComparison.Ordinal)) return false;
        captured = name[prefix.Length..^suffix.Length];
        return true;
    }

    private static string Concrete(string pattern, string? shot) => shot is null ? pattern : pattern.Replace("{shot}", shot, StringComparison.Ordinal);

    // Dot-files are skipped, as NVIDIA's glob("*") skips them.
    private static IEnumerable<string> Entries(string dir) =>
        Directory.EnumerateFileSystemEntries(dir).Where(e => !System.IO.Path.GetFileName(e).StartsWith('.')).Order(StringComparer.Ordinal);
}
