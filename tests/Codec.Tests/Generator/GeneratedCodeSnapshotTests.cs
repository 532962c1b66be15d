using System.Text.RegularExpressions;
using Codec.Tests.Infrastructure;

namespace Codec.Tests.Generator;

/// <summary>Pins the code generated for every schema in the repository (review the diff when a change is intended).</summary>
public sealed class GeneratedCodeSnapshotTests
{
    public static TheoryData<string> SchemaFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(TestPaths.Schemas, "*.codec.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(TestPaths.Schemas, file).Replace('\\', '/'));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SchemaFiles))]
    public void Generated_code_matches_snapshot(string schema)
    {
        var text = File.ReadAllText(Path.Combine(TestPaths.Schemas, schema));
        var (run, compile) = GeneratorHarness.Run(GeneratorHarness.Schema(schema, text));

        Assert.Empty(run.Diagnostics);
        Assert.Empty(compile);
        string prefix = "generated/" + schema.Replace(".codec.json", "") + "/";
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
