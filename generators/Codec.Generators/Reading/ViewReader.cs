using System.Collections.Generic;
using Codec.Generators.Diagnostics;
using Codec.Generators.Model;

namespace Codec.Generators.Reading;

/// <summary>
/// Reads a format's views file: <c>{"format", "namespace", "root", "views": {"Name": {"description", "members"}}}</c>.
/// Member types are <c>bool</c>, <c>int</c>, <c>float</c>, <c>string</c>, <c>float[2]</c> … <c>float[4][4]</c>,
/// <c>map&lt;int&gt;</c>, another view, or <c>list&lt;View&gt;</c>; they are resolved by <see cref="Checking.ViewChecker"/>.
/// </summary>
internal sealed class ViewReader : JsonObjectReader
{
    private static readonly HashSet<string> TopLevelKeys = new() { "$schema", "format", "namespace", "description", "root", "views" };
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

        return ok ? set : null;
    }
}
