using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Codec.Generators.Diagnostics;
using Codec.Generators.Model;

namespace Codec.Generators.Reading;

/// <summary>
/// Reads a render contract (a schema file with <c>"render"</c>): the folder's metadata file, the shapes of a render's
/// name, the files of one render
/// with their kinds (and an EXR's passes), the tolerances, and the rules with the files they apply to. Shape errors
/// are reported here; what names and arguments mean is checked by <c>Checking.RenderChecker</c>.
/// </summary>
internal sealed class RenderReader : JsonObjectReader
{
    private static readonly HashSet<string> TopLevelKeys = new() { "$schema", "render", "namespace", "name", "description", "metadata", "names", "files", "rules", "tolerances" };
    private static readonly HashSet<string> NameKeys = new() { "shape", "description" };
    private static readonly HashSet<string> FileKeys = new() { "name", "suffixes", "kind", "mapping", "description", "passes" };
    private static readonly HashSet<string> PassKeys = new() { "as", "channels" };
    private static readonly HashSet<string> ToleranceKeys = new() { "value", "range", "description" };

    private readonly Dictionary<string, TextPosition> _positions = new();

    private RenderReader(SchemaSource source, List<DiagnosticInfo> diagnostics) : base(source, diagnostics)
    {
    }

    /// <summary>True when a parsed schema file describes a render contract.</summary>
    public static bool IsRender(JsonNode root) => root is JsonObjectNode obj && obj.Get("render") is not null;

    public static RenderDraft? Read(SchemaSource source, JsonNode root, List<DiagnosticInfo> diagnostics)
    {
        var reader = new RenderReader(source, diagnostics);
        var spec = reader.ReadRoot((JsonObjectNode)root);
        return spec is null ? null : new RenderDraft(spec, source, reader._positions);
    }

    private RenderSpec? ReadRoot(JsonObjectNode root)
    {
        CheckKeys(root, TopLevelKeys, "");
        bool ok = RequireString(root, "render", "", out string id, out var idPosition);
        ok &= RequireString(root, "namespace", "", out string ns, out var nsPosition);
        ok &= RequireString(root, "name", "", out string name, out var namePosition);
        ok &= RequireString(root, "metadata", "", out string metadata, out var metadataPosition);
        _positions["/render"] = idPosition;
        _positions["/namespace"] = nsPosition;
        _positions["/name"] = namePosition;
        _positions["/metadata"] = metadataPosition;
        var names = Objects(root, "names", "", ReadName);
        var files = Objects(root, "files", "", ReadFile);
        var rules = Objects(root, "rules", "", ReadRule);
        var tolerances = new List<RenderToleranceSpec>();
        if (root.Get("tolerances") is { } node)
        {
            if (node is JsonObjectNode named)
            {
                var seen = new HashSet<string>();
                foreach (var prop in named.Properties)
                {
                    string at = "/tolerances/" + prop.Name;
                    _positions[at] = prop.NamePosition;
                    if (!seen.Add(prop.Name))
                    {
                        Report(DiagnosticDescriptors.DuplicateMember, prop.NamePosition, prop.Name.Length + 2, prop.Name, "/tolerances");
                        ok = false;
                        continue;
                    }

                    if (prop.Value is not JsonObjectNode t)
                    {
                        Report(DiagnosticDescriptors.InvalidValue, prop.Value.Position, 1, at, "a tolerance is an object: { \"value\": n, \"range\": [min, max], \"description\": why }");
                        ok = false;
                        continue;
                    }

                    CheckKeys(t, ToleranceKeys, at);
                    if (t.Get("value") is not JsonNumberNode value)
                    {
                        Report(DiagnosticDescriptors.InvalidValue, t.Get("value")?.Position ?? t.Position, 1, at + "/value", "expected a number");
                        ok = false;
                        continue;
                    }

                    // Why the value is what it is belongs with it: codec explain and the settings' schema show it.
                    if (!RequireString(t, "description", at, out string description, out _))
                    {
                        ok = false;
                        continue;
                    }

                    var (min, max) = ReadRange(t, at);
                    tolerances.Add(new RenderToleranceSpec(prop.Name, value.Value.ToString("R", CultureInfo.InvariantCulture), min, max, description));
                }
            }
            else
            {
                Report(DiagnosticDescriptors.InvalidValue, node.Position, 1, "/tolerances", "expected an object of named tolerances");
                ok = false;
            }
        }

        if (!ok || names is null || files is null || rules is null) return null;
        return new RenderSpec(id, ns, name, OptionalString(root, "description", "") ?? "", Source.Path, metadata,
            names.ToEquatableArray(), files.ToEquatableArray(), tolerances.ToEquatableArray(), rules.ToEquatableArray());
    }

