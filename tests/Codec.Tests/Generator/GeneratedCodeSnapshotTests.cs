using System.Text.RegularExpressions;
using Codec.Tests.Infrastructure;

namespace Codec.Tests.Generator;

/// <summary>
/// Pins the code generated for every schema folder in the repository (one format per folder; versions derive from
/// each other, so a folder is generated together). Review the diff when a change is intended.
/// </summary>
public sealed class GeneratedCodeSnapshotTests
{
    public static TheoryData<string> SchemaFolders()
    {
        var data = new TheoryData<string>();
        foreach (var folder in Directory.EnumerateFiles(TestPaths.Schemas, "*.codec.json", SearchOption.AllDirectories)
                     .Select(f => Path.GetRelativePath(TestPaths.Schemas, Path.GetDirectoryName(f)!).Replace('\\', '/'))
                     .Distinct().Order(StringComparer.Ordinal))
        {
            data.Add(folder);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SchemaFolders))]
    public void Generated_code_matches_snapshot(string folder)
    {
        var schemas = Directory.EnumerateFiles(Path.Combine(TestPaths.Schemas, folder), "*.codec.json")
            .Select(f => GeneratorHarness.Schema(Path.GetFileName(f), File.ReadAllText(f))).ToArray();
        var (run, compile) = GeneratorHarness.Run(schemas);

        Assert.Empty(run.Diagnostics);
        Assert.Empty(compile);
        string prefix = "generated/" + folder + "/";
        var expectedNames = new List<string>();
        foreach (var source in run.GeneratedSources.OrderBy(s => s.HintName, StringComparer.Ordinal))
        {
            string name = prefix + source.HintName;
            expectedNames.Add(name);
            Snapshot.Verify(name, Scrub(source.SourceText.ToString()));
        }

        // A snapshot whose output disappeared is a change too.
        if (!Snapshot.Accepting) Assert.Equal(expectedNames.Order(StringComparer.Ordinal), Snapshot.Existing(prefix).Order(StringComparer.Ordinal));
    }

    private static string Scrub(string source) =>
        Regex.Replace(source, "GeneratedCode\\(\"Codec.Generators\", \"[^\"]+\"\\)", "GeneratedCode(\"Codec.Generators\", \"%VERSION%\")");
}
