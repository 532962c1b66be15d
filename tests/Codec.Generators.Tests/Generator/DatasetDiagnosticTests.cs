using Codec.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Codec.Tests.Generator;

/// <summary>Dataset layouts: each mistake is a CODEC024 at its place; a correct layout becomes a DatasetContract.</summary>
public sealed class DatasetDiagnosticTests
{
    private static string Layout(string file, string rule = "{ \"rule\": \"shots_agree\" }") => $$"""
        {
          "dataset": "test.set",
          "namespace": "Test.Sets",
          "name": "TestSet",
          "recognizedBy": ["clips"],
          "dimensions": [ { "symbol": "F", "perShot": true }, { "symbol": "V" } ],
          "folders": [
            { "path": "clips/{shot}", "required": true, "oneOf": true, "files": [
        {{file}}
            ] }
          ],
          "rules": [ {{rule}} ]
        }
        """;

    private const string GoodFile = """      { "name": "{shot}.npy", "kind": "npy", "dtype": "<f4", "shape": ["F", "V", 3] }""";

    private static GeneratorRunResult Run(string text) => GeneratorHarness.Run(GeneratorHarness.Schema("set.codec.json", text)).Run;

    private static string Single024(string text)
    {
        var run = Run(text);
        var d = Assert.Single(run.Diagnostics, x => x.Id == "CODEC024");
        return d.GetMessage();
    }

    [Fact]
    public void A_correct_layout_becomes_a_contract_that_compiles()
    {
        var (run, compile) = GeneratorHarness.Run(GeneratorHarness.Schema("set.codec.json", Layout(GoodFile)));
        Assert.Empty(run.Diagnostics);
        Assert.Empty(compile);
        Assert.Contains(run.GeneratedSources, s => s.HintName == "Test.Sets.TestSet.Dataset.g.cs");
    }

    [Theory]
    [InlineData("\"shape\": [\"F\", \"V\", 3]", "\"shape\": [\"F\", \"W\", 3]", "dimension 'W' is not declared; declared: F, V")]
    [InlineData("\"shape\": [\"F\", \"V\", 3]", "\"shape\": [\"F\", \"V*2\", 3]", "'V*2' is not a dimension expression")]
    [InlineData("\"kind\": \"npy\"", "\"kind\": \"hdf5\"", "unknown kind 'hdf5'")]
    [InlineData("\"dtype\": \"<f4\"", "\"dtype\": \"float32\"", "'float32' is not a NumPy dtype string")]
    [InlineData("\"name\": \"{shot}.npy\"", "\"name\": \"{take}.npy\"", "({shot} is the only placeholder)")]
    public void File_mistakes_are_located(string find, string replace, string expected)
    {
        Assert.Contains(expected, Single024(Layout(GoodFile.Replace(find, replace))));
    }

    [Theory]
    [InlineData("{ \"rule\": \"audio_duration\", \"defaultFps\": \"3O\" }", "'defaultFps' of rule 'audio_duration' is a number (a JSON number, not a string); it is written \"3O\"")]
    [InlineData("{ \"rule\": \"audio_duration\", \"defaultFps\": \"30\" }", "'defaultFps' of rule 'audio_duration' is a number (a JSON number, not a string)")]
    [InlineData("{ \"rule\": \"recommendations\", \"minShots\": 2.5 }", "'minShots' of rule 'recommendations' is a whole number of zero or more")]
    [InlineData("{ \"rule\": \"recommendations\", \"emotions\": \"joy anger\" }", "'emotions' of rule 'recommendations' is a non-empty list of words")]
    [InlineData("{ \"rule\": \"same_values\", \"a\": 1, \"b\": \"y.npy\" }", "'a' of rule 'same_values' is a file of the dataset, as a string")]
    public void Rule_arguments_of_the_wrong_type_are_diagnostics_not_defaults(string rule, string expected)
    {
        Assert.Contains(expected, Single024(Layout(GoodFile, rule)));
    }

    [Fact]
    public void Typed_rule_arguments_compile()
    {
        var (run, compile) = GeneratorHarness.Run(GeneratorHarness.Schema("set.codec.json", Layout(GoodFile,
            "{ \"rule\": \"recommendations\", \"minShots\": 10, \"minSeconds\": 2.5, \"emotions\": [\"joy\", \"anger\"] }")));
        Assert.Empty(run.Diagnostics);
        Assert.Empty(compile);
        Assert.Contains(run.GeneratedSources, s => s.SourceText.ToString().Contains("\"joy anger\""));
    }

    [Fact]
    public void Rule_mistakes_name_what_exists()
    {
        Assert.Contains("unknown rule 'shots_agre'; known: audio_duration, aug_substring", Single024(Layout(GoodFile, "{ \"rule\": \"shots_agre\" }")));
        Assert.Contains("rule 'same_values' needs 'b'", Single024(Layout(GoodFile, "{ \"rule\": \"same_values\", \"a\": \"x.npy\" }")));
        Assert.Contains("rule 'shots_agree' takes no 'fps'", Single024(Layout(GoodFile, "{ \"rule\": \"shots_agree\", \"fps\": \"30\" }")));
    }

    [Fact]
    public void Folder_mistakes_are_located()
    {
        string text = Layout(GoodFile).Replace("\"clips/{shot}\"", "\"clips/{shot}/{voice}\"");
        Assert.Contains("one placeholder segment", Single024(text));
        Assert.Contains("recognizedBy names 'clip'", Single024(Layout(GoodFile).Replace("[\"clips\"]", "[\"clip\"]")));
    }
}
