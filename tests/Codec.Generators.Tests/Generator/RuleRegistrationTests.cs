using System.Globalization;
using System.Text.Json.Nodes;
using System.Text;
using Codec.Generators.Model;
using Codec.Generators.Rules;
using Codec.Tests.Infrastructure;

namespace Codec.Tests.Generator;

/// <summary>
/// Every rule is registered once, in the generator's rule registry; the JSON Schema's rule definitions and the rule
/// tables of schemas/README.md are rendered from it. A registration changed without them fails here
/// (CODEC_ACCEPT_SNAPSHOTS=1 rewrites both; review the diff).
/// </summary>
public sealed class RuleRegistrationTests
{
    private static string SchemaPath => Path.Combine(TestPaths.Schemas, "codec.schema.json");
    private static string ReadmePath => Path.Combine(TestPaths.Schemas, "README.md");

    [Fact]
    public void The_json_schema_defines_each_rule_as_registered()
    {
        var file = JsonNode.Parse(File.ReadAllText(SchemaPath))!.AsObject();
        var defs = file["$defs"]!.AsObject();
        var expectedFormat = RuleSchema(RuleRegistry.FormatRules.Values, "A semantic rule of a format: its parameters are JSON pointers into the format ('*' for every element of one list).");
        var expectedDataset = RuleSchema(RuleRegistry.DatasetRules.Values, "A cross-file rule of a dataset layout, with typed arguments.");
        var expectedRender = RuleSchema(RuleRegistry.RenderRules.Values, "A rule of a render contract: the files it applies to ('in') and typed arguments; a tolerance is named, not written.");
        bool same = JsonNode.DeepEquals(defs["rule"], expectedFormat) && JsonNode.DeepEquals(defs["datasetRule"], expectedDataset) && JsonNode.DeepEquals(defs["renderRule"], expectedRender);
        if (!same && Snapshot.Accepting)
        {
            defs["rule"] = expectedFormat;
            defs["datasetRule"] = expectedDataset;
            defs["renderRule"] = expectedRender;
            File.WriteAllText(SchemaPath, CompactJson.Write(file) + "\n");
            return;
        }

        Assert.True(same, "codec.schema.json's $defs/rule, $defs/datasetRule or $defs/renderRule differ from the rule registry; CODEC_ACCEPT_SNAPSHOTS=1 rewrites them.\nExpected:\n"
            + CompactJson.Write(new JsonObject { ["rule"] = expectedFormat.DeepClone(), ["datasetRule"] = expectedDataset.DeepClone(), ["renderRule"] = expectedRender.DeepClone() }));
    }

    [Fact]
    public void The_schema_README_documents_each_rule_as_registered()
    {
        string readme = File.ReadAllText(ReadmePath);
        string updated = Replace(readme, "format rules", FormatTable());
        updated = Replace(updated, "dataset rules", DatasetTable());
        updated = Replace(updated, "render rules", RenderTable());
        if (updated != readme && Snapshot.Accepting)
        {
            File.WriteAllText(ReadmePath, updated);
            return;
        }

        Assert.True(updated == readme, "schemas/README.md's rule tables differ from the rule registry; CODEC_ACCEPT_SNAPSHOTS=1 rewrites them.\n" + FormatTable() + DatasetTable() + RenderTable());
    }

    [Fact]
    public void Every_registered_finding_code_exists()
    {
        var codes = Codec.Formats.Findings.BuiltInFindings.Catalog.Codes.ToHashSet();
        foreach (var rule in RuleRegistry.FormatRules.Values.Concat(RuleRegistry.DatasetRules.Values).Concat(RuleRegistry.RenderRules.Values))
        {
            Assert.NotEmpty(rule.Codes);
            Assert.All(rule.Codes, code => Assert.True(codes.Contains(code), $"{rule.Name} names {code}, which no finding code class defines"));
        }
    }

    [Fact]
    public void Every_registered_call_fills_only_known_holes()
    {
        var holes = new System.Text.RegularExpressions.Regex(@"\{([A-Za-z_]+)\}");
        string[] formatHoles = ["tolerance", "path", "table", "idOffset", "knownBug", "knownOffset", "state", "listPointer"];
        foreach (var rule in RuleRegistry.FormatRules.Values.Concat(RuleRegistry.DatasetRules.Values).Concat(RuleRegistry.RenderRules.Values))
        {
            if (rule.Scope == RuleScope.Render) Assert.NotEmpty(rule.FileKinds);
            foreach (var template in new[] { rule.Call, rule.State, rule.Finish }.OfType<string>())
            {
                foreach (System.Text.RegularExpressions.Match m in holes.Matches(template))
                {
                    string hole = m.Groups[1].Value;
                    Assert.True(rule.Parameter(hole) is not null || (rule.Scope == RuleScope.Format && formatHoles.Contains(hole)), $"{rule.Name}: '{{{hole}}}' is neither a parameter nor a known hole");
                }
            }

            if (rule.Scope == RuleScope.Format) Assert.NotNull(rule.Parameter(rule.ReportAt));
        }
    }

