using System.Text.Json.Nodes;
using Codec.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Codec.Tests.Generator;

/// <summary>Type libraries: imported where used, their mistakes located, and one C# type per shape across versions.</summary>
public sealed class TypeLibraryTests
{
    private const string Library = """
        {
          "library": "test.shared",
          "namespace": "Test.Shared",
          "types": {
            "Point": { "members": { "x": "float", "y": "float", "kind": "Kind" } },
            "Kind": { "enum": ["a", "b"], "open": true }
          }
        }
        """;

    private static string Version(string version, string extra = "", string imports = "\"test.shared\"") => $$"""
        {
          "format": "test.doc",
          "version": "{{version}}",
          "namespace": "Test.Doc",
          "root": "Doc",
          "versionMember": "version",
          "imports": [{{imports}}],
          {{extra}}
          "types": { "Doc": { "members": { "version": "string", "point": "Point", "points": "list<Point>" } } }
        }
        """;

    private static (GeneratorRunResult Run, IReadOnlyList<Diagnostic> Compile) Generate(params (string Name, string Text)[] files) =>
        GeneratorHarness.Run(files.Select(f => GeneratorHarness.Schema(f.Name, f.Text)).ToArray());

    private static Diagnostic Single(GeneratorRunResult run, string id, string file)
    {
        var matching = run.Diagnostics.Where(d => d.Id == id).ToList();
        Assert.True(matching.Count == 1, $"expected one {id}, got: {string.Join("; ", run.Diagnostics)}");
        Assert.Equal("/schemas/" + file, matching[0].Location.GetLineSpan().Path);
        return matching[0];
    }

    [Fact]
    public void Two_versions_importing_a_library_share_its_classes_and_compile()
    {
        var (run, compile) = Generate(("shared.codec.json", Library), ("v1.codec.json", Version("1.0")), ("v2.codec.json", Version("2.0")));
        Assert.Empty(run.Diagnostics);
        Assert.Empty(compile);
        var sources = run.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        string library = sources["Test.Shared.Model.g.cs"];
        Assert.Contains("public sealed partial class Point", library);
        Assert.Contains("public enum Kind", library);
        foreach (var version in new[] { "V1_0", "V2_0" })
        {
            string model = sources[$"Test.Doc.{version}.Doc.Model.g.cs"];
            Assert.DoesNotContain("class Point", model);
            Assert.DoesNotContain("enum Kind", model);
            Assert.Contains("using Point = global::Test.Shared.Point;", model);
            Assert.Contains("using KindNames = global::Test.Shared.KindNames;", sources[$"Test.Doc.{version}.Doc.Decoder.g.cs"]);
        }
    }

    [Fact]
    public void A_changed_imported_type_is_the_versions_own_and_an_unchanged_inherited_one_is_shared()
    {
        string changed = Version("2.0", "\"changes\": { \"Point\": { \"add\": { \"z\": { \"type\": \"float\", \"optional\": true } } } },");
        string derived = """{ "format": "test.doc", "version": "2.1", "parent": "2.0" }""";
        var (run, compile) = Generate(("shared.codec.json", Library), ("v1.codec.json", Version("1.0")), ("v2.codec.json", changed), ("v21.codec.json", derived));
        Assert.Empty(run.Diagnostics);
        Assert.Empty(compile);
        var sources = run.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        Assert.Contains("public sealed partial class Point", sources["Test.Doc.V2_0.Doc.Model.g.cs"]);
        Assert.Contains("using Point = global::Test.Doc.V2_0.Point;", sources["Test.Doc.V2_1.Doc.Model.g.cs"]);
        Assert.Contains("using Kind = global::Test.Shared.Kind;", sources["Test.Doc.V2_0.Doc.Model.g.cs"]);
    }

