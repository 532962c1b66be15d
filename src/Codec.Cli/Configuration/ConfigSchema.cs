using System.Globalization;
using System.Text.RegularExpressions;
using Codec.Runtime.Json;

namespace Codec.Cli.Configuration;

/// <summary>
/// The part of JSON Schema (draft 2020-12) that <c>codec.config.schema.json</c> is written in, evaluated over the
/// strict reader's tree: types, an object's properties (with <c>additionalProperties</c> and <c>required</c>), an
/// array's items and least count, a string's length and pattern, a number's range, <c>oneOf</c> and local
/// <c>$ref</c>s. A general evaluator cost every run of the native command its start-up (a native build runs each
/// library's module initializer before <c>Main</c>: loading JSON Schema's meta-schemas took 5 ms, a third of
/// checking one file), for a file of a few lines read once. A keyword outside this part is refused when the schema is
/// loaded (a test loads the shipped one), so the schema cannot come to rely on a check nobody makes.
/// </summary>
public sealed class ConfigSchema
{
    private static readonly HashSet<string> Checked =
    [
        "type", "properties", "additionalProperties", "required", "items", "minItems",
        "minLength", "maxLength", "pattern", "minimum", "maximum", "oneOf", "$ref",
    ];

    private static readonly HashSet<string> Types = ["object", "array", "string", "number", "integer", "boolean", "null"];

    // Keywords that say something to people and editors, not to the evaluator.
    private static readonly HashSet<string> Annotations = ["$schema", "$id", "$defs", "$comment", "title", "description", "default", "examples"];

    private readonly JsonNode _root;
    private readonly Dictionary<string, Regex> _patterns = new(StringComparer.Ordinal);

    private ConfigSchema(JsonNode root) => _root = root;

    /// <summary>The schema in <paramref name="root"/>; throws when it uses a keyword this evaluator does not check.</summary>
    public static ConfigSchema Load(JsonNode root)
    {
        var schema = new ConfigSchema(root);
        schema.Prepare(root, "#");
        return schema;
    }

    /// <summary>Where and why <paramref name="instance"/> does not follow the schema, in document order; empty when it does.</summary>
    public List<(string At, string Message)> Problems(JsonNode instance)
    {
        var problems = new List<(string At, string Message)>();
        Evaluate(_root, instance, "", problems);
        return problems;
    }

    private void Prepare(JsonNode schema, string where)
    {
        if (schema.IsBoolean) return;
        if (!schema.IsObject) throw new InvalidOperationException($"{where}: a schema is an object or a boolean");
        foreach (var (keyword, value) in schema.Members)
        {
            if (!Checked.Contains(keyword) && !Annotations.Contains(keyword))
            {
                throw new InvalidOperationException($"{where}: the keyword '{keyword}' is not one codec checks configurations with");
            }

            switch (keyword)
            {
                case "properties" or "$defs":
                    foreach (var (name, sub) in value.Members) Prepare(sub, $"{where}/{keyword}/{name}");
                    break;
                case "additionalProperties" or "items":
                    Prepare(value, $"{where}/{keyword}");
                    break;
                case "oneOf":
                    for (int i = 0; i < value.Items.Count; i++) Prepare(value.Items[i], $"{where}/oneOf/{i}");
                    break;
                case "$ref":
                    if (Resolve(value.Text) is null) throw new InvalidOperationException($"{where}: $ref '{value.Text}' names nothing in this schema");
                    break;
                case "type":
                    foreach (var name in value.IsArray ? value.Items : [value])
                    {
                        if (!Types.Contains(name.Text ?? "")) throw new InvalidOperationException($"{where}: '{name.Text}' is not a JSON Schema type");
                    }

                    break;
                case "pattern":
                    _patterns[value.Text!] = new Regex(value.Text!, RegexOptions.CultureInvariant);
                    break;
            }
        }
    }

    // A reference within this schema: "#" and a JSON pointer ("#/$defs/code").
    private JsonNode? Resolve(string? reference) =>
        reference is ['#', .. var pointer] ? _root.At(pointer) : null;