    // ------------------------------------------------------------------ JSON Schema

    private static JsonObject RuleSchema(IEnumerable<RuleDefinition> rules, string description)
    {
        var list = rules.OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
        var cases = new JsonArray();
        foreach (var rule in list)
        {
            var properties = new JsonObject { ["rule"] = true, ["description"] = true };
            if (rule.Scope == RuleScope.Dataset) properties["severity"] = true;
            if (rule.Scope == RuleScope.Render) properties["in"] = true;
            foreach (var p in rule.Parameters) properties[p.Name] = ParameterSchema(rule, p);
            if (rule.Scope == RuleScope.Format)
            {
                foreach (var option in rule.Options()) properties[option] = OptionSchema(rule, option);
            }

            var then = new JsonObject { ["description"] = rule.Summary.Replace("`", "") };
            var required = rule.Parameters.Where(p => rule.Scope == RuleScope.Format || p.Required).Select(p => (JsonNode)p.Name).ToArray();
            if (rule.Scope == RuleScope.Render) required = ["in", .. required];
            if (rule.Table != TableUse.None) required = [.. required, "table"];
            if (required.Length > 0) then["required"] = new JsonArray(required);
            then["properties"] = properties;
            then["additionalProperties"] = false;
            cases.Add(new JsonObject { ["if"] = new JsonObject { ["properties"] = new JsonObject { ["rule"] = new JsonObject { ["const"] = rule.Name } } }, ["then"] = then });
        }

        var common = new JsonObject
        {
            ["rule"] = new JsonObject { ["enum"] = new JsonArray(list.Select(r => (JsonNode)r.Name).ToArray()) },
            ["description"] = new JsonObject { ["type"] = "string" },
        };
        if (list.Any(r => r.Scope == RuleScope.Dataset))
            common["severity"] = new JsonObject { ["description"] = "\"warning\" makes the rule advisory.", ["enum"] = new JsonArray("error", "warning") };
        if (list.Any(r => r.Scope == RuleScope.Render))
        {
            common["in"] = new JsonObject
            {
                ["description"] = "the names of the render's files the rule applies to",
                ["type"] = "array", ["minItems"] = 1, ["items"] = new JsonObject { ["type"] = "string", ["minLength"] = 1 },
            };
        }
        return new JsonObject
        {
            ["description"] = description,
            ["type"] = "object",
            ["required"] = new JsonArray("rule"),
            ["properties"] = common,
            ["allOf"] = cases,
        };
    }

