using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Codec.Generators.Diagnostics;
using Codec.Generators.Model;

namespace Codec.Generators.Reading;

/// <summary>
/// Reads a dataset schema (a file with <c>"dataset"</c>): dimensions, folders with their files, NPZ members and JSON
/// fields, and the named cross-file rules. Shape errors are reported here; what the names and expressions mean is
/// checked by <c>Checking.DatasetChecker</c>, which finds each value's place in <see cref="DatasetDraft.Positions"/>.
/// </summary>
internal sealed class DatasetReader : JsonObjectReader
{
    private static readonly HashSet<string> TopLevelKeys = new() { "$schema", "dataset", "namespace", "name", "title", "description", "recognizedBy", "dimensions", "fieldSets", "folders", "rules" };
    private static readonly HashSet<string> DimensionKeys = new() { "symbol", "per", "description" };
    private static readonly HashSet<string> FolderKeys = new() { "path", "optional", "description", "oneOf", "strays", "filesBeside", "files" };
    private static readonly HashSet<string> FileKeys = new()
        { "name", "kind", "optional", "description", "dtype", "shape", "finite", "range", "minSampleRate", "minBitsPerSample", "members", "fields", "sameLength" };
    private static readonly HashSet<string> MemberKeys = new() { "key", "dtype", "shape", "optional", "warnDTypes", "indexBelow" };
    private static readonly HashSet<string> FieldKeys = new() { "pointer", "type", "optional", "range", "equals", "length", "minItems", "allowed", "indexBelow", "severity" };

    private static readonly HashSet<string> FieldSetUseKeys = new() { "set", "dimensions" };

    private readonly Dictionary<string, TextPosition> _positions = new();

    // Field lists declared once under "fieldSets" and used by name (with dimensions renamed) by several files.
    private readonly Dictionary<string, List<DatasetFieldSpec>> _fieldSets = new();

    private DatasetReader(SchemaSource source, List<DiagnosticInfo> diagnostics) : base(source, diagnostics)
    {
    }

    /// <summary>True when a parsed schema file describes a dataset layout.</summary>
    public static bool IsDataset(JsonNode root) => root is JsonObjectNode obj && obj.Get("dataset") is not null;

    public static DatasetDraft? Read(SchemaSource source, JsonNode root, List<DiagnosticInfo> diagnostics)
    {
        var reader = new DatasetReader(source, diagnostics);
        var spec = reader.ReadRoot((JsonObjectNode)root);
        return spec is null ? null : new DatasetDraft(spec, source, reader._positions);
    }

    private DatasetSpec? ReadRoot(JsonObjectNode root)
    {
        CheckKeys(root, TopLevelKeys, "");
        bool ok = RequireString(root, "dataset", "", out string id, out var idPosition);
        ok &= RequireString(root, "namespace", "", out string ns, out var nsPosition);
        ok &= RequireString(root, "name", "", out string name, out var namePosition);
        _positions["/dataset"] = idPosition;
        _positions["/namespace"] = nsPosition;
        _positions["/name"] = namePosition;
        string description = OptionalString(root, "description", "") ?? "";
        var recognized = Strings(root, "recognizedBy", "");
        var dimensions = Objects(root, "dimensions", "", (obj, at) =>
        {
            CheckKeys(obj, DimensionKeys, at);
            if (!RequireString(obj, "symbol", at, out string symbol, out var position)) return null;
            _positions[at] = position;
            if (obj.Get("per") is { } per) _positions[at + "/per"] = per.Position;
            return new DatasetDimensionSpec(symbol, OptionalString(obj, "per", at), OptionalString(obj, "description", at) ?? "");
        });
        if (root.Get("fieldSets") is { } sets)
        {
            if (sets is JsonObjectNode named)
            {
                foreach (var prop in named.Properties)
                {
                    string at = "/fieldSets/" + prop.Name;
                    _positions[at] = prop.NamePosition;
                    if (prop.Value is JsonArrayNode list && list.Items.All(i => i is JsonObjectNode))
                    {
                        var fields = new List<DatasetFieldSpec>();
                        for (int i = 0; i < list.Items.Count; i++)
                        {
                            if (ReadField((JsonObjectNode)list.Items[i], at + "/" + i) is { } field) fields.Add(field);
                        }

                        _fieldSets[prop.Name] = fields;
                    }
                    else Report(DiagnosticDescriptors.InvalidValue, prop.Value.Position, 1, at, "a field set is an array of fields");
                }
            }
            else Report(DiagnosticDescriptors.InvalidValue, sets.Position, 1, "/fieldSets", "expected an object of named field lists");
        }

        var folders = Objects(root, "folders", "", ReadFolder);
        var rules = Objects(root, "rules", "", ReadRule);
        if (!ok || dimensions is null || folders is null || rules is null) return null;
        return new DatasetSpec(id, ns, name, OptionalString(root, "title", "") ?? id, description, Source.Path, recognized.ToEquatableArray(), dimensions.ToEquatableArray(),
            folders.ToEquatableArray(), rules.ToEquatableArray());
    }

