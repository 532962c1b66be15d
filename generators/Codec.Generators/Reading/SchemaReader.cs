using System.Collections.Generic;
using System.Linq;
using Codec.Generators.Diagnostics;
using Codec.Generators.Model;

namespace Codec.Generators.Reading;

/// <summary>
/// Stage 1 of 3 (read → check → emit): schema text to a <see cref="SchemaDraft"/>, reporting malformed JSON,
/// missing or misspelt schema properties and values of the wrong JSON type, each at its line and column.
/// </summary>
internal sealed class SchemaReader : JsonObjectReader
{
    private static readonly HashSet<string> TopLevelKeys = new()
        {
            "$schema", "format", "version", "parent", "namespace", "description", "root", "versionMember", "matchesMissingVersion",
            "unknownMembers", "product", "types", "imports", "changes", "rules", "removeRules", "implements", "layout",
        };
    private static readonly HashSet<string> LibraryKeys = new() { "$schema", "library", "namespace", "description", "imports", "types" };
    private static readonly HashSet<string> ViewBindingKeys = new() { "path", "add" };
    private static readonly HashSet<string> ChangeKeys = new() { "add", "remove", "rename", "retype" };
    private static readonly HashSet<string> ProductKeys = new() { "name", "anyOf", "values" };
    private static readonly HashSet<string> ObjectTypeKeys = new() { "description", "members", "unknownMembers", "base" };
    private static readonly HashSet<string> EnumTypeKeys = new() { "description", "enum", "open" };
    private static readonly HashSet<string> MemberKeys = new()
        { "type", "optional", "nullable", "description", "range", "minItems", "maxItems", "name", "aliases" };

    private SchemaReader(SchemaSource source, List<DiagnosticInfo> diagnostics) : base(source, diagnostics)
    {
    }

    /// <summary>Reads a schema; returns null when it is unusable (the diagnostics say why).</summary>
    public static SchemaDraft? Read(string path, string text, List<DiagnosticInfo> diagnostics)
    {
        var source = new SchemaSource(path, text);
        return Parse(source, diagnostics) is { } root ? Read(source, root, diagnostics) : null;
    }

    /// <summary>Reads a format schema already parsed (see <see cref="JsonObjectReader.Parse"/>).</summary>
    public static SchemaDraft? Read(SchemaSource source, JsonNode root, List<DiagnosticInfo> diagnostics) =>
        new SchemaReader(source, diagnostics).ReadRoot(root);

    /// <summary>A type library (<c>"library"</c>): types that format versions import.</summary>
    public static bool IsLibrary(JsonNode root) => root is JsonObjectNode obj && obj.Get("library") is not null;

    /// <summary>Reads a type library; null when it is unusable (the diagnostics say why).</summary>
    public static LibraryDraft? ReadLibrary(SchemaSource source, JsonNode root, List<DiagnosticInfo> diagnostics) =>
        new SchemaReader(source, diagnostics).ReadLibraryRoot((JsonObjectNode)root);

    private LibraryDraft? ReadLibraryRoot(JsonObjectNode root)
    {
        CheckKeys(root, LibraryKeys, "");
        var library = new LibraryDraft { Source = Source };
        bool ok = RequireString(root, "library", "", out library.Id, out library.IdPosition);
        ok &= RequireString(root, "namespace", "", out library.Namespace, out library.NamespacePosition);
        library.Description = OptionalString(root, "description", "");
        ReadImports(root, library.Imports);
        ok &= ReadTypes(root.Get("types"), root, library.Types);
        return ok ? library : null;
    }

