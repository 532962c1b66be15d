using Codec.Formats.Files;
using Codec.Formats.Findings;
using Codec.Runtime.Files;
using Codec.Runtime.Findings;

namespace Codec.Formats.Validation.Folders;

/// <summary>One file of a render, as the folder lists it.</summary>
internal sealed record RenderFile(string Path, RenderFileName Name);

/// <summary>
/// A Synthesis output folder as listed once, with one link policy: its renders' files by render, the renders'
/// info.json files (the render contract's anchor), its metadata file, and what the listing alone tells — links out of
/// the folder (not read), files that belong to no render, a render without its info.json, and a render without a
/// file most renders have.
/// </summary>
internal sealed record FolderListing(List<FileCheckResult> Findings, Dictionary<RenderKey, List<RenderFile>> Renders,
    List<(string Path, RenderFileName Name)> InfoFiles, string? MetadataPath)
{
    /// <summary>Lists <paramref name="folder"/> by <paramref name="contract"/>; <paramref name="root"/>: the folder being checked as a whole, which links may not leave (null: this folder).</summary>
    public static FolderListing List(string folder, RenderContract contract, string? root)
    {
        var results = new List<FileCheckResult>();
        var renders = new Dictionary<RenderKey, List<RenderFile>>();
        var infoFiles = new List<(string Path, RenderFileName Name)>();
        string? metadataPath = null;
        string resolvedRoot = Links.Resolve(root ?? folder);
        foreach (var (path, isLink) in Links.FilesIn(folder))
        {
            string name = Path.GetFileName(path);
            if (Links.LeadsOutside(path, isLink, resolvedRoot) is { } target)
            {
                results.Add(new FileCheckResult(path, null, [Links.Outside(target, root ?? folder)]));
                continue;
            }

            if (name == contract.MetadataFile)
            {
                metadataPath = path;
            }
            else if (contract.TryParseName(name, out var parsed))
            {
                if (!renders.TryGetValue(parsed.Key, out var files)) renders[parsed.Key] = files = new List<RenderFile>();
                files.Add(new RenderFile(path, parsed));
                if (IsAnchor(contract, parsed)) infoFiles.Add((path, parsed));
            }
            else if (!name.StartsWith('.') && name != FolderWalk.ConfigFileName)
            {
                results.Add(new FileCheckResult(path, null, new[]
                {
                    new Finding(FindingCodes.UnrecognisedFileName, Severity.Warning, "", $"belongs to no render: not named like a Synthesis render file ({contract.NameShapes}); not checked"),
                }));
            }
        }

        UsualFiles(folder, contract, renders, results);
        return new FolderListing(results, renders, infoFiles, metadataPath);
    }

    // What a file is of its render: a modality in a format (normals, tif).
    private static (string Modality, string Extension) KindOf(RenderFile file) => (file.Name.Modality, file.Name.Extension);

    private static bool IsAnchor(RenderContract contract, RenderFileName name) => contract.FileOf(name.Suffix)?.Kind == FileKind.Info;

    // What the renders of a folder have in common: a file (a modality) that more than half of them have and one lacks
    // was deleted or never written; files of a render with no info.json have nothing to be checked against.
    private static void UsualFiles(string folder, RenderContract contract, Dictionary<RenderKey, List<RenderFile>> renders, List<FileCheckResult> results)
    {
        bool HasInfo(List<RenderFile> files) => files.Any(f => IsAnchor(contract, f.Name));
        var holders = new Dictionary<(string Modality, string Extension), int>();
        int rendered = 0;
        foreach (var files in renders.Values)
        {
            if (!HasInfo(files)) continue;
            rendered++;
            for (int i = 0; i < files.Count; i++)
            {
                var kind = KindOf(files[i]);
                if (files.FindIndex(f => KindOf(f) == kind) != i) continue; // a render holds a kind once, however many files it has of it
                holders[kind] = holders.GetValueOrDefault(kind) + 1;
            }
        }

        // The files most renders have, in a stable order, found once for the folder.
        var usual = holders.Where(h => h.Value * 2 > rendered)
            .OrderBy(h => h.Key.Modality, StringComparer.Ordinal).ThenBy(h => h.Key.Extension, StringComparer.Ordinal).ToList();
        foreach (var (key, files) in renders.OrderBy(r => r.Key.RenderId).ThenBy(r => r.Key.Camera, StringComparer.Ordinal).ThenBy(r => r.Key.Frame))
        {
            var name = files[0].Name;
            if (!HasInfo(files))
            {
                results.Add(new FileCheckResult(files[0].Path, null, [new Finding(FolderFindingCodes.FilesWithoutRender, Severity.Warning, "",
                    $"render {key} has {files.Count} file(s) ({string.Join(", ", files.Select(f => Path.GetFileName(f.Path)).Take(4))}{(files.Count > 4 ? ", ..." : "")}) but no {contract.Anchor.Suffixes[0]}; they are not checked")]));
                continue;
            }

            foreach (var (kind, count) in usual)
            {
                if (files.Exists(f => KindOf(f) == kind)) continue;
                string missing = contract.FileName(name.Key, RenderFileName.SuffixOf(kind.Modality, kind.Extension));
                results.Add(new FileCheckResult(Path.Combine(folder, missing), null, [new Finding(FolderFindingCodes.MissingModality, Severity.Warning, "",
                    $"render {key} has no {missing}, which {count} of the folder's {rendered} renders have")]));
            }
        }
    }
}
