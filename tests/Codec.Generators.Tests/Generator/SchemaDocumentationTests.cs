using System.Text.Json;
using System.Text.RegularExpressions;
using Codec.Generators.Checking;
using Codec.Tests.Infrastructure;

namespace Codec.Tests.Generator;

/// <summary>The schema language's documentation and JSON Schema say what the generator does.</summary>
public sealed class SchemaDocumentationTests
{
    [Fact]
    public void The_worked_example_in_schemas_README_generates_and_compiles()
    {
        string readme = File.ReadAllText(Path.Combine(TestPaths.Schemas, "README.md"));
        string example = Regex.Match(readme, "```json\\n(\\{\\n  \"\\$schema\".*?)\\n```", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("\"format\": \"demo.pose\"", example);

        var (run, compile) = GeneratorHarness.Run(GeneratorHarness.Schema("demo/pose-1.0.codec.json", example));
        Assert.Empty(run.Diagnostics);
        Assert.Empty(compile);
        Assert.Contains(run.GeneratedSources, s => s.HintName == "Demo.Pose.DemoPoseFormat.g.cs");
    }

    [Fact]
    public void The_csharp_snippets_of_schemas_README_compile_as_given()
    {
        // Each ```csharp block, as a reader would paste it: its declarations (a bound class) at the top level, its
        // statements in a method, against the worked example's generated code and Codec's own assemblies.
        string readme = File.ReadAllText(Path.Combine(TestPaths.Schemas, "README.md"));
        string example = Regex.Match(readme, "```json\\n(\\{\\n  \"\\$schema\".*?)\\n```", RegexOptions.Singleline).Groups[1].Value;
        var snippets = Regex.Matches(readme, "```csharp\\n(.*?)\\n```", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToList();
        Assert.True(snippets.Count >= 2, "schemas/README.md shows how to use generated code in C#");
        var sources = snippets.Select((snippet, i) =>
        {
            var lines = snippet.Split('\n');
            bool IsDeclaration(string line) => line.StartsWith('[') || line.StartsWith("public partial class", StringComparison.Ordinal);
            return "using System; using System.IO; using Codec.Runtime.Binding; using Codec.Runtime.Findings; using Codec.Runtime.Json;\n"
                + string.Join("\n", lines.Where(IsDeclaration))
                + $"\nstatic class Snippet{i} {{ static void Run() {{\n{string.Join("\n", lines.Where(l => !IsDeclaration(l)))}\n}} }}";
        }).ToArray();
        var compilation = GeneratorHarness.CreateCompilation(sources)
            .AddReferences(Microsoft.CodeAnalysis.MetadataReference.CreateFromFile(typeof(Codec.Formats.BuiltInFormats).Assembly.Location));
        GeneratorHarness.CreateDriver(GeneratorHarness.Schema("demo/pose-1.0.codec.json", example)).RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error).Select(d => d.ToString()));
    }

    [Fact]
    public void Every_diagnostic_is_documented_in_the_README()
    {
        string readme = File.ReadAllText(Path.Combine(TestPaths.Schemas, "README.md"));
        var ids = typeof(Codec.Generators.CodecGenerator).Assembly.GetType("Codec.Generators.Diagnostics.DiagnosticDescriptors")!
            .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Select(f => ((Microsoft.CodeAnalysis.DiagnosticDescriptor)f.GetValue(null)!).Id).ToList();
        Assert.True(ids.Count >= 20);
        Assert.All(ids, id => Assert.Contains("| " + id + " |", readme));
    }

    [Fact]
    public void The_json_schema_lists_exactly_the_top_level_properties_the_reader_knows()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.Schemas, "codec.schema.json")));
        var listed = schema.RootElement.GetProperty("$defs").GetProperty("formatVersion").GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
        var known = (HashSet<string>)typeof(Codec.Generators.CodecGenerator).Assembly.GetType("Codec.Generators.Reading.SchemaReader")!
            .GetField("TopLevelKeys", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.GetValue(null)!;
        Assert.Equal(known.Order(StringComparer.Ordinal), listed);
    }

    [Fact]
    public void The_derived_version_example_in_schemas_README_is_valid_against_its_parent()
    {
        string readme = File.ReadAllText(Path.Combine(TestPaths.Schemas, "README.md"));
        string example = Regex.Match(readme, "```json\\n(\\{\\n  \"\\$schema\": \"\\.\\./\\.\\./codec\\.schema\\.json\",\\n  \"format\": \"synthesis\\.info\",\\n  \"version\".*?)\\n```", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("\"parent\": \"1.3\"", example);
        // In place of the real 1.4: everything the example changes or removes must exist in 1.3.
        var schemas = Directory.EnumerateFiles(Path.Combine(TestPaths.Schemas, "synthesis", "info"), "*.codec.json")
            .Where(f => !f.EndsWith("info-1.4.codec.json", StringComparison.Ordinal) && !GeneratorHarness.IsLibraryFile(f))
            .Select(f => GeneratorHarness.Schema(Path.GetFileName(f), File.ReadAllText(f)))
            .Append(GeneratorHarness.Schema("info-1.4.codec.json", example))
            .Concat(GeneratorHarness.ReferenceTables())
            .ToArray();
        var (run, compile) = GeneratorHarness.Run(schemas);
        Assert.Empty(run.Diagnostics);
        Assert.Empty(compile);
    }
}