    private SchemaDraft? ReadRoot(JsonNode node)
    {
        if (node is not JsonObjectNode root)
        {
            Report(DiagnosticDescriptors.InvalidValue, node.Position, 1, "/", "a schema file is a JSON object");
            return null;
        }

        CheckKeys(root, TopLevelKeys, "");
        var draft = new SchemaDraft { Source = Source };
        bool ok = true;
        ok &= RequireString(root, "format", "", out draft.FormatId, out draft.FormatPosition);
        ok &= RequireString(root, "version", "", out draft.Version, out draft.VersionPosition);
        if (root.Get("parent") is not null)
        {
            // A derived version inherits namespace, root and version member unless it says otherwise.
            ok &= RequireString(root, "parent", "", out string parent, out draft.ParentPosition);
            draft.Parent = parent;
            draft.Namespace = OptionalString(root, "namespace", "") ?? "";
            draft.NamespacePosition = root.Get("namespace")?.Position ?? default;
            draft.RootType = OptionalString(root, "root", "") ?? "";
            draft.RootPosition = root.Get("root")?.Position ?? default;
        }
        else
        {
            ok &= RequireString(root, "namespace", "", out draft.Namespace, out draft.NamespacePosition);
            ok &= RequireString(root, "root", "", out draft.RootType, out draft.RootPosition);
        }

        draft.Description = OptionalString(root, "description", "");
        draft.VersionMember = OptionalString(root, "versionMember", "");
        if (OptionalString(root, "layout", "") is { } layout)
        {
            if (layout is "indented" or "line") draft.LineLayout = layout == "line";
            else Report(DiagnosticDescriptors.InvalidValue, root.Get("layout")!.Position, layout.Length + 2, "/layout", "expected \"indented\" (a file per document) or \"line\" (one document per line, JSON Lines)");
        }
        draft.MatchesMissingVersion = OptionalBool(root, "matchesMissingVersion", "");
        draft.UnknownMembers = ReadPolicy(root, "");
        if (root.Get("product") is { } product) draft.Product = ReadProduct(product);
        if (root.Get("changes") is { } changes) ReadChanges(changes, draft);
        if (root.Get("removeRules") is { } removed) ReadRules(removed, "/removeRules", draft.RemovedRules);

        ReadImports(root, draft.Imports);
        var types = root.Get("types");
        // A derived version, or one that imports its types, may declare none itself.
        if (types is not null || (draft.Parent is null && draft.Imports.Count == 0)) ok &= ReadTypes(types, root, draft.Types);

        if (root.Get("rules") is { } rules) ReadRules(rules, "/rules", draft.Rules);
        if (root.Get("implements") is { } implements) ReadImplements(implements, draft.ViewMaps);
        return ok ? draft : null;
    }

    private bool ReadTypes(JsonNode? types, JsonObjectNode root, List<TypeDraft> into)
    {
        if (types is null)
        {
            Report(DiagnosticDescriptors.MissingProperty, root.Position, 1, "types", "/");
            return false;
        }

        if (types is not JsonObjectNode typesObject)
        {
            Report(DiagnosticDescriptors.InvalidValue, types.Position, 1, "/types", "expected an object of type declarations");
            return false;
        }

        var seen = new HashSet<string>();
        foreach (var prop in typesObject.Properties)
        {
            if (!seen.Add(prop.Name))
            {
                Report(DiagnosticDescriptors.DuplicateMember, prop.NamePosition, prop.Name.Length + 2, prop.Name, "/types");
                continue;
            }

            var type = ReadType(prop);
            if (type is not null) into.Add(type);
        }

        return true;
    }

    // "imports": ["library.id", ...]
    private void ReadImports(JsonObjectNode root, List<(string Id, TextPosition Position)> imports)
    {
        if (root.Get("imports") is not { } node) return;
        if (node is not JsonArrayNode list)
        {
            Report(DiagnosticDescriptors.InvalidValue, node.Position, 1, "/imports", "expected an array of library ids");
            return;
        }

        for (int i = 0; i < list.Items.Count; i++)
        {
            if (list.Items[i] is JsonStringNode id) imports.Add((id.Value, id.Position));
            else Report(DiagnosticDescriptors.InvalidValue, list.Items[i].Position, 1, "/imports/" + i, "expected a library id (a string)");
        }
    }

