using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Codec.Generators.Diagnostics;
using Codec.Generators.Emitting;
using Codec.Generators.Model;
using Codec.Generators.Reading;

namespace Codec.Generators.Checking;

/// <summary>
/// Checks a reference table: unique names, ids repeated only where a row says it shares one, enum identifiers
/// that are unique C# names, and location constraints that parse and name points of the same table.
/// </summary>
internal static class TableChecker
{
    private static readonly Regex IdentifierPattern = new("^[A-Za-z_][A-Za-z0-9_]*$");
    private static readonly Regex TablePattern = new(@"^[a-z0-9]+([._-][a-z0-9]+)*$");
    private static readonly Regex NamespacePattern = new(@"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$");

    /// <summary>Checks every table; a table id defined twice is kept from the first file by path.</summary>
    public static List<TableSpec> CheckAll(IEnumerable<TableDraft> drafts, List<DiagnosticInfo> diagnostics)
    {
        var specs = new List<TableSpec>();
        foreach (var draft in drafts.OrderBy(d => d.Source.Path, System.StringComparer.Ordinal))
        {
            if (specs.FirstOrDefault(s => s.TableId == draft.TableId) is { } first)
            {
                Report(diagnostics, draft, DiagnosticDescriptors.TableRowConflict, draft.TableIdPosition, draft.TableId.Length + 2,
                    "/table", $"table '{draft.TableId}' is also defined in {System.IO.Path.GetFileName(first.SchemaPath)}");
                continue;
            }

            if (Check(draft, diagnostics) is { } spec) specs.Add(spec);
        }

        return specs;
    }

    private static TableSpec? Check(TableDraft draft, List<DiagnosticInfo> diagnostics)
    {
        int before = diagnostics.Count;
        if (!TablePattern.IsMatch(draft.TableId))
            Report(diagnostics, draft, DiagnosticDescriptors.InvalidValue, draft.TableIdPosition, draft.TableId.Length + 2, "/table", "a table id is lower-case words joined by '.', '_' or '-', e.g. \"synthesis.landmarks.kinect_v2\"");
        if (!NamespacePattern.IsMatch(draft.Namespace))
            Report(diagnostics, draft, DiagnosticDescriptors.InvalidValue, draft.NamespacePosition, draft.Namespace.Length + 2, "/namespace", "not a C# namespace");
        if (!IdentifierPattern.IsMatch(draft.Name))
            Report(diagnostics, draft, DiagnosticDescriptors.InvalidValue, draft.NamePosition, draft.Name.Length + 2, "/name", "the enum name is a C# identifier");

        var comparer = draft.MatchCase ? System.StringComparer.Ordinal : System.StringComparer.OrdinalIgnoreCase;
        var byName = new Dictionary<string, int>(comparer);
        var ids = new HashSet<int>();
        var identifiers = new Dictionary<string, string>(System.StringComparer.Ordinal);
        var rows = new List<TableRowSpec>();
        for (int i = 0; i < draft.Rows.Count; i++)
        {
            var row = draft.Rows[i];
            string at = "/rows/" + i;
            bool repeatedName = byName.TryGetValue(row.Name, out int earlier);
            if (repeatedName)
                Report(diagnostics, draft, DiagnosticDescriptors.TableRowConflict, row.NamePosition, row.Name.Length + 2, at + "/name",
                    $"name \"{row.Name}\" is also row {earlier}'s{(draft.MatchCase ? "" : " (names match ignoring case in this table)")}");
            else byName[row.Name] = i;

            bool seen = !ids.Add(row.Id);
            if (seen && !row.Shares)
                Report(diagnostics, draft, DiagnosticDescriptors.TableRowConflict, row.Position, 1, at,
                    $"id {row.Id} is already used; mark the row \"shares\": true if the merge is deliberate");
            if (!seen && row.Shares)
                Report(diagnostics, draft, DiagnosticDescriptors.TableRowConflict, row.Position, 1, at,
                    $"\"shares\": true, but no earlier row has id {row.Id}");

            string identifier = row.Identifier ?? Naming.Pascal(IsShouted(row.Name) ? row.Name.ToLowerInvariant() : row.Name);
            var identifierPosition = row.Identifier is null ? row.NamePosition : row.IdentifierPosition;
            if (!IdentifierPattern.IsMatch(identifier))
                Report(diagnostics, draft, DiagnosticDescriptors.InvalidValue, identifierPosition, identifier.Length + 2, at + "/identifier", "not a C# identifier");
            else if (identifiers.TryGetValue(identifier, out string? other) && !repeatedName)
                Report(diagnostics, draft, DiagnosticDescriptors.TableRowConflict, identifierPosition, identifier.Length + 2, at,
                    $"enum member '{identifier}' is also generated for \"{other}\"; give one row an \"identifier\"");
            else identifiers[identifier] = row.Name;

            rows.Add(new TableRowSpec(row.Id, row.Name, identifier, row.Description, row.Shares, row.FormerId, row.Note));
        }

        int frameOrigin = -1;
        if (draft.FrameOrigin is { } origin)
        {
            if (byName.TryGetValue(origin, out int index)) frameOrigin = draft.Rows[index].Id;
            else Report(diagnostics, draft, DiagnosticDescriptors.InvalidValue, draft.FrameOriginPosition, origin.Length + 2, "/frameOrigin", $"no row is named \"{origin}\"");
        }

        var constraints = new List<ConstraintSpec>();
        foreach (var row in draft.Rows)
        {
            foreach (var (axis, text, position) in row.Location)
            {
                char axisName = (char)('x' + axis);
                var parsed = ConstraintTextParser.Parse(text, axisName, out string error);
                if (parsed is null)
                {
                    Report(diagnostics, draft, DiagnosticDescriptors.BadLocationConstraint, position, text.Length + 2, text, row.Name + "." + axisName, error);
                    continue;
                }

                var points = new List<int>();
                foreach (string name in parsed.Points)
                {
                    if (!byName.TryGetValue(name, out int index))
                        Report(diagnostics, draft, DiagnosticDescriptors.BadLocationConstraint, position, text.Length + 2, text, row.Name + "." + axisName, $"no row is named \"{name}\"");
                    else if (draft.Rows[index].Id == row.Id)
                        Report(diagnostics, draft, DiagnosticDescriptors.BadLocationConstraint, position, text.Length + 2, text, row.Name + "." + axisName, "a point cannot constrain itself");
                    else points.Add(draft.Rows[index].Id);
                }

                if (points.Count == parsed.Points.Count)
                    constraints.Add(new ConstraintSpec(row.Id, axis, parsed.Kind, points[0], points.Count > 1 ? points[1] : -1, parsed.Text, parsed.Alternative));
            }
        }

        if (diagnostics.Skip(before).Any(d => DiagnosticDescriptors.ById(d.Id).DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error)) return null;
        return new TableSpec(draft.TableId, draft.Namespace, draft.Name, draft.Description, draft.Origin, draft.MatchCase, frameOrigin,
            draft.Source.Path, rows.ToEquatableArray(), constraints.ToEquatableArray());
    }

    /// <summary>All-capitals names (HAND_RIGHT) become HandRight, not HANDRIGHT.</summary>
    private static bool IsShouted(string name) => name.Any(char.IsLetter) && !name.Any(char.IsLower);

    private static void Report(List<DiagnosticInfo> diagnostics, TableDraft draft, Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor,
        TextPosition position, int length, params string[] args) =>
        diagnostics.Add(JsonObjectReader.Diag(draft.Source, descriptor.Id, position, length, args));
}
