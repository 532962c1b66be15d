using Codec.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Codec.Tests.Generator;

/// <summary>Dataset layouts: each mistake is a CODEC024 at its place; a correct layout becomes a DatasetContract.</summary>
public sealed class DatasetDiagnosticTests
{
    private static string Layout(string file, string rule = "{ \"rule\": \"portable_names\", \"placeholder\": \"shot\", \"in\": \"clips/{shot}\" }") => $$"""
        {
          "dataset": "test.set",
          "namespace": "Test.Sets",
          "name": "TestSet",
          "recognizedBy": ["clips"],
          "dimensions": [ { "symbol": "F", "per": "shot" }, { "symbol": "V" } ],
          "folders": [
            { "path": "clips/{shot}", "oneOf": true, "files": [
        {{file}}
            ] }
          ],
          "rules": [ {{rule}} ]
        }
        """;

    private const string GoodFile = """      { "name": "{shot}.npy", "kind": "npy", "dtype": "<f4", "shape": ["F", "V", 3] }""";

    private static GeneratorRunResult Run(string text) => GeneratorHarness.Run(true, GeneratorHarness.Schema("set.codec.json", text)).Run;

    private static string Single024(string text)
    {
        var run = Run(text);
        var d = Assert.Single(run.Diagnostics, x => x.Id == "CODEC024");
        return d.GetMessage();
    }

    [Fact]
    public void A_correct_layout_becomes_a_contract_that_compiles()
    {
        var (run, compile) = GeneratorHarness.Run(true, GeneratorHarness.Schema("set.codec.json", Layout(GoodFile)));
        Assert.Empty(run.Diagnostics);
        Assert.Empty(compile);
        Assert.Contains(run.GeneratedSources, s => s.HintName == "Test.Sets.TestSet.Dataset.g.cs");
    }

    [Theory]
    [InlineData("\"shape\": [\"F\", \"V\", 3]", "\"shape\": [\"F\", \"W\", 3]", "dimension 'W' is not declared; declared: F, V")]
    [InlineData("\"shape\": [\"F\", \"V\", 3]", "\"shape\": [\"F\", \"V*2\", 3]", "'V*2' is not a dimension expression")]
    [InlineData("\"kind\": \"npy\"", "\"kind\": \"hdf5\"", "unknown kind 'hdf5'")]
    [InlineData("\"dtype\": \"<f4\"", "\"dtype\": \"float32\"", "'float32' is not a NumPy dtype string")]
    [InlineData("\"name\": \"{shot}.npy\"", "\"name\": \"{shot}_{take}.npy\"", "is not a file name with at most one placeholder")]
    [InlineData("\"name\": \"{shot}.npy\"", "\"name\": \"{shot.npy\"", "is not a file name with at most one placeholder")]
    public void File_mistakes_are_located(string find, string replace, string expected)
    {
        Assert.Contains(expected, Single024(Layout(GoodFile.Replace(find, replace))));
    }

    private const string Duration = "\"rule\": \"duration_matches_frames\", \"placeholder\": \"shot\", \"frames\": \"F\"";
    private const string Recommend = "\"rule\": \"recommendations\", \"placeholder\": \"shot\", \"reference\": \"clips/{shot}\", \"frames\": \"F\"";

    [Theory]
    [InlineData("{ " + Duration + ", \"defaultFps\": \"3O\" }", "'defaultFps' of rule 'duration_matches_frames' is a number (a JSON number, not a string); it is written \"3O\"")]
    [InlineData("{ " + Duration + ", \"defaultFps\": \"30\" }", "'defaultFps' of rule 'duration_matches_frames' is a number (a JSON number, not a string)")]
    [InlineData("{ " + Recommend + ", \"minShots\": 2.5 }", "'minShots' of rule 'recommendations' is a whole number of zero or more")]
    [InlineData("{ " + Recommend + ", \"emotions\": \"joy anger\" }", "'emotions' of rule 'recommendations' is a non-empty list of words")]
    [InlineData("{ \"rule\": \"same_values\", \"a\": 1, \"b\": \"clips/{shot}/{shot}.npy\" }", "'a' of rule 'same_values' is a folder or file of the layout, as a string")]
    [InlineData("{ \"rule\": \"same_values\", \"a\": \"clip/x.npy\", \"b\": \"clips/{shot}/{shot}.npy\" }", "'a' of rule 'same_values' is a folder or file the layout declares (clips/{shot}, or one of their files)")]
    [InlineData("{ \"rule\": \"duration_matches_frames\", \"placeholder\": \"take\", \"frames\": \"F\" }", "'placeholder' of rule 'duration_matches_frames' is a placeholder of the layout's paths (shot)")]
    [InlineData("{ \"rule\": \"duration_matches_frames\", \"placeholder\": \"shot\", \"frames\": \"T\" }", "'frames' of rule 'duration_matches_frames' is a declared dimension (F, V)")]
    [InlineData("{ \"rule\": \"instances_agree\", \"placeholder\": \"shot\", \"reference\": \"clips/{shot}\", \"in\": \"clips/{shot}\", \"missing\": \"fatal\" }", "'missing' of rule 'instances_agree' is \"error\" or \"warning\"")]
    [InlineData("{ \"rule\": \"instances_agree\", \"placeholder\": \"shot\", \"reference\": \"clips/{shot}\", \"in\": \"clips/{shot}\", \"onlyIfAny\": \"yes\" }", "'onlyIfAny' of rule 'instances_agree' is true or false")]
    public void Rule_arguments_of_the_wrong_type_are_diagnostics_not_defaults(string rule, string expected)
    {
        Assert.Contains(expected, Single024(Layout(GoodFile, rule)));
    }

