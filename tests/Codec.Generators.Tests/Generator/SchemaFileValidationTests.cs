using System.Text.Json;
using System.Text.Json.Nodes;
using Codec.Tests.Infrastructure;
using Json.Schema;

namespace Codec.Tests.Generator;

/// <summary>
/// Every schema file of the repository (and of the tests) is valid against the JSON Schema its <c>$schema</c> names —
/// what an editor gives a schema author as completion and squiggles — and that is the schema language's one JSON Schema.
/// </summary>
public sealed class SchemaFileValidationTests
{
    // Built once each: the library registers a schema by its $id and refuses to register it again.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<JsonSchema>> Schemas = new();

    public static TheoryData<string> SchemaFiles()
    {
        var data = new TheoryData<string>();
        var files = Directory.EnumerateFiles(TestPaths.Schemas, "*.codec.json", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(TestPaths.TestsDirectory(), "TestSchemas"), "*.codec.json", SearchOption.AllDirectories));
        foreach (var f in files.Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(TestPaths.RepoRoot, f));
        return data;
    }

    // The one JSON Schema of the schema language: every kind of file (format versions, views, tables, datasets).
    private const string LanguageSchema = "codec.schema.json";

    [Theory]
    [MemberData(nameof(SchemaFiles))]
    public void A_schema_file_is_valid_against_the_json_schema_it_names(string relative)
    {
        string path = Path.Combine(TestPaths.RepoRoot, relative);
        var file = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        string named = file["$schema"]?.GetValue<string>() ?? "";
        Assert.Equal(LanguageSchema, Path.GetFileName(named));
        string schemaPath = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, named));
        Assert.True(File.Exists(schemaPath), $"{relative} names {named}, which does not exist");

        var schema = Schemas.GetOrAdd(schemaPath, p => new Lazy<JsonSchema>(() => JsonSchema.FromText(File.ReadAllText(p)))).Value;
        using var instance = JsonDocument.Parse(File.ReadAllText(path));
        var result = schema.Evaluate(instance.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, relative + ":\n" + string.Join("\n", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Value}"))));
    }

    [Fact]
    public void A_misspelt_key_fails_the_json_schema()
    {
        var schema = Schemas.GetOrAdd(Path.Combine(TestPaths.Schemas, "codec.schema.json"), p => new Lazy<JsonSchema>(() => JsonSchema.FromText(File.ReadAllText(p)))).Value;
        using var misspelt = JsonDocument.Parse("""{ "format": "a.b", "version": "1", "parent": "0", "implement": {} }""");
        using var valid = JsonDocument.Parse("""{ "format": "a.b", "version": "1", "parent": "0", "implements": {} }""");
        Assert.True(schema.Evaluate(valid.RootElement).IsValid);
        Assert.False(schema.Evaluate(misspelt.RootElement).IsValid);
        using var wrongBinding = JsonDocument.Parse("""{ "format": "a.b", "version": "1", "parent": "0", "implements": { "T": { "V": { "m": 3 } } } }""");
        Assert.False(schema.Evaluate(wrongBinding.RootElement).IsValid);
        using var table = JsonDocument.Parse("""{ "table": "a.b", "namespace": "A", "name": "B", "rows": [ { "id": 0, "name": "x" } ], "colour": 1 }""");
        Assert.False(schema.Evaluate(table.RootElement).IsValid);
    }
}
