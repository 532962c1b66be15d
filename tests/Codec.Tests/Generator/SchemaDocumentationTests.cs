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
    public void The_json_schema_lists_exactly_the_rules_the_generator_knows()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.Schemas, "codec.schema.json")));
        var listed = schema.RootElement.GetProperty("$defs").GetProperty("rule").GetProperty("properties").GetProperty("rule")
            .GetProperty("enum").EnumerateArray().Select(e => e.GetString()!).Order(StringComparer.Ordinal);
        Assert.Equal(RuleCatalog.Rules.Keys.Order(StringComparer.Ordinal), listed);
    }

    [Fact]
    public void Every_rule_is_documented_in_the_README()
    {
        string readme = File.ReadAllText(Path.Combine(TestPaths.Schemas, "README.md"));
        Assert.All(RuleCatalog.Rules.Keys, rule => Assert.Contains("| `" + rule + "` |", readme));
    }
}
