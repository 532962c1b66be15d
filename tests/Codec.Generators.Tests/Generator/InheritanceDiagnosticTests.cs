using Codec.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Codec.Tests.Generator;

/// <summary>Derived versions: each problem of "parent", "changes" and "removeRules" is its own located diagnostic.</summary>
public sealed class InheritanceDiagnosticTests
{
    private const string Base = """
        {
          "format": "test.doc",
          "version": "1.0",
          "namespace": "Test.Doc",
          "root": "Doc",
          "versionMember": "version",
          "types": {
            "Doc": { "members": { "version": "string", "v": "float[3]", "name": "string", "point": "Point" } },
            "Point": { "members": { "x": "float", "y": "float" } }
          },
          "rules": [ { "rule": "unit_vector", "vector": "/v" } ]
        }
        """;

    private static GeneratorRunResult Run(string derived) =>
        GeneratorHarness.Run(GeneratorHarness.Schema("base.codec.json", Base), GeneratorHarness.Schema("derived.codec.json", derived)).Run;

    private static Diagnostic Single(GeneratorRunResult run, string id, string file = "derived.codec.json")
    {
        var matching = run.Diagnostics.Where(d => d.Id == id).ToList();
        Assert.True(matching.Count == 1, $"expected one {id}, got: {string.Join("; ", run.Diagnostics)}");
        Assert.Equal("/schemas/" + file, matching[0].Location.GetLineSpan().Path);
        return matching[0];
    }

    private static (int Line, int Column) At(Diagnostic d)
    {
        var start = d.Location.GetLineSpan().StartLinePosition;
        return (start.Line + 1, start.Character + 1);
    }

    private static string Derived(string body) => "{\n  \"format\": \"test.doc\",\n  \"version\": \"1.1\",\n  \"parent\": \"1.0\",\n" + body + "\n}";

    [Fact]
    public void A_valid_derived_version_generates_and_compiles()
    {
        var (run, compile) = GeneratorHarness.Run(GeneratorHarness.Schema("base.codec.json", Base), GeneratorHarness.Schema("derived.codec.json", Derived("""
              "changes": {
                "Doc": { "add": { "tags": "list<string>" }, "remove": ["name"], "rename": { "point": "position" } },
                "Point": { "retype": { "x": "int" } }
              }
            """)));
        Assert.Empty(run.Diagnostics);
        Assert.Empty(compile);
        Assert.Contains(run.GeneratedSources, s => s.HintName == "Test.Doc.V1_1.Doc.Model.g.cs");
        string model = run.GeneratedSources.Single(s => s.HintName == "Test.Doc.V1_1.Doc.Model.g.cs").SourceText.ToString();
        Assert.Contains("public Point Position { get; }", model);
        Assert.DoesNotContain(" Name ", model);
        Assert.Contains("public long X", model);
    }

    [Fact]
    public void CODEC015_missing_parent_lists_the_versions_of_the_format()
    {
        var d = Single(Run(Derived("\"changes\": {}").Replace("\"parent\": \"1.0\"", "\"parent\": \"0.9\"")), "CODEC015");
        Assert.Equal((4, 13), At(d));
        Assert.Contains("derives from version '0.9'", d.GetMessage());
        Assert.Contains("known versions: 1.0, 1.1", d.GetMessage());
    }

