using Codec.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Codec.Tests.Generator;

/// <summary>Render contracts: each mistake is a located diagnostic (CODEC026 unless the language's own); a correct contract becomes a RenderContract.</summary>
public sealed class RenderContractDiagnosticTests
{
    private static string Contract(string files = "", string rules = "", string tolerances = Tolerance, string names = Names) => $$"""
        {
          "render": "test",
          "namespace": "Test.Renders",
          "name": "TestRender",
          "metadata": "metadata.jsonl",
          "names": {{names}},
          "files": [
            { "name": "info", "suffixes": ["info.json"], "kind": "info", "description": "labels" },
            { "name": "segments", "suffixes": ["segments.png"], "kind": "mask", "mapping": "segments_mapping", "description": "classes" },
            { "name": "uv", "suffixes": ["uv.png", "uv.tif"], "kind": "image", "description": "texture coordinates" }{{files}}
          ],
          "rules": [
            { "rule": "size_matches_intrinsics", "in": ["segments", "uv"], "tolerance": "edgePx" }{{rules}}
          ],
          "tolerances": {{tolerances}}
        }
        """;

    private const string Names = """[{ "shape": "{render_id}" }, { "shape": "{render_id}.cam_{camera}.f_{frame}" }]""";

    private const string Tolerance = """{ "edgePx": { "value": 0.5, "range": [0, 10], "description": "Pixels an edge blurs." } }""";

    private static GeneratorRunResult Run(string text) => GeneratorHarness.Run(GeneratorHarness.Schema("test-render.codec.json", text)).Run;

    private static Diagnostic Single(string text, string id, string containing)
    {
        var run = Run(text);
        var d = Assert.Single(run.Diagnostics);
        Assert.Equal(id, d.Id);
        Assert.Contains(containing, d.GetMessage(), StringComparison.Ordinal);
        Assert.True(d.Location.GetLineSpan().StartLinePosition.Line > 0, d.ToString());
        return d;
    }

    [Fact]
    public void A_correct_contract_becomes_a_render_contract_with_its_tolerances_looked_up_by_name()
    {
        var run = Run(Contract(rules: """, { "rule": "not_blank", "in": ["uv"] }"""));
        Assert.Empty(run.Diagnostics);
        string code = run.GeneratedSources.Single(s => s.HintName == "Test.Renders.TestRender.Render.g.cs").SourceText.ToString();
        Assert.Contains("RenderRules.SizeMatchesIntrinsics(context, context.Tolerance(0))", code);
        Assert.Contains("new(\"edgePx\", 0.5, 0.0, 10.0, \"Pixels an edge blurs.\")", code);
        Assert.Contains("new(\"{render_id}.cam_{camera}.f_{frame}\", \"\")", code);
        Assert.Contains("new(\"not_blank\", \"\", new string[] { \"uv\" }, true,", code);
    }

    [Theory]
    [InlineData(""", { "rule": "shiny", "in": ["uv"] }""", "unknown rule 'shiny'")]
    [InlineData(""", { "rule": "not_blank", "in": ["uvw"] }""", "'uvw' is not a file of the render")]
    [InlineData(""", { "rule": "not_blank", "in": ["segments"] }""", "rule 'not_blank' applies to files of kind image, pass; 'segments' is of kind mask")]
    [InlineData(""", { "rule": "mesh_vertices", "in": ["uv"], "vertices": 4 }""", "applies to files of kind mesh")]
    [InlineData(""", { "rule": "unit_normals", "in": ["uv"], "surface": "alpha", "mask": "segments", "length": "edgePx", "share": "edgePx" }""", "'surface' of rule 'unit_normals' is a file the render declares")]
    [InlineData(""", { "rule": "unit_normals", "in": ["uv"], "surface": "uv", "mask": "segments", "length": 0.05, "share": "edgePx" }""", "'length' of rule 'unit_normals' is a tolerance the contract declares (edgePx)")]
    [InlineData(""", { "rule": "agrees_with_mask", "in": ["uv"], "mask": "segments", "share": "edgePx", "clear": "transparent" }""", "rule 'agrees_with_mask' needs 'covered'")]
    [InlineData(""", { "rule": "not_blank", "in": ["uv"], "colour": 3 }""", "rule 'not_blank' takes no 'colour'")]
    public void Rule_mistakes_are_located(string rule, string expected) => Single(Contract(rules: rule), "CODEC026", expected);

    [Theory]
    [InlineData("""[]""", "say how a render's files are named")]
    [InlineData("""[{ "shape": "cam_{camera}.{render_id}" }]""", "starts with {render_id}, once")]
    [InlineData("""[{ "shape": "{render_id}.{take}" }]""", "'{take}' is not a placeholder of a render's name")]
    [InlineData("""[{ "shape": "{render_id}.cam_{camera}" }]""", "names {camera} and {frame} together")]
    [InlineData("""[{ "shape": "{render_id}-{frame}!" }]""", "holds a character that is neither a placeholder nor")]
    [InlineData("""[{ "shape": "{render_id}" }, { "shape": "r{render_id}" }]""", "starts with {render_id}")]
    [InlineData("""[{ "shape": "{render_id}" }, { "shape": "{render_id}.x" }]""", "has the placeholders of another shape")]
    public void Name_mistakes_are_located(string names, string expected) => Single(Contract(names: names), "CODEC026", expected);

    [Theory]
    [InlineData(""", { "name": "uv", "suffixes": ["uv2.png"], "kind": "image", "description": "d" }""", "'uv' is not an identifier or names two files")]
    [InlineData(""", { "name": "uv2", "suffixes": ["uv.png"], "kind": "image", "description": "d" }""", "'uv.png' is already the file 'uv'")]
    [InlineData(""", { "name": "hdr", "suffixes": ["hdr"], "kind": "hdr", "description": "d" }""", "unknown kind 'hdr'")]
    [InlineData(""", { "name": "fg", "suffixes": ["fg.png"], "kind": "pass", "description": "d" }""", "a pass lives inside an EXR")]
    [InlineData(""", { "name": "exr", "suffixes": ["exr"], "kind": "exr", "description": "d", "passes": [ { "as": "depth", "channels": ["Z"] } ] }""", "'depth' is not one")]
    [InlineData(""", { "name": "more", "suffixes": ["more.json"], "kind": "info", "description": "d" }""", "exactly one file of kind info")]
    [InlineData(""", { "name": "parts", "suffixes": ["parts.png"], "kind": "mask", "description": "d" }""", "a mask names the info.json member that names its values")]
    [InlineData(""", { "name": "uv3", "suffixes": ["uv3.png"], "kind": "image", "mapping": "segments_mapping", "description": "d" }""", "a mapping belongs to a mask")]
    public void File_mistakes_are_located(string file, string expected) => Single(Contract(files: file), "CODEC026", expected);

    [Theory]
    [InlineData("""{ "edgePx": { "value": 20, "range": [0, 10], "description": "d" } }""", "CODEC026", "the value 20 lies outside its range [0, 10]")]
    [InlineData("""{ "edgePx": { "value": -0.5, "description": "d" } }""", "CODEC026", "a tolerance is never negative")]
    [InlineData("""{ "edgePx": { "value": "0.5", "description": "d" } }""", "CODEC011", "expected a number")]
    [InlineData("""{ "edgePx": { "value": 0.5 } }""", "CODEC002", "description")]
    [InlineData("""{ "edgePx": { "value": 0.5, "description": "d", "unit": "px" } }""", "CODEC009", "unit")]
    public void Tolerance_mistakes_are_located(string tolerances, string id, string expected) => Single(Contract(tolerances: tolerances), id, expected);
}