    private void Evaluate(JsonNode schema, JsonNode instance, string at, List<(string At, string Message)> problems)
    {
        if (schema.IsBoolean)
        {
            if (schema.Kind == JsonKind.False) problems.Add((at, "not allowed here"));
            return;
        }

        if (schema["$ref"] is { } reference) Evaluate(Resolve(reference.Text)!, instance, at, problems);
        if (schema["type"] is { } type && !HasType(instance, type))
        {
            // Nothing else about a value of the wrong kind is worth saying.
            var names = type.IsArray ? type.Items.Select(t => t.Text!) : [type.Text!];
            problems.Add((at, $"expected {string.Join(" or ", names.Select(Article))}, found {JsonCursor.Describe(instance.Kind)}"));
            return;
        }

        switch (instance.Kind)
        {
            case JsonKind.Object:
                EvaluateObject(schema, instance, at, problems);
                break;
            case JsonKind.Array:
                if (schema["minItems"] is { } minItems && instance.Items.Count < minItems.Number)
                {
                    problems.Add((at, $"needs at least {minItems.Number.ToString(CultureInfo.InvariantCulture)} item(s), has {instance.Items.Count}"));
                }

                if (schema["items"] is { } items)
                {
                    for (int i = 0; i < instance.Items.Count; i++) Evaluate(items, instance.Items[i], $"{at}/{i}", problems);
                }

                break;
            case JsonKind.String:
                int length = instance.Text!.EnumerateRunes().Count();
                if (schema["minLength"] is { } minLength && length < minLength.Number) problems.Add((at, $"shorter than {minLength.Number.ToString(CultureInfo.InvariantCulture)} character(s)"));
                if (schema["maxLength"] is { } maxLength && length > maxLength.Number) problems.Add((at, $"longer than {maxLength.Number.ToString(CultureInfo.InvariantCulture)} characters"));
                if (schema["pattern"] is { } pattern && !_patterns[pattern.Text!].IsMatch(instance.Text!))
                {
                    problems.Add((at, $"'{instance.Text}' does not match the pattern {pattern.Text}"));
                }

                break;
            case JsonKind.Number:
                if (schema["minimum"] is { } minimum && instance.Number < minimum.Number) problems.Add((at, $"{instance.NumberText} is below the minimum {minimum.NumberText}"));
                if (schema["maximum"] is { } maximum && instance.Number > maximum.Number) problems.Add((at, $"{instance.NumberText} is above the maximum {maximum.NumberText}"));
                break;
        }

        if (schema["oneOf"] is { } oneOf) EvaluateOneOf(oneOf, instance, at, problems);
    }

    private void EvaluateObject(JsonNode schema, JsonNode instance, string at, List<(string At, string Message)> problems)
    {
        var properties = schema["properties"];
        foreach (var required in schema["required"]?.Items ?? [])
        {
            if (instance[required.Text!] is null) problems.Add((at, $"'{required.Text}' is required"));
        }

        foreach (var (name, value) in instance.Members)
        {
            string where = $"{at}/{name.Replace("~", "~0").Replace("/", "~1")}";
            if (properties?[name] is { } property)
            {
                Evaluate(property, value, where, problems);
            }
            else if (schema["additionalProperties"] is { } additional)
            {
                // A closed object: a name it does not list is a misspelt or unknown setting.
                if (additional.Kind == JsonKind.False) problems.Add((where, "not a setting codec.json has"));
                else Evaluate(additional, value, where, problems);
            }
        }
    }

    // Exactly one alternative must hold. When none does, what the alternatives of the value's own kind say is the
    // problem (a code string that is misspelt, an object that lacks its code), not that it is no other kind.
    private void EvaluateOneOf(JsonNode oneOf, JsonNode instance, string at, List<(string At, string Message)> problems)
    {
        var failures = new List<List<(string At, string Message)>>();
        foreach (var alternative in oneOf.Items)
        {
            var found = new List<(string At, string Message)>();
            Evaluate(alternative, instance, at, found);
            failures.Add(found);
        }

        int holding = failures.Count(f => f.Count == 0);
        if (holding == 1) return;
        if (holding > 1)
        {
            problems.Add((at, "matches more than one of its alternatives"));
            return;
        }

        var ofItsKind = oneOf.Items.Select((alternative, i) => (alternative, i)).Where(a => TypeOf(a.alternative) is not { } type || HasType(instance, type)).Select(a => failures[a.i]).ToList();
        if (ofItsKind.Count > 0)
        {
            foreach (var failure in ofItsKind) problems.AddRange(failure);
            return;
        }

        // A value of no alternative's kind: one problem that names the kinds it may be.
        var kinds = oneOf.Items.SelectMany(a => TypeOf(a) is { } type ? type.IsArray ? type.Items.Select(t => t.Text!) : [type.Text!] : []).Distinct();
        problems.Add((at, $"expected {string.Join(" or ", kinds.Select(Article))}, found {JsonCursor.Describe(instance.Kind)}"));
    }

    // The declared type of an alternative, through its $ref.
    private JsonNode? TypeOf(JsonNode schema) =>
        schema["type"] ?? (schema["$ref"] is { } reference ? TypeOf(Resolve(reference.Text)!) : null);

    private static bool HasType(JsonNode instance, JsonNode type) =>
        type.IsArray ? type.Items.Any(t => IsOfType(instance, t.Text!)) : IsOfType(instance, type.Text!);

    private static bool IsOfType(JsonNode instance, string type) => type switch
    {
        "object" => instance.IsObject,
        "array" => instance.IsArray,
        "string" => instance.IsString,
        "number" => instance.IsNumber,
        "integer" => instance.IsNumber && double.IsFinite(instance.Number) && Math.Floor(instance.Number) == instance.Number,
        "boolean" => instance.IsBoolean,
        "null" => instance.Kind == JsonKind.Null,
        _ => throw new InvalidOperationException($"'{type}' is not a JSON Schema type"),
    };

    private static string Article(string type) => type switch
    {
        "object" or "array" or "integer" => $"an {type}",
        "null" => "null",
        _ => $"a {type}",
    };
}