    [Fact]
    public void Typed_rule_arguments_compile_to_a_typed_call_with_the_registered_defaults()
    {
        var (run, compile) = GeneratorHarness.Run(true, GeneratorHarness.Schema("set.codec.json", Layout(GoodFile,
            "{ " + Recommend + ", \"minShots\": 10, \"minSeconds\": 2.5, \"emotions\": [\"joy\", \"anger\"] }")));
        Assert.Empty(run.Diagnostics);
        Assert.Empty(compile);
        string code = run.GeneratedSources.Single(s => s.HintName.EndsWith(".Dataset.g.cs")).SourceText.ToString();
        // minShots and minSeconds as given, maxSeconds, minShotsPerEmotion, minFps and defaultFps the registered defaults.
        Assert.Contains("DatasetRules.Recommendations(context, severity, \"shot\", \"clips/{shot}\", \"F\", 10, 2.5, 30.0, 3, 30.0, 30.0, new string[] { \"joy\", \"anger\" })", code);
    }

    [Fact]
    public void Every_dataset_rule_with_only_its_required_arguments_compiles()
    {
        var values = new Dictionary<Codec.Generators.Rules.ArgumentType, string>
        {
            [Codec.Generators.Rules.ArgumentType.Path] = "\"clips/{shot}\"",
            [Codec.Generators.Rules.ArgumentType.Placeholder] = "\"shot\"",
            [Codec.Generators.Rules.ArgumentType.Dimension] = "\"F\"",
        };
        foreach (var rule in Codec.Generators.Rules.RuleRegistry.DatasetRules.Values)
        {
            var args = rule.Parameters.Where(p => p.Required).Select(p => $"\"{p.Name}\": {(p.Name is "npz" or "a" or "b" ? "\"clips/{shot}/{shot}.npy\"" : values[p.Type])}");
            string use = "{ \"rule\": \"" + rule.Name + "\"" + string.Concat(args.Select(a => ", " + a)) + " }";
            var (run, compile) = GeneratorHarness.Run(true, GeneratorHarness.Schema("set.codec.json", Layout(GoodFile, use)));
            Assert.True(run.Diagnostics.IsEmpty, rule.Name + ": " + string.Join("; ", run.Diagnostics));
            Assert.True(compile.IsEmpty, rule.Name + ": " + string.Join("; ", compile));
        }
    }

    [Fact]
    public void Rule_mistakes_name_what_exists()
    {
        Assert.Contains("unknown rule 'instances_agre'; known: audio_levels, blendshape_npz, duration_matches_frames, instances_agree", Single024(Layout(GoodFile, "{ \"rule\": \"instances_agre\" }")));
        Assert.Contains("rule 'same_values' needs 'b'", Single024(Layout(GoodFile, "{ \"rule\": \"same_values\", \"a\": \"clips/{shot}/{shot}.npy\" }")));
        Assert.Contains("rule 'portable_names' takes no 'fps'", Single024(Layout(GoodFile, "{ \"rule\": \"portable_names\", \"placeholder\": \"shot\", \"in\": \"clips/{shot}\", \"fps\": 30 }")));
    }

    private const string JsonFile = GoodFile + ",\n      { \"name\": \"{shot}.json\", \"kind\": \"json\", \"optional\": true, \"fields\": FIELDS }";

    [Fact]
    public void Json_fields_speak_the_format_vocabulary_and_the_old_keys_are_unknown()
    {
        string good = JsonFile.Replace("FIELDS", """[ { "pointer": "/n", "type": "list<int>", "optional": true, "range": [0, null], "length": "V" } ]""");
        var (run, compile) = GeneratorHarness.Run(true, GeneratorHarness.Schema("set.codec.json", Layout(good)));
        Assert.Empty(run.Diagnostics);
        Assert.Empty(compile);

        var old = Run(Layout(JsonFile.Replace("FIELDS", """[ { "pointer": "/n", "type": "int", "required": true, "min": 0 } ]""")));
        Assert.Contains(old.Diagnostics, d => d.GetMessage().Contains("'required'"));
        Assert.Contains(old.Diagnostics, d => d.GetMessage().Contains("'min'"));
        Assert.Contains("unknown field type 'int[]'; known: int, float, list<int>, list<float>",
            Single024(Layout(JsonFile.Replace("FIELDS", """[ { "pointer": "/n", "type": "int[]" } ]"""))));
    }

    [Fact]
    public void A_field_set_is_declared_once_and_used_with_its_dimensions_renamed()
    {
        string layout = Layout(JsonFile.Replace("FIELDS", """{ "set": "counts", "dimensions": { "V": "F" } }"""))
            .Replace("\"folders\":", "\"fieldSets\": { \"counts\": [ { \"pointer\": \"/n\", \"type\": \"int\", \"equals\": \"V\" } ] }, \"folders\":");
        var (run, compile) = GeneratorHarness.Run(true, GeneratorHarness.Schema("set.codec.json", layout));
        Assert.Empty(run.Diagnostics);
        Assert.Empty(compile);
        string code = run.GeneratedSources.Single(s => s.HintName.EndsWith(".Dataset.g.cs")).SourceText.ToString();
        Assert.Contains("new(\"/n\", 0, global::Codec.Formats.Datasets.JsonFieldType.Int, true, null, null, new global::Codec.Formats.Datasets.DimensionExpression(\"F\", 0)", code);

        var unknown = Run(Layout(JsonFile.Replace("FIELDS", """{ "set": "countz" }""")));
        Assert.Contains(unknown.Diagnostics, d => d.GetMessage().Contains("no field set 'countz'; declared: none"));
    }

    [Fact]
    public void A_dimension_per_an_unknown_placeholder_is_located()
    {
        Assert.Contains("'take' is not a placeholder of the layout's paths; they use shot", Single024(Layout(GoodFile).Replace("\"per\": \"shot\"", "\"per\": \"take\"")));
    }

    [Fact]
    public void Folder_mistakes_are_located()
    {
        string text = Layout(GoodFile).Replace("\"clips/{shot}\"", "\"clips/{shot}/{voice}\"");
        Assert.Contains("a folder path may have one placeholder, a whole segment such as {shot}", Single024(text));
        Assert.Contains("a folder path may have one placeholder", Single024(Layout(GoodFile).Replace("\"clips/{shot}\"", "\"clips/take_{shot}\"")));
        Assert.Contains("recognizedBy names 'clip'", Single024(Layout(GoodFile).Replace("[\"clips\"]", "[\"clip\"]")));
    }

    [Fact]
    public void Each_kind_of_json_document_gets_one_decoder_over_its_declared_pointers()
    {
        const string Fields = """[ { "pointer": "/params/a~1b", "type": "int" }, { "pointer": "/params/list", "type": "list<float>" }, { "pointer": "/n", "type": "int", "optional": true } ]""";
        string files = GoodFile
            + ",\n      { \"name\": \"{shot}.json\", \"kind\": \"json\", \"optional\": true, \"fields\": " + Fields + " }"
            + ",\n      { \"name\": \"{shot}.config.json\", \"kind\": \"json\", \"optional\": true, \"fields\": " + Fields + " }"
            + ",\n      { \"name\": \"{shot}.ids.json\", \"kind\": \"json\", \"optional\": true, \"fields\": [ { \"pointer\": \"\", \"type\": \"list<int>\", \"indexBelow\": \"V\" } ] }"
            + ",\n      { \"name\": \"{shot}.notes.json\", \"kind\": \"json\", \"optional\": true }";
        var (run, compile) = GeneratorHarness.Run(true, GeneratorHarness.Schema("set.codec.json", Layout(files)));
        Assert.Empty(run.Diagnostics);
        Assert.Empty(compile);
        string code = run.GeneratedSources.Single(s => s.HintName.EndsWith(".Dataset.g.cs")).SourceText.ToString();

        // Two files declared alike share one decoder; a file without fields has none (it is only checked to be JSON).
        Assert.Contains("/// <summary>Decodes {shot}.json, {shot}.config.json.</summary>", code);
        Assert.Equal(2, code.Split("Documents.Shot),").Length - 1);
        Assert.Contains("Documents.ShotIds),", code);
        Assert.Equal(2, code.Split("public static void ").Length - 1);
        // The pointer's escapes are undone, the members on the way entered, a repeat of them said once.
        Assert.Contains("SequenceEqual(name1, \"a/b\"u8)", code);
        Assert.Contains("if (seen0_0) cursor.ReportDuplicateMember();", code);
        Assert.Contains("values.Read(ref cursor, 1, global::Codec.Formats.Datasets.JsonFieldType.FloatList", code);
        Assert.Contains("values.Read(ref cursor, 0, global::Codec.Formats.Datasets.JsonFieldType.IntList", code);
    }

    [Theory]
    [InlineData("""[ { "pointer": "/n", "type": "int" }, { "pointer": "/n", "type": "list<int>" } ]""", "'/n' is declared int by an earlier field; one value has one type")]
    [InlineData("""[ { "pointer": "/n", "type": "int" }, { "pointer": "/n/m", "type": "int" } ]""", "'/n/m' and '/n' cannot both be fields")]
    [InlineData("""[ { "pointer": "", "type": "list<int>" }, { "pointer": "/m", "type": "int" } ]""", "'/m' and '' cannot both be fields")]
    public void Fields_that_cannot_be_one_document_are_located(string fields, string expected)
    {
        Assert.Contains(expected, Single024(Layout(JsonFile.Replace("FIELDS", fields))));
    }
}