    // "implements": { "Type": { "View": { "member": "path/to/member" | "." | null | {"path", "add"} } | null } }
    private void ReadImplements(JsonNode node, List<ViewMapDraft> into)
    {
        const string at = "/implements";
        if (node is not JsonObjectNode types)
        {
            Report(DiagnosticDescriptors.InvalidValue, node.Position, 1, at, "expected {\"Type\": {\"View\": {member mappings}}}");
            return;
        }

        foreach (var type in types.Properties)
        {
            if (type.Value is not JsonObjectNode views)
            {
                Report(DiagnosticDescriptors.InvalidValue, type.Value.Position, 1, at + "/" + type.Name, "expected an object of view names to member mappings");
                continue;
            }

            foreach (var view in views.Properties)
            {
                string viewAt = at + "/" + type.Name + "/" + view.Name;
                var map = new ViewMapDraft(type.Name, view.Name, view.NamePosition);
                if (view.Value is JsonLiteralNode { Value: null })
                {
                    map.Removed = true;
                }
                else if (view.Value is JsonObjectNode members)
                {
                    foreach (var m in members.Properties)
                    {
                        var binding = new ViewBindingDraft(m.Name, m.NamePosition);
                        switch (m.Value)
                        {
                            case JsonLiteralNode { Value: null }:
                                break;
                            case JsonStringNode path when path.Value.Length > 0:
                                binding.Path = path.Value;
                                break;
                            case JsonObjectNode full when full.Get("path") is JsonStringNode { Value.Length: > 0 } path
                                && (full.Get("add") is null || full.Get("add") is JsonNumberNode { Value: var add } && add == System.Math.Floor(add) && System.Math.Abs(add) < 1e9):
                                CheckKeys(full, ViewBindingKeys, viewAt + "/" + m.Name);
                                binding.Path = path.Value;
                                binding.Add = full.Get("add") is JsonNumberNode n ? (long)n.Value : 0;
                                break;
                            default:
                                Report(DiagnosticDescriptors.InvalidValue, m.Value.Position, 1, viewAt + "/" + m.Name,
                                    "expected a member path (\"a/b\"), \".\" for the object itself, null when this version has no such value, or {\"path\", \"add\": integer}");
                                continue;
                        }

                        map.Bindings.Add(binding);
                    }
                }
                else
                {
                    Report(DiagnosticDescriptors.InvalidValue, view.Value.Position, 1, viewAt, "expected an object of view members to model members, or null to drop an inherited implementation");
                    continue;
                }

                into.Add(map);
            }
        }
    }

    private void ReadRules(JsonNode node, string at, List<RuleDraft> into)
    {
        if (node is not JsonArrayNode array)
        {
            Report(DiagnosticDescriptors.InvalidValue, node.Position, 1, at, "expected an array of rules");
            return;
        }

        for (int i = 0; i < array.Items.Count; i++)
        {
            var rule = ReadRule(array.Items[i], at + "/" + i);
            if (rule is not null) into.Add(rule);
        }
    }

    // "changes": { "Type": { "add": {members}, "remove": [names], "rename": {"old": "new"}, "retype": {members} } }
    private void ReadChanges(JsonNode node, SchemaDraft draft)
    {
        if (node is not JsonObjectNode changes)
        {
            Report(DiagnosticDescriptors.InvalidValue, node.Position, 1, "/changes", "expected an object of type names to their changes");
            return;
        }

        foreach (var typeChange in changes.Properties)
        {
            string at = "/changes/" + typeChange.Name;
            if (typeChange.Value is not JsonObjectNode body)
            {
                Report(DiagnosticDescriptors.InvalidValue, typeChange.Value.Position, 1, at, "expected {\"add\", \"remove\", \"rename\", \"retype\"}");
                continue;
            }

            CheckKeys(body, ChangeKeys, at);
            var change = new TypeChangeDraft(typeChange.Name, typeChange.NamePosition);
            if (body.Get("add") is { } add) ReadMemberSet(add, at + "/add", change.Added);
            if (body.Get("retype") is { } retype) ReadMemberSet(retype, at + "/retype", change.Retyped);
            if (body.Get("remove") is { } remove)
            {
                if (remove is JsonArrayNode names)
                {
                    foreach (var item in names.Items)
                    {
                        if (item is JsonStringNode name) change.Removed.Add((name.Value, name.Position));
                        else Report(DiagnosticDescriptors.InvalidValue, item.Position, 1, at + "/remove", "expected member names");
                    }
                }
                else
                {
                    Report(DiagnosticDescriptors.InvalidValue, remove.Position, 1, at + "/remove", "expected an array of member names");
                }
            }

            if (body.Get("rename") is { } rename)
            {
                if (rename is JsonObjectNode pairs)
                {
                    foreach (var pair in pairs.Properties)
                    {
                        if (pair.Value is JsonStringNode to && to.Value.Length > 0) change.Renamed.Add((pair.Name, to.Value, pair.NamePosition));
                        else Report(DiagnosticDescriptors.InvalidValue, pair.Value.Position, 1, at + "/rename/" + pair.Name, "expected the new member name");
                    }
                }
                else
                {
                    Report(DiagnosticDescriptors.InvalidValue, rename.Position, 1, at + "/rename", "expected {\"old name\": \"new name\"}");
                }
            }

            draft.Changes.Add(change);
        }
    }

