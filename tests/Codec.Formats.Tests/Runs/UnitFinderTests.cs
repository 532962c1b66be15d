using Codec.Formats.Validation.Runs;
using Codec.Runtime.Findings;
using Codec.Tests.Infrastructure;

namespace Codec.Tests.Formats;

/// <summary>What a run checks, found from the paths given: files by name, folders walked once.</summary>
public sealed class UnitFinderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("codec-units-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static CheckUnit NoStandardInput() => throw new InvalidOperationException("standard input was not given");

    [Fact]
    public void Datasets_and_output_folders_are_found_in_path_order_and_a_dataset_is_not_entered()
    {
        CopyTree(Path.Combine(TestPaths.SampleData, "a2f"), Path.Combine(_root, "a2f"));
        CopyTree(Path.Combine(TestPaths.SampleData, "synthesis", "info-1.5"), Path.Combine(_root, "job"));
        // Inside the dataset, a link out of the walked folder: the dataset's own to report, by its layout.
        Directory.CreateSymbolicLink(Path.Combine(_root, "a2f", "cache", "elsewhere"), Path.GetTempPath());
        var found = UnitFinder.Find([_root], NoStandardInput, out string error);
        Assert.NotNull(found);
        Assert.Equal("", error);
        Assert.Equal([(UnitKind.Dataset, "a2f"), (UnitKind.Folder, "job")], found.Units.Select(u => (u.Kind, Path.GetFileName(u.Path))));
        Assert.Equal(_root, found.Units[1].Root);
        Assert.Empty(found.WalkProblems);
    }

    [Fact]
    public void A_link_out_of_the_folder_outside_any_dataset_is_a_walk_problem()
    {
        CopyTree(Path.Combine(TestPaths.SampleData, "synthesis", "info-1.5"), Path.Combine(_root, "job"));
        Directory.CreateSymbolicLink(Path.Combine(_root, "elsewhere"), Path.GetTempPath());
        var found = UnitFinder.Find([_root], NoStandardInput, out _)!;
        var problem = Assert.Single(found.WalkProblems);
        Assert.Equal(FindingCodes.LinkOutsideFolder, Assert.Single(problem.Findings).Code);
    }

    [Fact]
    public void Files_are_units_by_their_name_and_a_file_of_a_folder_is_a_usage_error()
    {
        string metadata = Path.Combine(_root, "metadata.jsonl"), info = Path.Combine(_root, "7.info.json"), mask = Path.Combine(_root, "7.segments.png");
        foreach (var file in new[] { metadata, info, mask }) File.WriteAllText(file, "{}");
        var found = UnitFinder.Find([metadata, info], NoStandardInput, out _)!;
        Assert.Equal([UnitKind.MetadataFile, UnitKind.InfoFile], found.Units.Select(u => u.Kind));
        Assert.Null(UnitFinder.Find([mask], NoStandardInput, out string error));
        Assert.Contains("is a .png file", error);
        Assert.Null(UnitFinder.Find([Path.Combine(_root, "missing")], NoStandardInput, out error));
        Assert.StartsWith("no such file or folder", error);
    }

    [Fact]
    public void Standard_input_is_one_unit_at_its_place_and_given_once()
    {
        string info = Path.Combine(_root, "7.info.json");
        File.WriteAllText(info, "{}");
        CheckUnit Stdin() => new(UnitKind.InfoFile, "<stdin>") { Input = new MemoryStream() };
        Assert.Equal(["<stdin>", info], UnitFinder.Find(["-", info], Stdin, out _)!.Units.Select(u => u.Path));
        Assert.Null(UnitFinder.Find(["-", "-"], Stdin, out string error));
        Assert.Contains("can be given once", error);
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories)) Directory.CreateDirectory(to + dir[from.Length..]);
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories)) File.Copy(file, to + file[from.Length..]);
    }
}
