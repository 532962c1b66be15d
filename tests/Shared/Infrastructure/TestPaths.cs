using System.Runtime.CompilerServices;

namespace Codec.Tests.Infrastructure;

/// <summary>Where the repository, its schemas and the shared fixtures are, found from this source file's location.</summary>
public static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Schemas => Path.Combine(RepoRoot, "schemas");

    /// <summary>Files the tests' own peers wrote (NumPy, SoX, OpenEXR, Pillow), committed with the scripts that wrote them.</summary>
    public static string TestFixtures => Path.Combine(TestsDirectory(), "Fixtures");

    public static string SampleData => Path.Combine(RepoRoot, "src", "Codec.Cli", "SampleData");

    /// <summary><c>../shared/fixtures</c> beside the checkout: real files written by the producers.</summary>
    public static string Fixtures => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "fixtures"));

    public static string SynthesisFixtures => Path.Combine(Fixtures, "synthesis");

    /// <summary>Files NumPy wrote for the tests (committed; <c>make_fixtures.py</c> beside them rewrites them).</summary>
    public static string NumpyFixtures => Path.Combine(TestFixtures, "numpy");

    /// <summary>WAV files written by Python's wave module and SoX (committed; <c>make_fixtures.sh</c> rewrites them).</summary>
    public static string AudioFixtures => Path.Combine(TestFixtures, "audio");

    /// <summary>The shared Audio2Face-3D-world fixtures (wav, npy, maya).</summary>
    public static string A2fFixtures => Path.Combine(Fixtures, "a2f");

    public static bool HasFixtures => Directory.Exists(SynthesisFixtures);

    /// <summary>The <c>tests/</c> folder: the test projects, and the snapshots, fixtures and test schemas they share.</summary>
    public static string TestsDirectory() => Path.Combine(RepoRoot, "tests");

    private static string FindRepoRoot([CallerFilePath] string path = "")
    {
        var dir = new DirectoryInfo(Path.GetDirectoryName(path)!);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Codec.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Codec.sln not found above " + path);
    }
}

/// <summary>A fact that needs <c>../shared/fixtures</c>: skipped with a message where the folder is absent.</summary>
public sealed class FixtureFactAttribute : FactAttribute
{
    public FixtureFactAttribute()
    {
        if (!TestPaths.HasFixtures) Skip = $"real-world fixtures not found at {TestPaths.Fixtures} (they live in ../shared beside the checkout)";
    }
}

/// <summary>A theory over fixture files: skipped with a message where <c>../shared/fixtures</c> is absent.</summary>
public sealed class FixtureTheoryAttribute : TheoryAttribute
{
    public FixtureTheoryAttribute()
    {
        if (!TestPaths.HasFixtures) Skip = $"real-world fixtures not found at {TestPaths.Fixtures} (they live in ../shared beside the checkout)";
    }
}