    private void ReadMemberSet(JsonNode node, string at, List<MemberDraft> into)
    {
        if (node is not JsonObjectNode members)
        {
            Report(DiagnosticDescriptors.InvalidValue, node.Position, 1, at, "expected an object of members");
            return;
        }

        var seen = new HashSet<string>();
        foreach (var m in members.Properties)
        {
            if (!seen.Add(m.Name))
            {
                Report(DiagnosticDescriptors.DuplicateMember, m.NamePosition, m.Name.Length + 2, m.Name, at);
                continue;
            }

            var member = ReadMember(m, at + "/" + m.Name);
            if (member is not null) into.Add(member);
        }
    }

    // "product": { "name": "...", "anyOf": ["member", ...], "values": { "member": [0] } }
    private ProductDraft? ReadProduct(JsonNode node)
    {
        const string at = "/product";
        if (node is not JsonObjectNode obj)
        {
            Report(DiagnosticDescriptors.InvalidValue, node.Position, 1, at, "expected {\"name\", \"requires\", \"values\"}");
            return null;
        }

        CheckKeys(obj, ProductKeys, at);
        var product = new ProductDraft { Position = obj.Position };
        if (!RequireString(obj, "name", at, out product.Name, out _)) return null;
        if (obj.Get("anyOf") is { } anyOf)
        {
            if (anyOf is JsonArrayNode list && list.Items.Count > 0 && list.Items.All(i => i is JsonStringNode))
            {
                foreach (var item in list.Items) product.AnyOf.Add(((JsonStringNode)item).Value);
            }
            else
            {
                Report(DiagnosticDescriptors.InvalidValue, anyOf.Position, 1, at + "/anyOf", "expected a non-empty array of top-level member names");
            }
        }

        if (obj.Get("values") is { } values)
        {
            if (values is JsonObjectNode map)
            {
                foreach (var entry in map.Properties)
                {
                    if (entry.Value is JsonArrayNode allowed && allowed.Items.Count > 0
                        && allowed.Items.All(i => i is JsonNumberNode n && n.Value == System.Math.Floor(n.Value) && System.Math.Abs(n.Value) < 1e15))
                    {
                        product.Values.Add((entry.Name, allowed.Items.Select(i => (long)((JsonNumberNode)i).Value).ToList()));
                    }
                    else
                    {
                        Report(DiagnosticDescriptors.InvalidValue, entry.Value.Position, 1, at + "/values/" + entry.Name, "expected a non-empty array of integers");
                    }
                }
            }
            else
            {
                Report(DiagnosticDescriptors.InvalidValue, values.Position, 1, at + "/values", "expected {\"member\": [allowed integers]}");
            }
        }

        return product;
    }