    [Fact]
    public void CODEC016_versions_deriving_from_each_other_in_a_cycle()
    {
        string a = Derived("\"changes\": {}").Replace("\"parent\": \"1.0\"", "\"parent\": \"1.2\"");
        string b = a.Replace("\"version\": \"1.1\"", "\"version\": \"1.2\"").Replace("\"parent\": \"1.2\"", "\"parent\": \"1.1\"");
        var (run, _) = GeneratorHarness.Run(GeneratorHarness.Schema("a.codec.json", a), GeneratorHarness.Schema("b.codec.json", b));
        var d = Assert.Single(run.Diagnostics, x => x.Id == "CODEC016");
        Assert.Contains("1.1 → 1.2 → 1.1", d.GetMessage().Replace("1.2 → 1.1 → 1.2", "1.1 → 1.2 → 1.1"));
        Assert.DoesNotContain(run.GeneratedSources, s => s.HintName.Contains("V1_1", StringComparison.Ordinal) || s.HintName.Contains("V1_2", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\"changes\": { \"Doc\": { \"remove\": [\"nmae\"] } }", "cannot remove 'nmae'")]
    [InlineData("\"changes\": { \"Doc\": { \"rename\": { \"nmae\": \"title\" } } }", "cannot rename 'nmae'")]
    [InlineData("\"changes\": { \"Doc\": { \"retype\": { \"nmae\": \"int\" } } }", "cannot retype 'nmae'")]
    public void CODEC017_changing_a_member_the_parent_does_not_have(string changes, string expected)
    {
        var d = Single(Run(Derived(changes)), "CODEC017");
        Assert.Equal(5, At(d).Line);
        Assert.Contains(expected, d.GetMessage());
        Assert.Contains("its members: version, v, name, point", d.GetMessage());
    }

    [Fact]
    public void A_rename_carries_to_the_inherited_rules_once()
    {
        // v renamed to direction, and Point.x (reached through point) to u: the inherited rules read the new names.
        const string withRules = """
            {
              "format": "test.doc",
              "version": "1.0",
              "namespace": "Test.Doc",
              "root": "Doc",
              "versionMember": "version",
              "types": {
                "Doc": { "members": { "version": "string", "v": "float[3]", "points": "list<Point>" } },
                "Point": { "members": { "x": "int", "y": "float" } }
              },
              "rules": [ { "rule": "unit_vector", "vector": "/v" }, { "rule": "unique", "key": "/points/*/x" } ]
            }
            """;
        string derived = Derived("\"changes\": { \"Doc\": { \"rename\": { \"v\": \"direction\" } }, \"Point\": { \"rename\": { \"x\": \"u\" } } }");
        var (run, compile) = GeneratorHarness.Run(GeneratorHarness.Schema("base.codec.json", withRules), GeneratorHarness.Schema("derived.codec.json", derived));
        Assert.Empty(run.Diagnostics);
        Assert.Empty(compile);
        string changelog = string.Concat(run.GeneratedSources.Where(s => s.HintName.EndsWith("Changelog.g.cs", StringComparison.Ordinal)).Select(s => s.SourceText.ToString()));
        Assert.Contains("rule added: `unit_vector` /direction", changelog);
        Assert.Contains("rule added: `unique` /points/*/u", changelog);
        Assert.Contains("rule removed: `unique` /points/*/x", changelog);

        // Written again by hand (as before renames were followed), the rule is there once, not twice.
        string again = Derived("\"changes\": { \"Doc\": { \"rename\": { \"v\": \"direction\" } } },\n  \"rules\": [ { \"rule\": \"unit_vector\", \"vector\": \"/direction\" } ]");
        (run, _) = GeneratorHarness.Run(GeneratorHarness.Schema("base.codec.json", withRules), GeneratorHarness.Schema("derived.codec.json", again));
        Assert.Empty(run.Diagnostics);
        string validator = string.Concat(run.GeneratedSources.Where(s => s.HintName.Contains("V1_1", StringComparison.Ordinal) && s.HintName.Contains("Validator", StringComparison.Ordinal)).Select(s => s.SourceText.ToString()));
        Assert.NotEmpty(validator);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(validator, "UnitVector\\("));
    }

    [Fact]
    public void CODEC017_removing_a_rule_the_parent_does_not_have()
    {
        var d = Single(Run(Derived("\"removeRules\": [ { \"rule\": \"unit_vector\", \"vector\": \"/w\" } ]")), "CODEC017");
        Assert.Contains("no rule 'unit_vector' with exactly these arguments", d.GetMessage());
    }

    [Fact]
    public void An_inherited_rule_broken_by_a_change_is_reported_at_parent_and_names_its_origin()
    {
        var d = Single(Run(Derived("\"changes\": { \"Doc\": { \"remove\": [\"v\"] } }")), "CODEC008");
        Assert.Equal((4, 13), At(d));
        Assert.Contains("inherited from base.codec.json, line 11; version 1.1", d.GetMessage());
    }

