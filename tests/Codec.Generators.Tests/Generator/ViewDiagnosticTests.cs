using Codec.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Codec.Tests.Generator;

/// <summary>Views: a version that does not satisfy a view it claims is CODEC025 at the mapping; one that does compiles.</summary>
public sealed class ViewDiagnosticTests
{
    private const string Views = """
        {
          "format": "test.doc",
          "namespace": "Test.Doc",
          "root": "Document",
          "views": {
            "Document": { "members": { "title": "string", "size": "float", "origin": "Place", "places": "list<Place>" } },
            "Place": { "members": { "x": "float", "y": "float" } }
          }
        }
        """;

    // Version 1.0 maps everything; "{0}" is replaced by each test's own implements section.
    private const string Version = """
        {
          "format": "test.doc",
          "version": "1.0",
          "namespace": "Test.Doc",
          "root": "Doc",
          "versionMember": "version",
          "types": {
            "Doc": { "members": { "version": "string", "name": "string", "count": "int", "home": "Point", "points": "list<Point>", "kind": "Kind" } },
            "Point": { "members": { "x": "float", "y": "float", "z": "float" } },
            "Kind": { "enum": ["a", "b"] }
          },
          "implements": IMPLEMENTS
        }
        """;

    private const string Valid = """
        {
          "Doc": { "Document": { "title": "name", "size": "count", "origin": "home", "places": "points" } },
          "Point": { "Place": {} }
        }
        """;

    private static GeneratorRunResult Run(string implements, string? derived = null)
    {
        var schemas = new List<AdditionalText>
        {
            GeneratorHarness.Schema("test.views.codec.json", Views),
            GeneratorHarness.Schema("test-1.0.codec.json", Version.Replace("IMPLEMENTS", implements)),
        };
        if (derived is not null) schemas.Add(GeneratorHarness.Schema("test-1.1.codec.json", derived));
        var (run, compile) = GeneratorHarness.Run(schemas.ToArray());
        if (run.Diagnostics.IsEmpty) Assert.Empty(compile);
        return run;
    }

    // Every diagnostic is CODEC025 and one of them says what the test expects (one mistake may be found at two members).
    private static void Reports(GeneratorRunResult run, string containing)
    {
        Assert.NotEmpty(run.Diagnostics);
        Assert.All(run.Diagnostics, d => Assert.Equal("CODEC025", d.Id));
        Assert.Contains(run.Diagnostics, d => d.GetMessage().Contains(containing, StringComparison.Ordinal));
    }

    private static Diagnostic Single(GeneratorRunResult run, string containing)
    {
        var matching = run.Diagnostics.Where(d => d.Id == "CODEC025").ToList();
        Assert.True(matching.Count == 1, $"expected one CODEC025, got: {string.Join("; ", run.Diagnostics)}");
        Assert.Contains(containing, matching[0].GetMessage(), StringComparison.Ordinal);
        return matching[0];
    }

    [Fact]
    public void A_version_that_maps_every_member_compiles_and_implements_the_views()
    {
        var run = Run(Valid);
        Assert.Empty(run.Diagnostics);
        var sources = string.Join("\n", run.GeneratedSources.Select(s => s.SourceText.ToString()));
        Assert.Contains("public interface IDocument : global::Codec.Runtime.Binding.ICodecDocument", sources);
        Assert.Contains("partial class Point : global::Test.Doc.IPlace", sources);
        // int widens to float; the dispatcher hands out the root view.
        Assert.Contains("double global::Test.Doc.IDocument.Size => (double)Count;", sources);
        Assert.Contains("public global::Test.Doc.IDocument? Decode(", sources);
    }

    [Fact]
    public void A_view_member_the_type_lacks_must_be_mapped_or_declared_absent()
    {
        var d = Single(Run("""{ "Doc": { "Document": { "size": "count", "origin": "home", "places": "points" } }, "Point": { "Place": {} } }"""),
            "version 1.0, Doc as Document.title: Doc has no member 'title'; map it");
        Assert.Equal("/schemas/test-1.0.codec.json", d.Location.GetLineSpan().Path);
        Assert.Empty(Run("""{ "Doc": { "Document": { "title": null, "size": "count", "origin": "home", "places": "points" } }, "Point": { "Place": {} } }""").Diagnostics);
    }

