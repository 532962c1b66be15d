using Codec.Cli.Commands;
using Codec.Tests.Infrastructure;

namespace Codec.Tests.Cli;

/// <summary>
/// A clone made without Git LFS holds small pointer files where the data should be. Wherever codec reads a file — a
/// dataset's cache, a render's image, inspect — it says so once, with the pointer's oid and size and the fix, instead
/// of reporting a damaged file of the expected format.
/// </summary>
public sealed class LfsPointerTests : IDisposable
{
    private const string Pointer = "version https://git-lfs.github.com/spec/v1\noid sha256:4665a5ea423c2713d436b5ee50593a9640e0018c1550b5a0002f74190d6caea8\nsize 12345\n";

    private readonly string _dir = Directory.CreateTempSubdirectory("codec-lfs-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories)) Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories)) File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }

    [Fact]
    public void A_pointer_in_a_dataset_or_a_render_is_one_finding_that_names_the_fix()
    {
        string dataset = Path.Combine(_dir, "a2f"), job = Path.Combine(_dir, "job");
        CopyTree(Path.Combine(TestPaths.SampleData, "a2f"), dataset);
        CopyTree(Path.Combine(TestPaths.SampleData, "synthesis", "info-1.5"), job);
        File.WriteAllText(Path.Combine(dataset, "cache", "skin", "cp1_neutral", "cp1_neutral.npy"), Pointer);
        File.WriteAllText(Path.Combine(job, "0.segments.png"), Pointer);

        var stdout = new StringWriter();
        int exit = ValidateCommand.Run([dataset, job], new ValidateSettings { AsJson = true }, stdout, new StringWriter());
        Assert.Equal(1, exit);
        string report = stdout.ToString();
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(report, "is a Git LFS pointer \\(oid sha256:4665a5ea[0-9a-f]+, 12,345 bytes\\)").Count);
        Assert.Contains("git lfs pull", report);
        Assert.DoesNotContain("B801", report); // not "not a .npy file"
        Assert.DoesNotContain("\\\\x93NUMPY", report);
    }

    [Fact]
    public void Inspect_says_a_pointer_is_one()
    {
        string path = Path.Combine(_dir, "Claire_neutral.wav");
        File.WriteAllText(path, Pointer);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        InspectCommand.Run([path], false, stdout, stderr);
        Assert.Contains("Git LFS pointer", stdout.ToString() + stderr.ToString());
    }

    [Fact]
    public void Convert_refuses_a_pointer_with_the_same_finding()
    {
        string path = Path.Combine(_dir, "shot1.npy");
        File.WriteAllText(path, Pointer);
        var stderr = new StringWriter();
        Assert.Equal(1, ConvertCommand.Run(path, Path.Combine(_dir, "shot1.pc2"), null, false, new StringWriter(), stderr));
        Assert.Contains("F604: is a Git LFS pointer", stderr.ToString());
        Assert.False(File.Exists(Path.Combine(_dir, "shot1.pc2")));
    }
}