    private RenderNameSpec? ReadName(JsonObjectNode obj, string at)
    {
        CheckKeys(obj, NameKeys, at);
        if (!RequireString(obj, "shape", at, out string shape, out var position)) return null;
        _positions[at] = position;
        return new RenderNameSpec(shape, OptionalString(obj, "description", at) ?? "");
    }

    private RenderFileSpec? ReadFile(JsonObjectNode obj, string at)
    {
        CheckKeys(obj, FileKeys, at);
        bool ok = RequireString(obj, "name", at, out string name, out var position);
        ok &= RequireString(obj, "kind", at, out string kind, out var kindPosition);
        _positions[at] = position;
        _positions[at + "/kind"] = kindPosition;
        if (obj.Get("suffixes") is { } suffixes) _positions[at + "/suffixes"] = suffixes.Position;
        var passes = Objects(obj, "passes", at, (pass, passAt) =>
        {
            CheckKeys(pass, PassKeys, passAt);
            if (!RequireString(pass, "as", passAt, out string standsFor, out var asPosition)) return null;
            _positions[passAt] = asPosition;
            var channels = Strings(pass, "channels", passAt);
            if (channels.Count == 0) Report(DiagnosticDescriptors.InvalidValue, pass.Position, 1, passAt + "/channels", "a pass names one channel or more");
            return new RenderPassSpec(standsFor, channels.ToEquatableArray());
        });
        if (!ok || passes is null) return null;
        return new RenderFileSpec(name, Strings(obj, "suffixes", at).ToEquatableArray(), kind, OptionalString(obj, "description", at) ?? "",
            OptionalString(obj, "mapping", at), passes.ToEquatableArray());
    }

    private RenderRuleSpec? ReadRule(JsonObjectNode obj, string at)
    {
        if (!RequireString(obj, "rule", at, out string name, out var position)) return null;
        _positions[at] = position;
        var arguments = new List<DatasetRuleArgument>();
        var files = new List<string>();
        foreach (var prop in obj.Properties)
        {
            switch (prop.Name)
            {
                case "rule":
                case "description":
                    break;
                case "in":
                    _positions[at + "/in"] = prop.Value.Position;
                    if (prop.Value is JsonArrayNode list && list.Items.Count > 0 && list.Items.All(i => i is JsonStringNode))
                        files.AddRange(list.Items.Select(i => ((JsonStringNode)i).Value));
                    else Report(DiagnosticDescriptors.InvalidValue, prop.Value.Position, 1, at + "/in", "expected the names of the render's files the rule applies to, [\"rgb\", \"depth\"]");
                    break;
                default:
                    // An argument keeps the JSON type it is written in; the checker holds it to the rule's registration.
                    _positions[at + "/" + prop.Name] = prop.NamePosition;
                    arguments.Add(DatasetReader.Argument(prop.Name, prop.Value));
                    break;
            }
        }

        if (files.Count == 0)
        {
            if (obj.Get("in") is null) Report(DiagnosticDescriptors.MissingProperty, obj.Position, 1, "in", at);
            return null;
        }

        return new RenderRuleSpec(name, OptionalString(obj, "description", at) ?? "", files.ToEquatableArray(), arguments.ToEquatableArray(), "");
    }
}

/// <summary>A render contract as read, with the position of each value by its schema path (for the checker's diagnostics).</summary>
internal sealed record RenderDraft(RenderSpec Spec, SchemaSource Source, IReadOnlyDictionary<string, TextPosition> Positions);