    [Fact]
    public void An_unknown_library_is_CODEC027_at_the_import()
    {
        var (run, _) = Generate(("shared.codec.json", Library), ("v1.codec.json", Version("1.0", imports: "\"test.sharde\"")));
        var d = Single(run, "CODEC027", "v1.codec.json");
        Assert.Contains("no type library 'test.sharde'", d.GetMessage());
        Assert.Contains("test.shared", d.GetMessage());
    }

    [Fact]
    public void A_type_two_imports_define_is_CODEC027()
    {
        string other = Library.Replace("test.shared", "test.other").Replace("Test.Shared", "Test.Other");
        var (run, _) = Generate(("shared.codec.json", Library), ("other.codec.json", other), ("v1.codec.json", Version("1.0", imports: "\"test.shared\", \"test.other\"")));
        var conflicts = run.Diagnostics.Where(d => d.Id == "CODEC027").Select(d => d.GetMessage()).ToList();
        Assert.Contains(conflicts, m => m.Contains("type Point is defined by both 'test.shared' and 'test.other'"));
        Assert.Contains(conflicts, m => m.Contains("type Kind is defined by both 'test.shared' and 'test.other'"));
        Assert.All(run.Diagnostics, d => Assert.Equal("/schemas/v1.codec.json", d.Location.GetLineSpan().Path));
    }

    [Theory]
    [InlineData("Test.Doc.V1_0", "v1.codec.json")]
    [InlineData("Test.Shared", "shared.codec.json")]
    public void A_library_in_a_namespace_already_taken_is_CODEC027_at_its_namespace(string taken, string owner)
    {
        // Its types would land beside the version's (or the other library's) and collide with theirs.
        string second = Library.Replace("test.shared", "test.second").Replace("\"Test.Shared\"", "\"" + taken + "\"");
        var (run, _) = Generate(("shared.codec.json", Library), ("zsecond.codec.json", second), ("v1.codec.json", Version("1.0")));
        var d = Single(run, "CODEC027", "zsecond.codec.json");
        Assert.Contains($"namespace {taken} is already {owner}'s; a type library's namespace is its own", d.GetMessage());
        Assert.Equal(3, d.Location.GetLineSpan().StartLinePosition.Line + 1);
    }

    [Fact]
    public void A_library_naming_a_type_it_does_not_declare_is_CODEC004_in_the_library()
    {
        var (run, _) = Generate(("shared.codec.json", Library.Replace("\"kind\": \"Kind\"", "\"kind\": \"Knid\"")), ("v1.codec.json", Version("1.0")));
        Single(run, "CODEC004", "shared.codec.json");
        Assert.Contains("has errors", Single(run, "CODEC027", "v1.codec.json").GetMessage());
    }

    [Fact]
    public void No_object_type_is_declared_twice_among_the_built_in_schemas()
    {
        // A declaration written out again, in any schema file (versions and libraries), is what imports are for.
        var seen = new Dictionary<string, string>();
        foreach (var file in Directory.EnumerateFiles(TestPaths.Schemas, "*.codec.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (JsonNode.Parse(File.ReadAllText(file))?["types"] is not JsonObject types) continue;
            foreach (var (name, declaration) in types)
            {
                string key = name + " " + Canonical(declaration);
                string here = Path.GetRelativePath(TestPaths.Schemas, file);
                Assert.False(seen.TryGetValue(key, out var first), $"type {name} is declared identically in {first} and {here}");
                seen[key] = here;
            }
        }
    }

    // Property order aside, but not member order: the encoder writes members in it, so types that differ only in it
    // (info.json's and metadata.jsonl's Accessories) are different types.
    private static string Canonical(JsonNode? node, bool keepOrder = false) => node switch
    {
        JsonObject o => "{" + string.Join(",", (keepOrder ? o.AsEnumerable() : o.OrderBy(p => p.Key, StringComparer.Ordinal))
            .Select(p => p.Key + ":" + Canonical(p.Value, p.Key == "members"))) + "}",
        JsonArray a => "[" + string.Join(",", a.Select(i => Canonical(i))) + "]",
        null => "null",
        _ => node.ToJsonString(),
    };
}