    private static JsonObject ParameterSchema(RuleDefinition rule, RuleParameter p)
    {
        if (rule.Scope == RuleScope.Format)
        {
            return new JsonObject
            {
                ["description"] = $"{p.Description.Replace("`", "")}: a JSON pointer to {string.Join(" or ", p.Kinds.Select(k => new TypeRef(k).Describe()))}",
                ["type"] = "string",
                ["pattern"] = p.PerItem ? "^/.*\\*" : "^/",
            };
        }

        var schema = p.Type switch
        {
            ArgumentType.Path => new JsonObject { ["type"] = "string", ["minLength"] = 1 },
            ArgumentType.Number => new JsonObject { ["type"] = "number" },
            ArgumentType.Count => new JsonObject { ["type"] = "integer", ["minimum"] = 0 },
            ArgumentType.Words => new JsonObject { ["type"] = "array", ["minItems"] = 1, ["items"] = new JsonObject { ["type"] = "string", ["pattern"] = "^[^ ]+$" } },
            ArgumentType.Placeholder => new JsonObject { ["type"] = "string", ["pattern"] = "^[A-Za-z_][A-Za-z0-9_]*$" },
            ArgumentType.Dimension => new JsonObject { ["type"] = "string", ["pattern"] = "^[A-Za-z][A-Za-z0-9]*$" },
            ArgumentType.Flag => new JsonObject { ["type"] = "boolean" },
            ArgumentType.Severity => new JsonObject { ["enum"] = new JsonArray("error", "warning") },
            _ => new JsonObject { ["type"] = "string", ["minLength"] = 1 },
        };
        schema.Insert(0, "description", p.Description.Replace("`", ""));
        if (p.Default is { } json) schema["default"] = JsonNode.Parse(json);
        return schema;
    }

    private static JsonNode OptionSchema(RuleDefinition rule, string option) => option switch
    {
        "tolerance" => new JsonObject { ["description"] = "the largest deviation allowed", ["type"] = "number", ["minimum"] = 0, ["default"] = rule.DefaultTolerance },
        "table" => new JsonObject { ["description"] = "the reference table's id (a table schema of the same compilation)", ["type"] = "string", ["minLength"] = 1 },
        "idOffset" => new JsonObject { ["description"] = "what files add to the table's ids (1 for a 1-based list)", ["type"] = "integer", ["default"] = 0 },
        "knownBug" => new JsonObject { ["description"] = "what the rule finds is a known producer bug of this version: warnings", ["type"] = "boolean", ["default"] = false },
        _ => new JsonObject
        {
            ["description"] = "ids of the list's items whose deviation up to its own tolerance (pixels) is a known producer bug: warnings",
            ["type"] = "object",
            ["required"] = new JsonArray("key", "from", "to", "tolerance"),
            ["additionalProperties"] = false,
            ["properties"] = new JsonObject
            {
                ["key"] = new JsonObject { ["type"] = "string" },
                ["from"] = new JsonObject { ["type"] = "integer" },
                ["to"] = new JsonObject { ["type"] = "integer" },
                ["tolerance"] = new JsonObject { ["type"] = "number", ["minimum"] = 0 },
            },
        },
    };

    // ------------------------------------------------------------------ documentation

    private static string FormatTable()
    {
        var text = new StringBuilder("| rule | parameters (JSON pointers) | options | checks | codes |\n|---|---|---|---|---|\n");
        foreach (var rule in RuleRegistry.FormatRules.Values.OrderBy(r => r.Name, StringComparer.Ordinal))
        {
            string parameters = string.Join(", ", rule.Parameters.Select(p => $"`{p.Name}` ({string.Join(" or ", p.Kinds.Select(k => new TypeRef(k).Describe()))}{(p.PerItem ? ", per list item" : "")})"));
            var options = rule.Options().Select(o => o == "tolerance" ? $"`tolerance` ({Number(rule.DefaultTolerance!.Value)})" : $"`{o}`");
            text.Append($"| `{rule.Name}` | {parameters} | {string.Join(", ", options)} | {rule.Summary} | {string.Join(", ", rule.Codes)} |\n");
        }

        return text.ToString();
    }

    private static string DatasetTable()
    {
        var text = new StringBuilder("| rule | arguments | checks | codes |\n|---|---|---|---|\n");
        foreach (var rule in RuleRegistry.DatasetRules.Values.OrderBy(r => r.Name, StringComparer.Ordinal))
        {
            string arguments = string.Join("; ", rule.Parameters.Select(p =>
                $"`{p.Name}` ({TypeName(p.Type)}{(p.Default is { } d ? ", default `" + d + "`" : "")}): {p.Description}"));
            text.Append($"| `{rule.Name}` | {arguments} | {rule.Summary} | {string.Join(", ", rule.Codes)} |\n");
        }

        return text.ToString();
    }

    private static string RenderTable()
    {
        var text = new StringBuilder("| rule | applies to | arguments | checks | codes |\n|---|---|---|---|---|\n");
        foreach (var rule in RuleRegistry.RenderRules.Values.OrderBy(r => r.Name, StringComparer.Ordinal))
        {
            string arguments = string.Join("; ", rule.Parameters.Select(p => $"`{p.Name}` ({TypeName(p.Type)}): {p.Description}"));
            text.Append($"| `{rule.Name}` | {string.Join(", ", rule.FileKinds)} | {(arguments.Length == 0 ? "—" : arguments)} | {rule.Summary} | {string.Join(", ", rule.Codes)} |\n");
        }

        return text.ToString();
    }

    private static string TypeName(ArgumentType type) => type switch
    {
        ArgumentType.Path => "path",
        ArgumentType.Number => "number",
        ArgumentType.Count => "whole number",
        ArgumentType.Words => "words",
        ArgumentType.Placeholder => "placeholder",
        ArgumentType.Dimension => "dimension",
        ArgumentType.Flag => "true/false",
        ArgumentType.Severity => "error/warning",
        ArgumentType.File => "file of the render",
        ArgumentType.Tolerance => "tolerance",
        _ => "name",
    };

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    // The text between "<!-- {name}: rendered from the rule registry -->" and "<!-- end of {name} -->".
    private static string Replace(string readme, string name, string table)
    {
        string begin = $"<!-- {name}: rendered from the rule registry -->\n", end = $"<!-- end of {name} -->";
        int from = readme.IndexOf(begin, StringComparison.Ordinal), to = readme.IndexOf(end, StringComparison.Ordinal);
        Assert.True(from >= 0 && to > from, $"schemas/README.md has no '{begin.Trim()}' … '{end}' section");
        return readme[..(from + begin.Length)] + table + readme[to..];
    }
}
