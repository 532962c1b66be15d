using System.Runtime.CompilerServices;

namespace Codec.Benchmarks;

/// <summary>The files every suite reads: the real fixtures in ../shared/fixtures, else the repository's samples.</summary>
public static class BenchmarkFiles
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Resolve(string relative)
    {
        string fixture = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "fixtures", "synthesis", relative));
        if (File.Exists(fixture)) return fixture;
        // Without the shared fixtures, fall back to the sample of the same version.
        string version = relative.Contains("1.5") ? "info-1.5" : "info-1.2";
        return Path.Combine(RepoRoot, "src", "Codec.Cli", "SampleData", "synthesis", version, "0.info.json");
    }

    /// <summary>The lines of a real metadata.jsonl (face-api 1.2, 15 lines), else of the sample 1.2 one.</summary>
    public static byte[][] MetadataLines()
    {
        string fixture = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "fixtures", "synthesis", "face-api-1.2", "metadata.jsonl"));
        string path = File.Exists(fixture) ? fixture : Path.Combine(RepoRoot, "src", "Codec.Cli", "SampleData", "synthesis", "info-1.2", "metadata.jsonl");
        return File.ReadAllText(path).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(System.Text.Encoding.UTF8.GetBytes).ToArray();
    }

    private static string FindRepoRoot([CallerFilePath] string path = "")
    {
        var dir = new DirectoryInfo(Path.GetDirectoryName(path)!);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Codec.sln"))) dir = dir.Parent;
        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}
