using Codec.Formats.A2f;
using Codec.Formats.Files;
using Codec.Formats.Validation.Folders;
using Codec.Runtime.Files;

namespace Codec.Formats.Validation.Runs;

/// <summary>The units found under the paths given, in their order, and what the walk could not enter or would not follow.</summary>
public sealed record FoundUnits(IReadOnlyList<CheckUnit> Units, IReadOnlyList<FileCheckResult> WalkProblems);

/// <summary>
/// What a run checks, found from the paths a user gives: an info.json or a metadata.jsonl by its name, and under a
/// folder, walked once (links out of it reported, not followed), every Audio2Face-3D dataset (by its layout) and every
/// Synthesis output folder (by the render contract) outside a dataset.
/// </summary>
public static class UnitFinder
{
    /// <summary>The argument that stands for standard input.</summary>
    public const string StandardInput = "-";

    /// <summary>
    /// The units under <paramref name="paths"/>; <paramref name="standardInput"/> makes the unit of <c>-</c>. Null, with
    /// <paramref name="error"/> set, for a path that is a usage error (no such path, a file that is checked with its
    /// folder, standard input given twice).
    /// </summary>
    public static FoundUnits? Find(IReadOnlyList<string> paths, Func<CheckUnit> standardInput, out string error)
    {
        error = "";
        var units = new List<CheckUnit>();
        var walkProblems = new List<FileCheckResult>();
        foreach (var path in paths)
        {
            if (path == StandardInput)
            {
                if (units.Any(u => u.Input is not null))
                {
                    error = "'-' (standard input) can be given once";
                    return null;
                }

                units.Add(standardInput());
            }
            else if (File.Exists(path))
            {
                // A file of a render or a dataset (an image, a cache, audio) is checked with its folder, against the
                // files beside it: said so, rather than read as a JSON document that it is not.
                if (FileKinds.Of(path) is { ReadWithItsFolder: true })
                {
                    error = $"{path} is a {Path.GetExtension(path).ToLowerInvariant()} file; validate reads info.json and metadata.jsonl files, and checks images, masks, meshes, caches and audio with the folder they belong to: give the render's output folder or the Audio2Face-3D dataset's folder (codec inspect {path} describes the file alone)";
                    return null;
                }

                units.Add(new CheckUnit(IsJsonLines(path) ? UnitKind.MetadataFile : UnitKind.InfoFile, path));
            }
            else if (Directory.Exists(path))
            {
                FindInFolder(path, units, walkProblems);
            }
            else
            {
                error = $"no such file or folder: {path}";
                return null;
            }
        }

        return new FoundUnits(units, walkProblems);
    }

    /// <summary>Whether a file named <paramref name="name"/> is read as JSON Lines (a metadata.jsonl) rather than one document.</summary>
    public static bool IsJsonLines(string name) => name.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase);

    private static void FindInFolder(string root, List<CheckUnit> units, List<FileCheckResult> walkProblems)
    {
        // An Audio2Face-3D dataset is one unit: its tree is the dataset's to list (by its layout, with its own findings
        // about links and folders), and nothing inside it is a Synthesis output.
        var datasets = new HashSet<string>(StringComparer.Ordinal);
        bool IsDataset(string dir) => datasets.Contains(dir) || (A2fDataset.Recognizes(dir) && datasets.Add(dir));
        foreach (var dir in FolderWalk.Folders(root, (where, finding) => walkProblems.Add(new FileCheckResult(where, null, [finding])), IsDataset))
        {
            if (IsDataset(dir)) units.Add(new CheckUnit(UnitKind.Dataset, dir));
            else if (SynthesisFolderChecker.IsOutputFolder(dir)) units.Add(new CheckUnit(UnitKind.Folder, dir) { Root = root });
        }
    }
}