    private DatasetFolderSpec? ReadFolder(JsonObjectNode obj, string at)
    {
        CheckKeys(obj, FolderKeys, at);
        if (!RequireString(obj, "path", at, out string path, out var position)) return null;
        _positions[at] = position;
        string? strays = OptionalString(obj, "strays", at);
        if (obj.Get("strays") is { } s) _positions[at + "/strays"] = s.Position;
        string? filesBeside = OptionalString(obj, "filesBeside", at);
        if (obj.Get("filesBeside") is { } beside) _positions[at + "/filesBeside"] = beside.Position;
        var files = Objects(obj, "files", at, ReadFile);
        if (files is null) return null;
        bool oneOf = OptionalBool(obj, "oneOf", at) ?? false;
        // A oneOf folder's files are alternatives: the folder asks for exactly one of them, none is required alone.
        if (oneOf) files = files.Select(f => f with { Required = false }).ToList();
        return new DatasetFolderSpec(path, !(OptionalBool(obj, "optional", at) ?? false), OptionalString(obj, "description", at) ?? "",
            oneOf, strays, filesBeside, files.ToEquatableArray());
    }

    private DatasetFileSpec? ReadFile(JsonObjectNode obj, string at)
    {
        CheckKeys(obj, FileKeys, at);
        bool ok = RequireString(obj, "name", at, out string name, out var position);
        ok &= RequireString(obj, "kind", at, out string kind, out var kindPosition);
        _positions[at] = position;
        _positions[at + "/kind"] = kindPosition;
        var members = Objects(obj, "members", at, ReadMember);
        var fields = obj.Get("fields") is JsonObjectNode use ? UseFieldSet(use, at + "/fields") : Objects(obj, "fields", at, ReadField);
        var pairs = new List<string>();
        if (obj.Get("sameLength") is { } same)
        {
            if (same is JsonArrayNode list && list.Items.All(i => i is JsonArrayNode { Items.Count: 2 } p && p.Items.All(x => x is JsonStringNode)))
            {
                foreach (JsonArrayNode pair in list.Items) pairs.Add(((JsonStringNode)pair.Items[0]).Value + "|" + ((JsonStringNode)pair.Items[1]).Value);
            }
            else
            {
                Report(DiagnosticDescriptors.InvalidValue, same.Position, 1, at + "/sameLength", "expected pairs of JSON pointers, [[\"/upper\", \"/lower\"]]");
            }
        }

        if (!ok || members is null || fields is null) return null;
        var (min, max) = ReadRange(obj, at);
        return new DatasetFileSpec(name, kind, !(OptionalBool(obj, "optional", at) ?? false), OptionalString(obj, "description", at) ?? "",
            OptionalString(obj, "dtype", at), Shape(obj, at), OptionalBool(obj, "finite", at) ?? false, min, max,
            (int)(Number(obj, "minSampleRate", at) ?? 0), (int)(Number(obj, "minBitsPerSample", at) ?? 0),
            members.ToEquatableArray(), fields.ToEquatableArray(), pairs.ToEquatableArray());
    }

    private DatasetMemberSpec? ReadMember(JsonObjectNode obj, string at)
    {
        CheckKeys(obj, MemberKeys, at);
        if (!RequireString(obj, "key", at, out string key, out var position)) return null;
        _positions[at] = position;
        string? index = OptionalString(obj, "indexBelow", at);
        if (obj.Get("indexBelow") is { } i) _positions[at + "/indexBelow"] = i.Position;
        return new DatasetMemberSpec(key, OptionalString(obj, "dtype", at), Shape(obj, at), OptionalBool(obj, "optional", at) ?? false,
            Strings(obj, "warnDTypes", at).ToEquatableArray(), index);
    }

    private DatasetFieldSpec? ReadField(JsonObjectNode obj, string at)
    {
        CheckKeys(obj, FieldKeys, at);
        bool ok = RequireString(obj, "type", at, out string type, out var typePosition);
        var pointerNode = obj.Get("pointer");
        if (pointerNode is not JsonStringNode pointer)
        {
            Report(DiagnosticDescriptors.MissingProperty, obj.Position, 1, "pointer", at);
            return null;
        }

        _positions[at] = pointer.Position;
        _positions[at + "/type"] = typePosition;
        foreach (var key in new[] { "equals", "length", "indexBelow", "severity" })
        {
            if (obj.Get(key) is { } node) _positions[at + "/" + key] = node.Position;
        }

        var allowed = new List<double>();
        if (obj.Get("allowed") is { } a)
        {
            if (a is JsonArrayNode list && list.Items.All(x => x is JsonNumberNode)) allowed.AddRange(list.Items.Select(x => ((JsonNumberNode)x).Value));
            else Report(DiagnosticDescriptors.InvalidValue, a.Position, 1, at + "/allowed", "expected an array of numbers");
        }

        if (!ok) return null;
        var (min, max) = ReadRange(obj, at);
        return new DatasetFieldSpec(pointer.Value, type, !(OptionalBool(obj, "optional", at) ?? false), min, max,
            OptionalString(obj, "equals", at), OptionalString(obj, "length", at), (int)(Number(obj, "minItems", at) ?? 0), allowed.ToEquatableArray(),
            OptionalString(obj, "indexBelow", at), OptionalString(obj, "severity", at) ?? "error");
    }

