using Codec.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Codec.Tests.Generator;

/// <summary>Each schema problem gets its own diagnostic, located at the schema file's line and column.</summary>
public sealed class DiagnosticTests
{
    private const string ValidHeader = """
        {
          "format": "test.doc",
          "version": "1.0",
          "namespace": "Test.Doc",
          "root": "Doc",
        """;

    private static Diagnostic Single(string schema, string id)
    {
        var (run, _) = GeneratorHarness.Run(GeneratorHarness.Schema("test.codec.json", schema));
        var matching = run.Diagnostics.Where(d => d.Id == id).ToList();
        Assert.True(matching.Count == 1, $"expected one {id}, got: {string.Join("; ", run.Diagnostics)}");
        Assert.Equal("/schemas/test.codec.json", matching[0].Location.GetLineSpan().Path);
        return matching[0];
    }

    /// <summary>Asserts the diagnostic starts at the 1-based line and column of the schema text.</summary>
    private static void AssertAt(Diagnostic d, int line, int column)
    {
        var start = d.Location.GetLineSpan().StartLinePosition;
        Assert.Equal((line, column), (start.Line + 1, start.Character + 1));
    }

    [Fact]
    public void CODEC001_invalid_json_points_at_the_broken_token()
    {
        var d = Single("{\n  \"format\": \"x\",\n  \"version\" \"1.0\"\n}", "CODEC001");
        AssertAt(d, 3, 13);
        Assert.Contains("expected ':'", d.GetMessage());
    }

    [Fact]
    public void CODEC002_missing_required_property()
    {
        var d = Single("{\n  \"format\": \"test.doc\",\n  \"namespace\": \"T\",\n  \"root\": \"Doc\",\n  \"types\": {}\n}", "CODEC002");
        AssertAt(d, 1, 1);
        Assert.Contains("'version'", d.GetMessage());
    }

    [Fact]
    public void CODEC003_malformed_version()
    {
        var d = Single("""
            {
              "format": "test.doc",
              "version": "v1.x",
              "namespace": "Test.Doc",
              "root": "Doc",
              "types": { "Doc": { "members": { "a": "int" } } }
            }
            """, "CODEC003");
        AssertAt(d, 3, 14);
        Assert.Contains("v1.x", d.GetMessage());
    }

    [Fact]
    public void CODEC004_unknown_type()
    {
        var d = Single(ValidHeader + """

              "types": {
                "Doc": { "members": { "a": "Vector7" } }
              }
            }
            """, "CODEC004");
        AssertAt(d, 7, 32);
        Assert.Contains("Vector7", d.GetMessage());
    }

    [Fact]
    public void CODEC005_duplicate_member()
    {
        var d = Single(ValidHeader + """

              "types": {
                "Doc": { "members": { "a": "int", "a": "float" } }
              }
            }
            """, "CODEC005");
        AssertAt(d, 7, 39);
    }

    [Fact]
    public void CODEC006_bad_range()
    {
        var d = Single(ValidHeader + """

              "types": {
                "Doc": { "members": { "a": { "type": "float", "range": [5, 1] } } }
              }
            }
            """, "CODEC006");
        AssertAt(d, 7, 60);
        Assert.Contains("greater than maximum", d.GetMessage());
    }

    [Fact]
    public void CODEC007_unknown_rule_lists_the_known_ones()
    {
        var d = Single(ValidHeader + """

              "types": { "Doc": { "members": { "v": "float[3]" } } },
              "rules": [ { "rule": "is_shiny", "vector": "/v" } ]
            }
            """, "CODEC007");
        AssertAt(d, 7, 24);
        Assert.Contains("unit_vector", d.GetMessage());
    }

    [Fact]
    public void CODEC008_rule_argument_of_the_wrong_kind()
    {
        var d = Single(ValidHeader + """

              "types": { "Doc": { "members": { "v": "float[2]" } } },
              "rules": [ { "rule": "unit_vector", "vector": "/v" } ]
            }
            """, "CODEC008");
        AssertAt(d, 7, 49);
        Assert.Contains("float[2]", d.GetMessage());
    }

    [Fact]
    public void CODEC008_rule_argument_that_does_not_resolve()
    {
        var d = Single(ValidHeader + """

              "types": { "Doc": { "members": { "v": "float[3]" } } },
              "rules": [ { "rule": "unit_vector", "vector": "/w" } ]
            }
            """, "CODEC008");
        Assert.Contains("no member 'w'", d.GetMessage());
    }

    [Fact]
    public void CODEC009_unknown_schema_property_is_an_error()
    {
        var d = Single(ValidHeader + """

              "types": { "Doc": { "members": { "a": { "type": "int", "optinal": true } } } }
            }
            """, "CODEC009");
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        AssertAt(d, 6, 58);
    }

    [Fact]
    public void CODEC010_same_version_twice()
    {
        string schema = ValidHeader + "\n  \"types\": { \"Doc\": { \"members\": { \"a\": \"int\" } } }\n}";
        var (run, _) = GeneratorHarness.Run(GeneratorHarness.Schema("a.codec.json", schema), GeneratorHarness.Schema("b.codec.json", schema));
        var d = Assert.Single(run.Diagnostics, x => x.Id == "CODEC010");
        Assert.Equal("/schemas/b.codec.json", d.Location.GetLineSpan().Path);
        Assert.Contains("a.codec.json", d.GetMessage());
    }

    [Fact]
    public void CODEC011_invalid_value()
    {
        var d = Single(ValidHeader + """

              "unknownMembers": "explode",
              "types": { "Doc": { "members": { "a": "int" } } }
            }
            """, "CODEC011");
        AssertAt(d, 6, 21);
    }

    [Fact]
    public void CODEC012_recursive_type()
    {
        var d = Single(ValidHeader + """

              "types": {
                "Doc": { "members": { "child": "Doc" } }
              }
            }
            """, "CODEC012");
        AssertAt(d, 7, 5);
    }

    [Fact]
    public void CODEC013_member_names_that_collide_in_csharp()
    {
        var d = Single(ValidHeader + """

              "types": { "Doc": { "members": { "focal_length": "float", "focalLength": "float" } } }
            }
            """, "CODEC013");
        AssertAt(d, 6, 61);
    }

    [Fact]
    public void Valid_schema_reports_nothing_and_compiles()
    {
        var (run, compile) = GeneratorHarness.Run(GeneratorHarness.Schema("test.codec.json", ValidHeader + """

              "versionMember": "version",
              "types": {
                "Doc": { "members": { "version": "string", "v": "float[3]", "tags": "list<string>", "map": "map<int>" } }
              },
              "rules": [ { "rule": "unit_vector", "vector": "/v" }, { "rule": "dense_mapping", "map": "/map" } ]
            }
            """));
        Assert.Empty(run.Diagnostics);
        Assert.Empty(compile);
        Assert.Equal(8, run.GeneratedSources.Length); // model, decoder, encoder, validator, registration, views; dispatcher, changelog
    }

    [Fact]
    public void Two_rules_on_the_same_key_get_distinct_trackers()
    {
        var (run, compile) = GeneratorHarness.Run(GeneratorHarness.Schema("test.codec.json", ValidHeader + """

              "types": {
                "Doc": { "members": { "points": "list<P>" } },
                "P": { "members": { "id": "int" } }
              },
              "rules": [ { "rule": "unique", "key": "/points/*/id" }, { "rule": "unique", "key": "/points/*/id", "knownBug": true } ]
            }
            """));
        Assert.Empty(run.Diagnostics);
        Assert.Empty(compile);
    }
}
