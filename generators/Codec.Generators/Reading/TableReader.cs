using System.Collections.Generic;
using Codec.Generators.Diagnostics;
using Codec.Generators.Model;

namespace Codec.Generators.Reading;

/// <summary>
/// Reads a reference table schema (a file with <c>"table"</c> instead of <c>"format"</c>): ids, names, optional
/// enum identifiers, descriptions, deliberate id merges, former ids and location constraints per axis. What the
/// values mean is checked by <c>Checking.TableChecker</c>; this reports only shape errors.
/// </summary>
internal sealed class TableReader : JsonObjectReader
{
    private static readonly HashSet<string> TopLevelKeys = new()
        { "$schema", "table", "namespace", "name", "description", "source", "matchCase", "frameOrigin", "rows" };
    private static readonly HashSet<string> RowKeys = new()
        { "id", "name", "identifier", "description", "shares", "formerId", "note", "location", "seedLocation" };
    private static readonly HashSet<string> AxisKeys = new() { "x", "y", "z" };

    private TableReader(SchemaSource source, List<DiagnosticInfo> diagnostics) : base(source, diagnostics)
    {
    }

    /// <summary>True when a parsed schema file is a reference table.</summary>
    public static bool IsTable(JsonNode root) => root is JsonObjectNode obj && obj.Get("table") is not null;

    public static TableDraft? Read(SchemaSource source, JsonNode root, List<DiagnosticInfo> diagnostics) =>
        new TableReader(source, diagnostics).ReadRoot((JsonObjectNode)root);

    private TableDraft? ReadRoot(JsonObjectNode root)
    {
        CheckKeys(root, TopLevelKeys, "");
        var draft = new TableDraft { Source = Source };
        bool ok = RequireString(root, "table", "", out draft.TableId, out draft.TableIdPosition);
        ok &= RequireString(root, "namespace", "", out draft.Namespace, out draft.NamespacePosition);
        ok &= RequireString(root, "name", "", out draft.Name, out draft.NamePosition);
        draft.Description = OptionalString(root, "description", "");
        draft.Origin = OptionalString(root, "source", "");
        draft.MatchCase = OptionalBool(root, "matchCase", "") ?? true;
        draft.FrameOrigin = OptionalString(root, "frameOrigin", "");
        draft.FrameOriginPosition = root.Get("frameOrigin")?.Position ?? default;

        if (root.Get("rows") is not JsonArrayNode rows || rows.Items.Count == 0)
        {
            Report(DiagnosticDescriptors.InvalidValue, root.Get("rows")?.Position ?? root.Position, 1, "/rows", "a table has a non-empty array of rows");
            return null;
        }

        for (int i = 0; i < rows.Items.Count; i++)
        {
            if (ReadRow(rows.Items[i], "/rows/" + i) is { } row) draft.Rows.Add(row);
            else ok = false;
        }

        return ok ? draft : null;
    }

    private TableRowDraft? ReadRow(JsonNode node, string at)
    {
        if (node is not JsonObjectNode obj)
        {
            Report(DiagnosticDescriptors.InvalidValue, node.Position, 1, at, "a row is an object with \"id\" and \"name\"");
            return null;
        }

        CheckKeys(obj, RowKeys, at);
        var row = new TableRowDraft { Position = obj.Position };
        bool ok = RequireInt(obj, "id", at, out row.Id);
        ok &= RequireString(obj, "name", at, out row.Name, out row.NamePosition);
        row.Identifier = OptionalString(obj, "identifier", at);
        row.IdentifierPosition = obj.Get("identifier")?.Position ?? default;
        row.Description = OptionalString(obj, "description", at);
        row.Shares = OptionalBool(obj, "shares", at) ?? false;
        row.Note = OptionalString(obj, "note", at);
        if (obj.Get("formerId") is not null)
        {
            ok &= RequireInt(obj, "formerId", at, out row.FormerId);
        }

        if (obj.Get("location") is { } location) ok &= ReadAxes(location, at + "/location", row.Location);

        // The seed's own wording where the schema corrects it: kept for the record, not used.
        if (obj.Get("seedLocation") is { } seed) ok &= ReadAxes(seed, at + "/seedLocation", new List<(int, string, TextPosition)>());
        return ok ? row : null;
    }

    private bool ReadAxes(JsonNode node, string at, List<(int Axis, string Text, TextPosition Position)> into)
    {
        if (node is not JsonObjectNode obj)
        {
            Report(DiagnosticDescriptors.InvalidValue, node.Position, 1, at, "expected {\"x\": …, \"y\": …, \"z\": …} with constraint texts");
            return false;
        }

        CheckKeys(obj, AxisKeys, at);
        bool ok = true;
        foreach (var prop in obj.Properties)
        {
            int axis = prop.Name switch { "x" => 0, "y" => 1, "z" => 2, _ => -1 };
            if (axis < 0) continue;
            if (prop.Value is JsonStringNode text && text.Value.Trim().Length > 0) into.Add((axis, text.Value, text.Position));
            else
            {
                Report(DiagnosticDescriptors.InvalidValue, prop.Value.Position, 1, at + "/" + prop.Name, "expected a non-empty constraint text");
                ok = false;
            }
        }

        return ok;
    }

    private bool RequireInt(JsonObjectNode obj, string key, string at, out int value)
    {
        value = 0;
        var node = obj.Get(key);
        if (node is null)
        {
            Report(DiagnosticDescriptors.MissingProperty, obj.Position, 1, key, at);
            return false;
        }

        if (node is JsonNumberNode n && n.Value >= 0 && n.Value <= 65535 && n.Value == System.Math.Floor(n.Value))
        {
            value = (int)n.Value;
            return true;
        }

        Report(DiagnosticDescriptors.InvalidValue, node.Position, 1, at + "/" + key, "expected an integer id in 0..65535");
        return false;
    }
}
