using Codec.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Codec.Tests.Generator;

/// <summary>Reference tables: each mistake in a table, or in a rule naming one, is its own located diagnostic.</summary>
public sealed class TableDiagnosticTests
{
    private static string Table(string rows, string extra = "") => $$"""
        {
          "table": "test.points",
          "namespace": "Test.Tables",
          "name": "Point",{{extra}}
          "rows": [
        {{rows}}
          ]
        }
        """;

    private const string Format = """
        {
          "format": "test.doc",
          "version": "1.0",
          "namespace": "Test.Doc",
          "root": "Doc",
          "types": {
            "Doc": { "members": { "points": "list<P>", "m": "float[4][4]" } },
            "P": { "members": { "id": "int", "name": "string", "w": "float[3]" } }
          },
          "rules": [ RULE ]
        }
        """;

    private const string GoodRows = """
            { "id": 0, "name": "a" },
            { "id": 1, "name": "b", "location": { "x": "(a.x+c.x)/2" } },
            { "id": 2, "name": "c" }
        """;

    private static GeneratorRunResult Run(params (string Name, string Text)[] files) =>
        GeneratorHarness.Run(files.Select(f => (AdditionalText)GeneratorHarness.Schema(f.Name, f.Text)).ToArray()).Run;

    private static Diagnostic Single(GeneratorRunResult run, string id)
    {
        var matching = run.Diagnostics.Where(d => d.Id == id).ToList();
        Assert.True(matching.Count == 1, $"expected one {id}, got: {string.Join("; ", run.Diagnostics)}");
        return matching[0];
    }

    private static int Line(Diagnostic d) => d.Location.GetLineSpan().StartLinePosition.Line + 1;

    [Fact]
    public void A_clean_table_and_a_rule_using_it_compile()
    {
        var rows = GoodRows.Replace("(a.x+c.x)/2", "(0.1.x+0.2.x)/2").Replace("\"a\"", "\"0.1\"").Replace("\"c\"", "\"0.2\"");
        var (run, compile) = GeneratorHarness.Run(
            GeneratorHarness.Schema("points.codec.json", Table(rows)),
            GeneratorHarness.Schema("doc.codec.json", Format.Replace("RULE", """{ "rule": "table_entry", "table": "test.points", "id": "/points/*/id", "name": "/points/*/name" }""")));
        Assert.Empty(run.Diagnostics);
        Assert.Empty(compile);
    }

    [Fact]
    public void CODEC021_a_repeated_name_or_an_unannounced_shared_id()
    {
        var d = Single(Run(("t.codec.json", Table("""
                { "id": 0, "name": "a" },
                { "id": 1, "name": "a" }
            """))), "CODEC021");
        Assert.Equal(7, Line(d));
        Assert.Contains("name \"a\" is also row 0's", d.GetMessage());

        d = Single(Run(("t.codec.json", Table("""
                { "id": 0, "name": "a" },
                { "id": 0, "name": "b" }
            """))), "CODEC021");
        Assert.Contains("mark the row \"shares\": true", d.GetMessage());

        d = Single(Run(("t.codec.json", Table("""
                { "id": 0, "name": "a" },
                { "id": 1, "name": "b", "shares": true }
            """))), "CODEC021");
        Assert.Contains("no earlier row has id 1", d.GetMessage());

        d = Single(Run(("t.codec.json", Table("""
                { "id": 0, "name": "long sleeve" },
                { "id": 1, "name": "long_sleeve" }
            """))), "CODEC021");
        Assert.Contains("enum member 'LongSleeve' is also generated for \"long sleeve\"", d.GetMessage());

        // Shared ids are fine when announced, and names differing in case only collide when the table ignores case.
        Assert.Empty(Run(("t.codec.json", Table("""
                { "id": 0, "name": "a" },
                { "id": 0, "name": "b", "shares": true }
            """))).Diagnostics);
        Assert.Contains("ignoring case", Single(Run(("t.codec.json", Table("""
                { "id": 0, "name": "ab", "identifier": "X" },
                { "id": 1, "name": "AB", "identifier": "Y" }
            """, "\n  \"matchCase\": false,"))), "CODEC021").GetMessage());
    }

    [Theory]
    [InlineData("a.x + c.x", "expected P.x, (P.x+Q.x)/2")]
    [InlineData("(a.x+d.x)/2", "no row is named \"d\"")]
    [InlineData("(a.y+c.y)/2", "is read on another axis than the column's (x)")]
    [InlineData("b.x", "a point cannot constrain itself")]
    [InlineData("a.x or ", "nothing follows \"or\"")]
    public void CODEC022_a_location_constraint_that_does_not_parse(string text, string expected)
    {
        var d = Single(Run(("t.codec.json", Table(GoodRows.Replace("(a.x+c.x)/2", text)))), "CODEC022");
        Assert.Equal(7, Line(d));
        Assert.Contains(expected, d.GetMessage());
        Assert.Contains("b.x", d.GetMessage());
    }

    [Fact]
    public void CODEC023_a_rule_naming_a_table_no_file_defines()
    {
        var rule = """{ "rule": "table_name", "table": "test.pionts", "name": "/points/*/name" }""";
        var d = Single(Run(("t.codec.json", Table(GoodRows)), ("doc.codec.json", Format.Replace("RULE", rule))), "CODEC023");
        Assert.Contains("names table 'test.pionts'", d.GetMessage());
        Assert.Contains("known: test.points", d.GetMessage());
    }

    [Fact]
    public void Table_rules_need_a_table_and_location_constraints_need_a_table_that_states_them()
    {
        var noTable = """{ "rule": "table_name", "name": "/points/*/name" }""";
        Assert.Contains("parameter 'table'", Single(Run(("t.codec.json", Table(GoodRows)), ("doc.codec.json", Format.Replace("RULE", noTable))), "CODEC008").GetMessage());

        var plainRows = "    { \"id\": 0, \"name\": \"a\" }";
        var located = """{ "rule": "location_constraints", "table": "test.points", "head2world": "/m", "name": "/points/*/name", "world": "/points/*/w" }""";
        Assert.Contains("states no location constraints", Single(Run(("t.codec.json", Table(plainRows)), ("doc.codec.json", Format.Replace("RULE", located))), "CODEC008").GetMessage());

        var tableOnOther = """{ "rule": "unit_vector", "table": "test.points", "vector": "/points/*/w" }""";
        Assert.Contains("takes no 'table'", Single(Run(("t.codec.json", Table(GoodRows)), ("doc.codec.json", Format.Replace("RULE", tableOnOther))), "CODEC008").GetMessage());
    }
}
