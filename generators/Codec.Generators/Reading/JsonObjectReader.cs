using System.Globalization;
using System.Collections.Generic;
using System.Linq;
using Codec.Generators.Diagnostics;
using Codec.Generators.Model;

namespace Codec.Generators.Reading;

/// <summary>
/// What every schema-file reader shares: parsing, reading typed properties and reporting at the value's line and
/// column. Format schemas (<see cref="SchemaReader"/>) and reference tables (<see cref="TableReader"/>) build on it.
/// </summary>
internal abstract class JsonObjectReader
{
    private readonly SchemaSource _source;
    private readonly List<DiagnosticInfo> _diagnostics;

    protected JsonObjectReader(SchemaSource source, List<DiagnosticInfo> diagnostics)
    {
        _source = source;
        _diagnostics = diagnostics;
    }

    protected SchemaSource Source => _source;

    /// <summary>Parses a schema file's JSON; null (with CODEC001) when it is not JSON.</summary>
    public static JsonNode? Parse(SchemaSource source, List<DiagnosticInfo> diagnostics)
    {
        try
        {
            return SchemaJsonParser.Parse(source);
        }
        catch (SchemaJsonException e)
        {
            diagnostics.Add(Diag(source, DiagnosticDescriptors.InvalidJson.Id, e.Position, 1, e.Message));
            return null;
        }
    }

    protected bool RequireString(JsonObjectNode obj, string key, string at, out string value, out TextPosition position)
    {
        var node = obj.Get(key);
        value = "";
        position = obj.Position;
        if (node is null)
        {
            Report(DiagnosticDescriptors.MissingProperty, obj.Position, 1, key, at.Length == 0 ? "/" : at);
            return false;
        }

        position = node.Position;
        if (node is JsonStringNode s && s.Value.Length > 0)
        {
            value = s.Value;
            return true;
        }

        Report(DiagnosticDescriptors.InvalidValue, node.Position, 1, at + "/" + key, "expected a non-empty string");
        return false;
    }

    protected string? OptionalString(JsonObjectNode obj, string key, string at)
    {
        var node = obj.Get(key);
        if (node is null) return null;
        if (node is JsonStringNode s) return s.Value;
        Report(DiagnosticDescriptors.InvalidValue, node.Position, 1, at + "/" + key, "expected a string");
        return null;
    }

    protected bool? OptionalBool(JsonObjectNode obj, string key, string at)
    {
        var node = obj.Get(key);
        if (node is null) return null;
        if (node is JsonLiteralNode { Value: { } b }) return b;
        Report(DiagnosticDescriptors.InvalidValue, node.Position, 1, at + "/" + key, "expected true or false");
        return null;
    }

    /// <summary>
    /// <c>"range": [minimum, maximum]</c>, <c>null</c> for an open end: how every kind of schema file writes bounds.
    /// Returns (null, null) when the key is absent or malformed (then reported).
    /// </summary>
    protected (double? Minimum, double? Maximum) ReadRange(JsonObjectNode obj, string at)
    {
        if (obj.Get("range") is not { } range) return (null, null);
        if (range is JsonArrayNode r && r.Items.Count == 2 && r.Items.All(i => i is JsonNumberNode || i is JsonLiteralNode { Value: null }))
        {
            double? min = (r.Items[0] as JsonNumberNode)?.Value, max = (r.Items[1] as JsonNumberNode)?.Value;
            if (min is null && max is null) Report(DiagnosticDescriptors.BadRange, range.Position, 1, at + "/range", "at least one bound must be a number");
            else if (min > max)
            {
                Report(DiagnosticDescriptors.BadRange, range.Position, 1, at + "/range", string.Format(System.Globalization.CultureInfo.InvariantCulture,
                    "minimum {0} is greater than maximum {1}", min, max));
            }
            return (min, max);
        }

        Report(DiagnosticDescriptors.BadRange, range.Position, 1, at + "/range", "expected [minimum, maximum] with numbers (or null for an open end)");
        return (null, null);
    }

    protected void CheckKeys(JsonObjectNode obj, HashSet<string> allowed, string at)
    {
        foreach (var p in obj.Properties)
        {
            if (!allowed.Contains(p.Name))
            {
                Report(DiagnosticDescriptors.UnknownSchemaProperty, p.NamePosition, p.Name.Length + 2, p.Name, at.Length == 0 ? "/" : at);
            }
        }
    }

    protected double? Number(JsonObjectNode obj, string key, string at)
    {
        var node = obj.Get(key);
        if (node is null) return null;
        if (node is JsonNumberNode n) return n.Value;
        Report(DiagnosticDescriptors.InvalidValue, node.Position, 1, at + "/" + key, "expected a number");
        return null;
    }

    protected List<string> Strings(JsonObjectNode obj, string key, string at)
    {
        var result = new List<string>();
        var node = obj.Get(key);
        if (node is null) return result;
        if (node is JsonArrayNode list && list.Items.All(i => i is JsonStringNode)) result.AddRange(list.Items.Select(i => ((JsonStringNode)i).Value));
        else Report(DiagnosticDescriptors.InvalidValue, node.Position, 1, at + "/" + key, "expected an array of strings");
        return result;
    }

    // An optional array of objects; null when it (or an item) is malformed, each problem reported.
    protected List<T>? Objects<T>(JsonObjectNode obj, string key, string at, System.Func<JsonObjectNode, string, T?> read) where T : class
    {
        var result = new List<T>();
        var node = obj.Get(key);
        if (node is null) return result;
        if (node is not JsonArrayNode list)
        {
            Report(DiagnosticDescriptors.InvalidValue, node.Position, 1, at + "/" + key, "expected an array of objects");
            return null;
        }

        bool ok = true;
        for (int i = 0; i < list.Items.Count; i++)
        {
            string itemAt = at + "/" + key + "/" + i.ToString(CultureInfo.InvariantCulture);
            if (list.Items[i] is JsonObjectNode item && read(item, itemAt) is { } value) result.Add(value);
            else
            {
                if (list.Items[i] is not JsonObjectNode) Report(DiagnosticDescriptors.InvalidValue, list.Items[i].Position, 1, itemAt, "expected an object");
                ok = false;
            }
        }

        return ok ? result : null;
    }

    protected void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, TextPosition position, int length, params string[] args) =>
        _diagnostics.Add(Diag(_source, descriptor.Id, position, length, args));

    /// <summary>A diagnostic at <paramref name="position"/>, in the file the position is in (else in <paramref name="fallback"/>).</summary>
    internal static DiagnosticInfo Diag(SchemaSource fallback, string id, TextPosition position, int length, params string[] args)
    {
        var source = position.Source ?? fallback;
        length = System.Math.Max(1, System.Math.Min(length, source.Text.Length - position.Offset));
        return new DiagnosticInfo(id, new LocationInfo(source.Path, position.Offset, length, position.Line, position.Column), args.ToEquatableArray());
    }
}