    [Fact]
    public void Changing_a_type_that_does_not_exist_is_CODEC004_and_adding_an_existing_member_CODEC005()
    {
        Assert.Contains("Dcument", Single(Run(Derived("\"changes\": { \"Dcument\": { \"remove\": [\"v\"] } }")), "CODEC004").GetMessage());
        Assert.Contains("use \"retype\"", Single(Run(Derived("\"changes\": { \"Doc\": { \"add\": { \"name\": \"int\" } } }")), "CODEC005").GetMessage());
    }

    [Fact]
    public void A_mistake_in_the_parent_is_reported_once_not_again_for_each_derived_version()
    {
        var (run, _) = GeneratorHarness.Run(
            GeneratorHarness.Schema("base.codec.json", Base.Replace("\"point\": \"Point\"", "\"point\": \"Pointt\"")),
            GeneratorHarness.Schema("derived.codec.json", Derived("\"changes\": {}")),
            GeneratorHarness.Schema("derived2.codec.json", Derived("\"changes\": {}").Replace("\"1.1\"", "\"1.2\"").Replace("\"1.0\"", "\"1.1\"")));
        var d = Assert.Single(run.Diagnostics);
        Assert.Equal("CODEC004", d.Id);
        Assert.Equal("/schemas/base.codec.json", d.Location.GetLineSpan().Path);
        Assert.Empty(run.GeneratedSources.Where(s => s.HintName.Contains(".V1_", StringComparison.Ordinal)));
    }

    [Fact]
    public void Changes_without_a_parent_are_CODEC011()
    {
        var (run, _) = GeneratorHarness.Run(GeneratorHarness.Schema("base.codec.json", Base.Replace("\"rules\"", "\"changes\": { \"Doc\": { \"remove\": [\"v\"] } },\n  \"rules\"")));
        Assert.Contains("apply to inherited or imported types", Assert.Single(run.Diagnostics, d => d.Id == "CODEC011").GetMessage());
    }

    [Fact]
    public void Aliases_nullable_and_product_are_checked()
    {
        string schema = Base
            .Replace("\"name\": \"string\"", "\"name\": { \"type\": \"string\", \"aliases\": [\"v\"] }")
            .Replace("\"x\": \"float\"", "\"x\": { \"type\": \"float\", \"nullable\": true, \"range\": [0, 1] }")
            .Replace("\"rules\"", "\"product\": { \"name\": \"Test\", \"anyOf\": [\"nope\"], \"values\": { \"name\": [0], \"name.deeper\": [1] } },\n  \"rules\"");
        var (run, _) = GeneratorHarness.Run(GeneratorHarness.Schema("base.codec.json", schema));
        Assert.Contains(run.Diagnostics, d => d.Id == "CODEC005" && d.GetMessage().Contains("'v'"));
        Assert.Contains(run.Diagnostics, d => d.Id == "CODEC012" && d.GetMessage().Contains("nullable member cannot have a range"));
        Assert.Contains(run.Diagnostics, d => d.Id == "CODEC011" && d.GetMessage().Contains("no member 'nope'"));
        Assert.Contains(run.Diagnostics, d => d.Id == "CODEC011" && d.GetMessage().Contains("no int member 'name'"));
        Assert.Contains(run.Diagnostics, d => d.Id == "CODEC011" && d.GetMessage().Contains("no int member 'name.deeper'"));
    }

    [Theory]
    [InlineData("\"Doc\": { \"add\": { \"render_seconds\": \"flaot\" } }", "at /changes/Doc/add/render_seconds")]
    [InlineData("\"Point\": { \"retype\": { \"x\": \"itn\" } }", "at /changes/Point/retype/x")]
    public void A_mistyped_type_in_changes_is_named_where_it_is_written(string changes, string pointer)
    {
        // The pointer is the derived file's own, where the author wrote the type, not the merged type's /types path.
        var d = Single(Run(Derived("\"changes\": { " + changes + " }")), "CODEC004");
        Assert.Contains(pointer, d.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(5, At(d).Line); // the line of "changes" in the derived file
    }
}