    private TypeDraft? ReadType(JsonProperty prop)
    {
        string at = "/types/" + prop.Name;
        if (prop.Value is not JsonObjectNode obj)
        {
            Report(DiagnosticDescriptors.InvalidValue, prop.Value.Position, 1, at, "a type is an object with \"members\" or \"enum\"");
            return null;
        }

        var type = new TypeDraft(prop.Name, prop.NamePosition) { Description = OptionalString(obj, "description", at) };
        if (obj.Get("enum") is { } values)
        {
            CheckKeys(obj, EnumTypeKeys, at);
            type.IsEnum = true;
            type.OpenEnum = OptionalBool(obj, "open", at) ?? false;
            if (values is not JsonArrayNode list || list.Items.Count == 0)
            {
                Report(DiagnosticDescriptors.InvalidValue, values.Position, 1, at + "/enum", "expected a non-empty array of strings");
                return null;
            }

            foreach (var item in list.Items)
            {
                if (item is JsonStringNode s) type.Values.Add((s.Value, s.Position));
                else Report(DiagnosticDescriptors.InvalidValue, item.Position, 1, at + "/enum", "enum values are strings");
            }

            return type;
        }

        CheckKeys(obj, ObjectTypeKeys, at);
        type.UnknownMembers = ReadPolicy(obj, at);
        if (obj.Get("base") is { } baseNode)
        {
            if (baseNode is JsonStringNode baseName)
            {
                type.Base = baseName.Value;
                type.BasePosition = baseName.Position;
            }
            else
            {
                Report(DiagnosticDescriptors.InvalidValue, baseNode.Position, 1, at + "/base", "expected the name of an object type");
            }
        }

        var members = obj.Get("members");
        if (members is null)
        {
            if (type.Base is null)
            {
                Report(DiagnosticDescriptors.MissingProperty, obj.Position, 1, "members", at);
                return null;
            }

            return type;
        }

        if (members is not JsonObjectNode memberObject)
        {
            Report(DiagnosticDescriptors.InvalidValue, members.Position, 1, at + "/members", "expected an object of members");
            return null;
        }

        var seen = new HashSet<string>();
        foreach (var m in memberObject.Properties)
        {
            if (!seen.Add(m.Name))
            {
                Report(DiagnosticDescriptors.DuplicateMember, m.NamePosition, m.Name.Length + 2, m.Name, at + "/members");
                continue;
            }

            var member = ReadMember(m, at + "/members/" + m.Name);
            if (member is not null) type.Members.Add(member);
        }

        return type;
    }

    private MemberDraft? ReadMember(JsonProperty prop, string at)
    {
        var member = new MemberDraft(prop.Name, prop.NamePosition) { Pointer = at };
        if (prop.Value is JsonStringNode shorthand)
        {
            member.Type = shorthand.Value;
            member.TypePosition = shorthand.Position;
            return member;
        }

        if (prop.Value is not JsonObjectNode obj)
        {
            Report(DiagnosticDescriptors.InvalidValue, prop.Value.Position, 1, at, "a member is a type name or an object with \"type\"");
            return null;
        }

        CheckKeys(obj, MemberKeys, at);
        if (!RequireString(obj, "type", at, out member.Type, out member.TypePosition)) return null;
        member.Optional = OptionalBool(obj, "optional", at) ?? false;
        member.Nullable = OptionalBool(obj, "nullable", at) ?? false;
        member.Description = OptionalString(obj, "description", at);
        member.PropertyName = OptionalString(obj, "name", at);
        if (obj.Get("aliases") is { } aliases)
        {
            if (aliases is JsonArrayNode list && list.Items.All(i => i is JsonStringNode { Value.Length: > 0 }))
            {
                foreach (var item in list.Items) member.Aliases.Add(((JsonStringNode)item).Value);
            }
            else
            {
                Report(DiagnosticDescriptors.InvalidValue, aliases.Position, 1, at + "/aliases", "expected an array of member names");
            }
        }
        if (obj.Get("range") is { } range)
        {
            member.RangePosition = range.Position;
            (member.Minimum, member.Maximum) = ReadRange(obj, at);
        }

        member.MinItems = ReadCount(obj, "minItems", at, ref member.CountPosition);
        member.MaxItems = ReadCount(obj, "maxItems", at, ref member.CountPosition);
        return member;
    }

    private int? ReadCount(JsonObjectNode obj, string key, string at, ref TextPosition position)
    {
        var node = obj.Get(key);
        if (node is null) return null;
        position = node.Position;
        if (node is JsonNumberNode n && n.Value >= 0 && n.Value <= int.MaxValue && n.Value == System.Math.Floor(n.Value)) return (int)n.Value;
        Report(DiagnosticDescriptors.BadRange, node.Position, 1, at + "/" + key, "expected a non-negative integer");
        return null;
    }

