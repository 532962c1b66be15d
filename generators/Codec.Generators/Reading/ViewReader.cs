using System.Collections.Generic;
using Codec.Generators.Diagnostics;
using Codec.Generators.Model;

namespace Codec.Generators.Reading;

/// <summary>
/// Reads a format's views file: <c>{"format", "namespace", "root", "views": {"Name": {"description", "members"}},
/// "tolerances": {"name": {"value", "description", "range"}}}</c>.
/// Member types are <c>bool</c>, <c>int</c>, <c>float</c>, <c>string</c>, <c>float[2]</c> … <c>float[4][4]</c>,
/// <c>map&lt;int&gt;</c>, another view, or <c>list&lt;View&gt;</c>; they are resolved by <see cref="Checking.ViewChecker"/>.
/// </summary>
internal sealed class ViewReader : JsonObjectReader
{
    private static readonly HashSet<string> TopLevelKeys = new() { "$schema", "format", "namespace", "description", "root", "views", "tolerances" };
    private static readonly HashSet<string> ToleranceKeys = new() { "value", "description", "range" };
    private static readonly HashSet<string> ViewKeys = new() { "description", "members" };
    private static readonly HashSet<string> MemberKeys = new() { "type", "description" };

    private ViewReader(SchemaSource source, List<DiagnosticInfo> diagnostics) : base(source, diagnostics)
    {
    }

    /// <summary>A views file declares views and no version.</summary>
    public static bool IsViews(JsonNode root) => root is JsonObjectNode obj && obj.Get("views") is not null && obj.Get("version") is null;

    public static ViewSetDraft? Read(SchemaSource source, JsonNode root, List<DiagnosticInfo> diagnostics) =>
        new ViewReader(source, diagnostics).ReadRoot((JsonObjectNode)root);

    private ViewSetDraft? ReadRoot(JsonObjectNode root)
    {
        CheckKeys(root, TopLevelKeys, "");
        var set = new ViewSetDraft { Source = Source };
        bool ok = RequireString(root, "format", "", out set.FormatId, out set.FormatPosition);
        ok &= RequireString(root, "namespace", "", out set.Namespace, out set.NamespacePosition);
        OptionalString(root, "description", ""); // for readers of the file; the views' own descriptions become XML docs
        set.Root = OptionalString(root, "root", "");
        set.RootPosition = root.Get("root")?.Position ?? root.Position;
        if (root.Get("views") is not JsonObjectNode views)
        {
            Report(DiagnosticDescriptors.InvalidValue, root.Get("views")!.Position, 1, "/views", "expected an object of view declarations");
            return null;
        }

        var seen = new HashSet<string>();
        foreach (var prop in views.Properties)
        {
            string at = "/views/" + prop.Name;
            if (!seen.Add(prop.Name))
            {
                Report(DiagnosticDescriptors.DuplicateMember, prop.NamePosition, prop.Name.Length + 2, prop.Name, "/views");
                continue;
            }

            if (prop.Value is not JsonObjectNode body)
            {
                Report(DiagnosticDescriptors.InvalidValue, prop.Value.Position, 1, at, "a view is an object with \"members\"");
                continue;
            }

            CheckKeys(body, ViewKeys, at);
            var view = new ViewDraft(prop.Name, prop.NamePosition) { Description = OptionalString(body, "description", at) };
            if (body.Get("members") is not JsonObjectNode members)
            {
                Report(DiagnosticDescriptors.MissingProperty, body.Position, 1, "members", at);
                continue;
            }

            var memberNames = new HashSet<string>();
            foreach (var m in members.Properties)
            {
                if (!memberNames.Add(m.Name))
                {
                    Report(DiagnosticDescriptors.DuplicateMember, m.NamePosition, m.Name.Length + 2, m.Name, at + "/members");
                    continue;
                }

                var member = new ViewMemberDraft(m.Name, m.NamePosition);
                if (m.Value is JsonStringNode shorthand)
                {
                    member.Type = shorthand.Value;
                    member.TypePosition = shorthand.Position;
                }
                else if (m.Value is JsonObjectNode full)
                {
                    CheckKeys(full, MemberKeys, at + "/members/" + m.Name);
                    if (!RequireString(full, "type", at + "/members/" + m.Name, out member.Type, out member.TypePosition)) continue;
                    member.Description = OptionalString(full, "description", at + "/members/" + m.Name);
                }
                else
                {
                    Report(DiagnosticDescriptors.InvalidValue, m.Value.Position, 1, at + "/members/" + m.Name, "a view member is a type name or an object with \"type\"");
                    continue;
                }

                view.Members.Add(member);
            }

            set.Views.Add(view);
        }

        ReadTolerances(root, set);
        return ok ? set : null;
    }

    // The thresholds of the checks on the format's files, each a number with what it bounds and, optionally, the
    // range a user's setting must keep to.
    private void ReadTolerances(JsonObjectNode root, ViewSetDraft set)
    {
        if (root.Get("tolerances") is not { } node) return;
        if (node is not JsonObjectNode tolerances)
        {
            Report(DiagnosticDescriptors.InvalidValue, node.Position, 1, "/tolerances", "expected an object of named tolerances");
            return;
        }

        var seen = new HashSet<string>();
        foreach (var prop in tolerances.Properties)
        {
            string at = "/tolerances/" + prop.Name;
            if (!seen.Add(prop.Name))
            {
                Report(DiagnosticDescriptors.DuplicateMember, prop.NamePosition, prop.Name.Length + 2, prop.Name, "/tolerances");
                continue;
            }

            if (prop.Value is not JsonObjectNode body)
            {
                Report(DiagnosticDescriptors.InvalidValue, prop.Value.Position, 1, at, "a tolerance is an object with \"value\" and \"description\"");
                continue;
            }

            CheckKeys(body, ToleranceKeys, at);
            var tolerance = new ToleranceDraft(prop.Name, prop.NamePosition);
            if (body.Get("value") is JsonNumberNode number)
            {
                tolerance.Value = number.Value;
                tolerance.ValueText = number.Text;
            }
            else
            {
                Report(body.Get("value") is null ? DiagnosticDescriptors.MissingProperty : DiagnosticDescriptors.InvalidValue, body.Get("value")?.Position ?? body.Position, 1,
                    body.Get("value") is null ? "value" : at + "/value", body.Get("value") is null ? at : "expected a number");
                continue;
            }

            if (!RequireString(body, "description", at, out tolerance.Description, out _)) continue;
            (tolerance.Minimum, tolerance.Maximum) = ReadRange(body, at);
            set.Tolerances.Add(tolerance);
        }
    }
}