    [Fact]
    public void A_member_of_another_type_cannot_be_read_as_the_view_member()
    {
        Single(Run("""{ "Doc": { "Document": { "title": "count", "size": "count", "origin": "home", "places": "points" } }, "Point": { "Place": {} } }"""),
            "'count' is int, which cannot be read as string");
    }

    [Fact]
    public void A_view_typed_member_needs_a_type_that_implements_that_view()
    {
        Reports(Run("""{ "Doc": { "Document": { "title": "name", "size": "count", "origin": "home", "places": "points" } } }"""),
            "'home' is Point, which cannot be read as Place (Point does not implement view Place in this version)");
    }

    [Fact]
    public void The_root_type_must_implement_the_root_view()
    {
        Single(Run("""{ "Point": { "Place": {} } }"""), "the root type Doc must implement test.doc's root view Document");
    }

    [Fact]
    public void Unknown_views_members_and_types_are_named()
    {
        Single(Run("""{ "Doc": { "Documnet": {} }, "Point": { "Place": {} } }"""), "no view is named 'Documnet'");
        Single(Run(Valid.Replace("\"Point\": { \"Place\": {} }", "\"Pointe\": { \"Place\": {} }")), "has no object type 'Pointe'");
        Single(Run(Valid.Replace("\"places\": \"points\"", "\"places\": \"points\", \"colour\": \"name\"")), "view Document has no member 'colour'");
        Single(Run(Valid.Replace("\"origin\": \"home\"", "\"origin\": \"home/x/y\"")), "'x' is float, not an object");
    }

    [Fact]
    public void A_rename_carries_the_inherited_mapping_and_a_removal_is_told_which_member()
    {
        const string renamed = """
            {
              "format": "test.doc",
              "version": "1.1",
              "parent": "1.0",
              "changes": { "Doc": { "rename": { "count": "total" } } }
            }
            """;
        // Stated once, the rename carries to the mapping the version inherits: size now reads total.
        var run = Run(Valid, renamed);
        Assert.Empty(run.Diagnostics);
        string derivedViews = string.Concat(run.GeneratedSources.Where(s => s.HintName.Contains("V1_1", StringComparison.Ordinal)).Select(s => s.SourceText.ToString()));
        Assert.Matches(@"IDocument\.Size => \(?\w*\)?Total;", derivedViews);

        string removed = renamed.Replace("\"rename\": { \"count\": \"total\" }", "\"remove\": [\"count\"]");
        var d = Single(Run(Valid, removed), "version 1.1, Doc as Document.size: the mapping inherited from the parent reads 'count', but Doc has no member 'count' in this version");
        // Said in the file the author is editing (the derived version's), at its version, not in the parent's.
        Assert.EndsWith("-1.1.codec.json", d.Location.GetLineSpan().Path);
        Assert.Equal(3, d.Location.GetLineSpan().StartLinePosition.Line + 1);
        // Overriding the one member fixes it; the rest is inherited.
        Assert.Empty(Run(Valid, removed.Replace("\"changes\"", "\"implements\": { \"Doc\": { \"Document\": { \"size\": null } } },\n  \"changes\"")).Diagnostics);
    }

    [Fact]
    public void A_mapping_without_a_views_file_is_an_error()
    {
        var (run, _) = GeneratorHarness.Run(GeneratorHarness.Schema("test-1.0.codec.json", Version.Replace("IMPLEMENTS", Valid)));
        Reports(run, "format test.doc has no views file declaring view 'Document'");
    }

    [Fact]
    public void A_views_file_with_an_unknown_member_type_is_an_error()
    {
        var (run, _) = GeneratorHarness.Run(GeneratorHarness.Schema("test.views.codec.json", Views.Replace("\"size\": \"float\"", "\"size\": \"double\"")));
        Single(run, "'double' is not a view member type");
    }
}
