using System.Text;
using Codec.Cli.Configuration;
using Codec.Runtime.Findings;
using Codec.Runtime.Json;
using Codec.Tests.Infrastructure;
using Json.Schema;

namespace Codec.Tests.Cli;

/// <summary>
/// codec reads codec.config.schema.json with its own evaluator of the JSON Schema keywords the file uses; on every
/// configuration here it says what the reference evaluator (JsonSchema.Net) says, and says where.
/// </summary>
public sealed class ConfigSchemaTests
{
    private static readonly string SchemaPath = Path.Combine(TestPaths.Schemas, "codec.config.schema.json");
    private static readonly ConfigSchema Ours = ConfigSchema.Load(Tree(File.ReadAllText(SchemaPath)));
    private static readonly JsonSchema Reference = JsonSchema.FromText(File.ReadAllText(SchemaPath));

    private static JsonNode Tree(string text) => JsonTree.Parse(Encoding.UTF8.GetBytes(text), new FindingSink())!;

    public static TheoryData<string> Configurations => new()
    {
        "{}",
        """{ "$schema": "./codec.config.schema.json" }""",
        """{ "ignore": ["X713", "k402"] }""",
        """{ "ignore": [{ "code": "X713" }, { "code": "R317", "paths": ["renders/**/*.json"], "reason": "known" }] }""",
        """{ "warningsAsErrors": true, "tolerances": { "principalPointPx": 1.5, "normalLength": 0.02, "meshEdgeRatio": 8 } }""",
        """{ "tolerances": {} }""",
        // Not valid:
        "[]",
        "\"X713\"",
        """{ "ignore": "X713" }""",
        """{ "ignore": ["X71"] }""",
        """{ "ignore": ["X7130"] }""",
        """{ "ignore": ["Z713"] }""",
        """{ "ignore": [713] }""",
        """{ "ignore": [{ "paths": ["a"] }] }""",
        """{ "ignore": [{ "code": "X713", "paths": [] }] }""",
        """{ "ignore": [{ "code": "X713", "paths": [""] }] }""",
        """{ "ignore": [{ "code": "X713", "paths": ["a", 3] }] }""",
        """{ "ignore": [{ "code": "X713", "why": "misspelt" }] }""",
        """{ "ignore": [{ "code": "X713", "reason": false }] }""",
        """{ "warningsAsErrors": "yes" }""",
        """{ "warningsAsErrors": 1 }""",
        """{ "tolerances": { "principalPixels": 2 } }""",
        """{ "tolerances": { "normalLength": 1.5 } }""",
        """{ "tolerances": { "normalLength": -0.1 } }""",
        """{ "tolerances": { "meshVertexRatio": 0.5 } }""",
        """{ "tolerances": { "normalLength": "0.1" } }""",
        """{ "tolerances": [] }""",
        """{ "ignores": [] }""",
        """{ "ignore": [null] }""",
    };

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Says_what_the_reference_evaluator_says(string configuration)
    {
        bool reference = Reference.Evaluate(System.Text.Json.JsonDocument.Parse(configuration).RootElement).IsValid;
        var problems = Ours.Problems(Tree(configuration));
        Assert.True(reference == (problems.Count == 0), $"reference: {(reference ? "valid" : "invalid")}; codec: {string.Join(" | ", problems)}");
    }

    [Theory]
    [InlineData("""{ "tolerances": { "principalPixels": 2 } }""", "/tolerances/principalPixels", "not a setting codec.json has")]
    [InlineData("""{ "tolerances": { "normalLength": 1.5 } }""", "/tolerances/normalLength", "1.5 is above the maximum 1")]
    [InlineData("""{ "ignore": ["X7130"] }""", "/ignore/0", "'X7130' does not match the pattern")]
    [InlineData("""{ "ignore": [{ "paths": ["a"] }] }""", "/ignore/0", "'code' is required")]
    [InlineData("""{ "ignore": [{ "code": "X713", "paths": [] }] }""", "/ignore/0/paths", "needs at least 1 item(s), has 0")]
    [InlineData("""{ "warningsAsErrors": "yes" }""", "/warningsAsErrors", "expected a boolean, found a string")]
    [InlineData("""{ "ignore": [713] }""", "/ignore/0", "expected a string or an object, found a number")]
    public void Each_problem_is_said_where_it_is(string configuration, string at, string message)
    {
        var problems = Ours.Problems(Tree(configuration));
        Assert.Contains(problems, p => p.At == at && p.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_schema_with_a_keyword_codec_does_not_check_is_refused_when_loaded()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ConfigSchema.Load(Tree("""{ "properties": { "mode": { "enum": ["a", "b"] } } }""")));
        Assert.Contains("#/properties/mode", error.Message);
        Assert.Contains("'enum'", error.Message);
        Assert.Throws<InvalidOperationException>(() => ConfigSchema.Load(Tree("""{ "$ref": "#/$defs/missing" }""")));
        Assert.Contains("'float'", Assert.Throws<InvalidOperationException>(() => ConfigSchema.Load(Tree("""{ "type": ["number", "float"] }"""))).Message);
    }
}
