using Codec.Runtime.Files;

namespace Codec.Tests.Files;

/// <summary>
/// A folder's files listed with whether each is a link, from the directory's own entries: the same paths, in the same
/// form (a relative folder stays relative in every report), as <see cref="Directory.EnumerateFiles(string)"/> gives.
/// </summary>
public sealed class LinksTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("codec-links-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_folders_files_are_listed_as_given_in_order_with_their_links_told()
    {
        File.WriteAllText(Path.Combine(_dir, "b.info.json"), "{}");
        File.WriteAllText(Path.Combine(_dir, "A.info.json"), "{}");
        Directory.CreateDirectory(Path.Combine(_dir, "sub"));
        File.CreateSymbolicLink(Path.Combine(_dir, "to-file.json"), Path.Combine(_dir, "b.info.json"));
        File.CreateSymbolicLink(Path.Combine(_dir, "dangling.json"), Path.Combine(_dir, "nothing"));
        Directory.CreateSymbolicLink(Path.Combine(_dir, "to-folder"), Path.Combine(_dir, "sub"));

        string relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), _dir);
        foreach (string folder in new[] { _dir, relative })
        {
            var listed = Links.FilesIn(folder);
            Assert.Equal(Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal), listed.Select(f => f.Path));
            Assert.All(listed, f => Assert.StartsWith(folder, f.Path, StringComparison.Ordinal));
            Assert.Equal(["dangling.json", "to-file.json"], listed.Where(f => f.IsLink).Select(f => Path.GetFileName(f.Path)));
        }
    }
}