    private DatasetRuleSpec? ReadRule(JsonObjectNode obj, string at)
    {
        if (!RequireString(obj, "rule", at, out string name, out var position)) return null;
        _positions[at] = position;
        string severity = "error";
        var arguments = new List<DatasetRuleArgument>();
        foreach (var prop in obj.Properties)
        {
            switch (prop.Name)
            {
                case "rule":
                case "description":
                    break;
                case "severity":
                    severity = (prop.Value as JsonStringNode)?.Value ?? "";
                    _positions[at + "/severity"] = prop.Value.Position;
                    break;
                default:
                    // An argument keeps the JSON type it is written in; the checker holds it to the type the rule
                    // registers for it.
                    _positions[at + "/" + prop.Name] = prop.NamePosition;
                    arguments.Add(Argument(prop.Name, prop.Value));
                    break;
            }
        }

        return new DatasetRuleSpec(name, severity, OptionalString(obj, "description", at) ?? "", arguments.ToEquatableArray(), "", EquatableArray<string>.Empty);
    }

    // { "set": "solverConfig", "dimensions": { "P": "Pt" } }: the set's fields, each dimension renamed as given.
    private List<DatasetFieldSpec>? UseFieldSet(JsonObjectNode use, string at)
    {
        CheckKeys(use, FieldSetUseKeys, at);
        if (!RequireString(use, "set", at, out string set, out var position)) return null;
        if (!_fieldSets.TryGetValue(set, out var fields))
        {
            Report(DiagnosticDescriptors.InvalidValue, position, set.Length + 2, at + "/set",
                $"no field set '{set}'; declared: {(_fieldSets.Count == 0 ? "none" : string.Join(", ", _fieldSets.Keys.OrderBy(k => k, System.StringComparer.Ordinal)))}");
            return null;
        }

        var renames = new Dictionary<string, string>();
        if (use.Get("dimensions") is { } node)
        {
            if (node is JsonObjectNode map && map.Properties.All(p => p.Value is JsonStringNode))
            {
                foreach (var p in map.Properties) renames[p.Name] = ((JsonStringNode)p.Value).Value;
            }
            else Report(DiagnosticDescriptors.InvalidValue, node.Position, 1, at + "/dimensions", "expected { \"P\": \"Pt\" }: a dimension of the set, the one to use instead");
        }

        string? Rename(string? expression)
        {
            if (expression is null) return null;
            int end = 0;
            while (end < expression.Length && char.IsLetterOrDigit(expression[end])) end++;
            return renames.TryGetValue(expression.Substring(0, end), out var to) ? to + expression.Substring(end) : expression;
        }

        return fields.Select(f => f with { EqualsDimension = Rename(f.EqualsDimension), Length = Rename(f.Length), IndexBelow = Rename(f.IndexBelow) }).ToList();
    }

    /// <summary>A rule argument as written: its JSON type and value (also how a registered default, written as JSON, is read).</summary>
    internal static DatasetRuleArgument Argument(string name, JsonNode value) => value switch
    {
        JsonStringNode text => new DatasetRuleArgument(name, "string", text.Value, EquatableArray<string>.Empty),
        JsonNumberNode n => new DatasetRuleArgument(name, "number", n.Value.ToString("R", CultureInfo.InvariantCulture), EquatableArray<string>.Empty),
        JsonLiteralNode { Value: bool flag } => new DatasetRuleArgument(name, "boolean", flag ? "true" : "false", EquatableArray<string>.Empty),
        JsonArrayNode list when list.Items.All(i => i is JsonStringNode) =>
            new DatasetRuleArgument(name, "list", "", list.Items.Select(i => ((JsonStringNode)i).Value).ToEquatableArray()),
        _ => new DatasetRuleArgument(name, "other", "", EquatableArray<string>.Empty),
    };

    private EquatableArray<string>? Shape(JsonObjectNode obj, string at)
    {
        var node = obj.Get("shape");
        if (node is null) return null;
        _positions[at + "/shape"] = node.Position;
        if (node is not JsonArrayNode list)
        {
            Report(DiagnosticDescriptors.InvalidValue, node.Position, 1, at + "/shape", "a shape is an array of dimensions and sizes, e.g. [\"F\", \"V\", 3]");
            return null;
        }

        var entries = new List<string>();
        foreach (var item in list.Items)
        {
            if (item is JsonStringNode s) entries.Add(s.Value);
            else if (item is JsonNumberNode n && n.Value >= 0 && n.Value == System.Math.Floor(n.Value)) entries.Add(((long)n.Value).ToString(CultureInfo.InvariantCulture));
            else Report(DiagnosticDescriptors.InvalidValue, item.Position, 1, at + "/shape", "a shape entry is a dimension (\"V\", \"P+1\") or a size");
        }

        return entries.ToEquatableArray();
    }
}

/// <summary>A dataset schema as read, with the position of each value by its schema path (for the checker's diagnostics).</summary>
internal sealed record DatasetDraft(DatasetSpec Spec, SchemaSource Source, IReadOnlyDictionary<string, TextPosition> Positions);
