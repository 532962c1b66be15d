using Codec.Runtime.Findings;
namespace Codec.Runtime.Files;

/// <summary>
/// Where paths really lead, links followed: for telling whether two paths name the same file (an output must never
/// be an input) and whether a link leads out of the folder being checked (such a link is reported, not followed).
/// </summary>
public static class Links
{
    /// <summary>The kernel's limit on links followed in one path; a longer chain is a loop.</summary>
    private const int MaxHops = 40;

    /// <summary>The absolute path with every link along it resolved (as far as the links lead; a loop stops after 40 hops).</summary>
    public static string Resolve(string path)
    {
        string full = Path.GetFullPath(path);
        string root = Path.GetPathRoot(full) ?? "";
        string current = root;
        var parts = new Queue<string>(full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries));
        int hops = 0;
        while (parts.Count > 0)
        {
            string next = Path.Combine(current, parts.Dequeue());
            string? target = LinkTarget(next);
            if (target is null || ++hops > MaxHops)
            {
                current = next;
                continue;
            }

            // Resolve the target from the link's folder, then walk what is left of the path from there.
            string resolved = Path.GetFullPath(Path.Combine(current, target));
            string resolvedRoot = Path.GetPathRoot(resolved) ?? "";
            parts = new Queue<string>(resolved[resolvedRoot.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Concat(parts));
            current = resolvedRoot;
        }

        return current;
    }

    /// <summary>True when <paramref name="path"/> is itself a link (to anything, or to nothing).</summary>
    public static bool IsLink(string path) => LinkTarget(path) is not null;

    /// <summary>
    /// The files of <paramref name="folder"/> (what <see cref="Directory.EnumerateFiles(string)"/> lists: links to files
    /// and broken links included), in ordinal order, each with whether it is a link. The directory's own entries say
    /// so: no system call per file, which a folder of thousands of renders would pay before any check starts.
    /// </summary>
    public static List<(string Path, bool IsLink)> FilesIn(string folder)
    {
        var files = new System.IO.Enumeration.FileSystemEnumerable<(string, bool)>(folder,
            (ref System.IO.Enumeration.FileSystemEntry entry) => (entry.ToSpecifiedFullPath(), (entry.Attributes & FileAttributes.ReparsePoint) != 0))
        {
            ShouldIncludePredicate = (ref System.IO.Enumeration.FileSystemEntry entry) => !entry.IsDirectory,
        }.ToList();
        files.Sort((a, b) => string.CompareOrdinal(a.Item1, b.Item1));
        return files;
    }

    /// <summary>
    /// Where <paramref name="entry"/>, a link, leads when that is outside <paramref name="resolvedRoot"/> (a resolved path); null
    /// when the entry is no link or stays inside.
    /// </summary>
    public static string? LeadsOutside(string entry, string resolvedRoot) => LeadsOutside(entry, IsLink(entry), resolvedRoot);

    /// <summary>As <see cref="LeadsOutside(string, string)"/>, for an entry already known to be a link or not (<see cref="FilesIn"/>).</summary>
    public static string? LeadsOutside(string entry, bool isLink, string resolvedRoot)
    {
        if (!isLink) return null;
        string target = Resolve(entry);
        string inside = resolvedRoot.EndsWith(Path.DirectorySeparatorChar) ? resolvedRoot : resolvedRoot + Path.DirectorySeparatorChar;
        return target == resolvedRoot || target.StartsWith(inside, StringComparison.Ordinal) ? null : target;
    }

    /// <summary>
    /// The one finding for a link out of the folder being checked (<paramref name="root"/>, as the user gave it): every
    /// walker says it the same way, and none follows or reads what it reaches.
    /// </summary>
    public static Finding Outside(string target, string root) =>
        new(FindingCodes.LinkOutsideFolder, Severity.Warning, "", $"a link to {target}, outside {root}; not followed");

    private static string? LinkTarget(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