    private RuleDraft? ReadRule(JsonNode node, string at)
    {
        if (node is not JsonObjectNode obj)
        {
            Report(DiagnosticDescriptors.InvalidValue, node.Position, 1, at, "a rule is an object with \"rule\" and its arguments");
            return null;
        }

        if (!RequireString(obj, "rule", at, out string name, out var namePosition)) return null;
        var rule = new RuleDraft(name, namePosition);
        foreach (var prop in obj.Properties)
        {
            // Options are recorded where they are written: the checker refuses those the rule does not take.
            if (prop.Name is "tolerance" or "knownBug" or "knownOffset" or "table" or "idOffset") rule.Options[prop.Name] = prop.NamePosition;
            switch (prop.Name)
            {
                case "rule":
                case "description":
                    break;
                case "tolerance":
                    if (prop.Value is JsonNumberNode t && t.Value >= 0) rule.Tolerance = t.Value;
                    else Report(DiagnosticDescriptors.BadRange, prop.Value.Position, 1, at + "/tolerance", "tolerance is a non-negative number");
                    break;
                case "knownBug":
                    if (prop.Value is JsonLiteralNode { Value: bool flag }) rule.KnownBug = flag;
                    else Report(DiagnosticDescriptors.InvalidValue, prop.Value.Position, 1, at + "/knownBug", "knownBug is true or false");
                    break;
                case "knownOffset":
                    rule.KnownOffset = ReadKnownOffset(prop.Value, at + "/knownOffset");
                    break;
                case "table":
                    if (prop.Value is JsonStringNode table && table.Value.Length > 0)
                    {
                        rule.Table = table.Value;
                        rule.TablePosition = table.Position;
                    }
                    else Report(DiagnosticDescriptors.InvalidValue, prop.Value.Position, 1, at + "/table", "expected a table id such as \"synthesis.landmarks.kinect_v2\"");
                    break;
                case "idOffset":
                    if (prop.Value is JsonNumberNode offset && offset.Value == System.Math.Floor(offset.Value) && System.Math.Abs(offset.Value) <= int.MaxValue) rule.IdOffset = (long)offset.Value;
                    else Report(DiagnosticDescriptors.InvalidValue, prop.Value.Position, 1, at + "/idOffset", "expected an integer");
                    break;
                default:
                    if (prop.Value is JsonStringNode pointer) rule.Arguments.Add((prop.Name, pointer.Value, pointer.Position));
                    else Report(DiagnosticDescriptors.BadRuleArgument, prop.Value.Position, 1, name, $"argument '{prop.Name}' must be a JSON pointer string");
                    break;
            }
        }

        return rule;
    }

    private KnownOffsetDraft? ReadKnownOffset(JsonNode node, string at)
    {
        if (node is JsonObjectNode obj
            && obj.Get("key") is JsonStringNode key
            && obj.Get("from") is JsonNumberNode from
            && obj.Get("to") is JsonNumberNode to
            && obj.Get("tolerance") is JsonNumberNode tolerance
            && from.Value <= to.Value)
        {
            return new KnownOffsetDraft { Key = key.Value, From = (long)from.Value, To = (long)to.Value, Tolerance = tolerance.Value, Position = node.Position };
        }

        Report(DiagnosticDescriptors.InvalidValue, node.Position, 1, at, "expected {\"key\": member, \"from\": n, \"to\": m, \"tolerance\": px} with from <= to");
        return null;
    }

    private UnknownMemberPolicy? ReadPolicy(JsonObjectNode obj, string at)
    {
        var node = obj.Get("unknownMembers");
        if (node is null) return null;
        switch ((node as JsonStringNode)?.Value)
        {
            case "warning": return UnknownMemberPolicy.Warning;
            case "error": return UnknownMemberPolicy.Error;
            case "ignore": return UnknownMemberPolicy.Ignore;
            default:
                Report(DiagnosticDescriptors.InvalidValue, node.Position, 1, at + "/unknownMembers", "expected \"warning\", \"error\" or \"ignore\"");
                return null;
        }
    }
}
