using Codec.Runtime.Findings;

namespace Codec.Runtime.Files;

/// <summary>
/// The folders under a root, as a check should see them: links that lead out of the root are reported (F603) and
/// not followed, a real folder reached again through a link (a loop) is visited once, and a folder that cannot be read
/// is reported (F601) instead of ending the walk.
/// </summary>
public static class FolderWalk
{
    /// <summary>codec's own configuration file, which may sit in any folder it checks: never a dataset's file.</summary>
    public const string ConfigFileName = "codec.json";

    /// <summary>
    /// <paramref name="root"/> and every folder below it, in ordinal path order; each problem goes to
    /// <paramref name="report"/> with the path it is about. A folder <paramref name="isWhole"/> says is checked as a whole
    /// (a dataset, which lists its own tree by its layout) is listed and not entered: nothing below it is walked twice.
    /// </summary>
    public static IReadOnlyList<string> Folders(string root, Action<string, Finding> report, Func<string, bool>? isWhole = null)
    {
        string resolvedRoot = Links.Resolve(root);
        var visited = new HashSet<string>(StringComparer.Ordinal) { resolvedRoot };
        var folders = new List<string>();
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            string dir = pending.Pop();
            folders.Add(dir);
            if (isWhole?.Invoke(dir) == true) continue;
            List<string> children;
            try
            {
                children = Directory.EnumerateDirectories(dir).ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                report(dir, new Finding(FindingCodes.FileUnreadable, Severity.Error, "", "cannot read the folder: " + e.Message));
                continue;
            }

            foreach (string child in children)
            {
                if (Links.LeadsOutside(child, resolvedRoot) is { } target)
                {
                    report(child, Links.Outside(target, root));
                    continue;
                }

                // A link back into the tree: the folder it names is checked where it really is.
                if (visited.Add(Links.Resolve(child))) pending.Push(child);
            }
        }

        folders.Sort(StringComparer.Ordinal);
        return folders;
    }
}
