using System.Collections.Generic;
using System.Linq;
using Codec.Generators.Diagnostics;
using Codec.Generators.Model;

namespace Codec.Generators.Reading;

/// <summary>
/// Stage 1 of 3 (read → check → emit): schema text to a <see cref="SchemaDraft"/>, reporting malformed JSON,
/// missing or misspelt schema properties and values of the wrong JSON type, each at its line and column.
/// </summary>
internal sealed class SchemaReader
{
    private static readonly HashSet<string> TopLevelKeys = new()
        { "$schema", "format", "version", "namespace", "description", "root", "versionMember", "unknownMembers", "types", "rules" };
    private static readonly HashSet<string> ObjectTypeKeys = new() { "description", "members", "unknownMembers", "base" };
    private static readonly HashSet<string> EnumTypeKeys = new() { "description", "enum", "open" };
    private static readonly HashSet<string> MemberKeys = new()
        { "type", "optional", "description", "range", "minItems", "maxItems", "name" };

    private readonly string _path;
    private readonly string _text;
    private readonly List<DiagnosticInfo> _diagnostics;

    private SchemaReader(string path, string text, List<DiagnosticInfo> diagnostics)
    {
        _path = path;
        _text = text;
        _diagnostics = diagnostics;
    }

    /// <summary>Reads a schema; returns null when it is unusable (the diagnostics say why).</summary>
    public static SchemaDraft? Read(string path, string text, List<DiagnosticInfo> diagnostics)
    {
        var reader = new SchemaReader(path, text, diagnostics);
        JsonNode root;
        try
        {
            root = SchemaJsonParser.Parse(text);
        }
        catch (SchemaJsonException e)
        {
            reader.Report(DiagnosticDescriptors.InvalidJson, e.Position, 1, e.Message);
            return null;
        }

        return reader.ReadRoot(root);
    }

    private SchemaDraft? ReadRoot(JsonNode node)
    {
        if (node is not JsonObjectNode root)
        {
            Report(DiagnosticDescriptors.InvalidValue, node.Position, 1, "/", "a schema file is a JSON object");
            return null;
        }

        CheckKeys(root, TopLevelKeys, "");
        var draft = new SchemaDraft();
        bool ok = true;
        ok &= RequireString(root, "format", "", out draft.FormatId, out draft.FormatPosition);
        ok &= RequireString(root, "version", "", out draft.Version, out draft.VersionPosition);
        ok &= RequireString(root, "namespace", "", out draft.Namespace, out draft.NamespacePosition);
        ok &= RequireString(root, "root", "", out draft.RootType, out draft.RootPosition);
        draft.Description = OptionalString(root, "description", "");
        draft.VersionMember = OptionalString(root, "versionMember", "");
        draft.UnknownMembers = ReadPolicy(root, "") ?? UnknownMemberPolicy.Warning;

        var types = root.Get("types");
        if (types is null)
        {
            Report(DiagnosticDescriptors.MissingProperty, root.Position, 1, "types", "/");
            ok = false;
        }
        else if (types is not JsonObjectNode typesObject)
        {
            Report(DiagnosticDescriptors.InvalidValue, types.Position, 1, "/types", "expected an object of type declarations");
            ok = false;
        }
        else
        {
            var seen = new HashSet<string>();
            foreach (var prop in typesObject.Properties)
            {
                if (!seen.Add(prop.Name))
                {
                    Report(DiagnosticDescriptors.DuplicateMember, prop.NamePosition, prop.Name.Length + 2, prop.Name, "/types");
                    continue;
                }

                var type = ReadType(prop);
                if (type is not null) draft.Types.Add(type);
            }
        }

        if (root.Get("rules") is { } rules)
        {
            if (rules is JsonArrayNode array)
            {
                for (int i = 0; i < array.Items.Count; i++)
                {
                    var rule = ReadRule(array.Items[i], "/rules/" + i);
                    if (rule is not null) draft.Rules.Add(rule);
                }
            }
            else
            {
                Report(DiagnosticDescriptors.InvalidValue, rules.Position, 1, "/rules", "expected an array of rules");
            }
        }

        return ok ? draft : null;
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
        var member = new MemberDraft(prop.Name, prop.NamePosition);
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
        member.Description = OptionalString(obj, "description", at);
        member.PropertyName = OptionalString(obj, "name", at);
        if (obj.Get("range") is { } range)
        {
            member.RangePosition = range.Position;
            if (range is JsonArrayNode r && r.Items.Count == 2 && r.Items.All(i => i is JsonNumberNode || i is JsonLiteralNode { Value: null }))
            {
                member.Minimum = (r.Items[0] as JsonNumberNode)?.Value;
                member.Maximum = (r.Items[1] as JsonNumberNode)?.Value;
                if (member.Minimum is null && member.Maximum is null)
                {
                    Report(DiagnosticDescriptors.BadRange, range.Position, 1, at + "/range", "at least one bound must be a number");
                }
            }
            else
            {
                Report(DiagnosticDescriptors.BadRange, range.Position, 1, at + "/range", "expected [minimum, maximum] with numbers (or null for an open end)");
            }
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
                    rule.KnownBug = prop.Value is JsonLiteralNode { Value: true };
                    break;
                case "knownOffset":
                    rule.KnownOffset = ReadKnownOffset(prop.Value, at + "/knownOffset");
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

    private bool RequireString(JsonObjectNode obj, string key, string at, out string value, out TextPosition position)
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

    private string? OptionalString(JsonObjectNode obj, string key, string at)
    {
        var node = obj.Get(key);
        if (node is null) return null;
        if (node is JsonStringNode s) return s.Value;
        Report(DiagnosticDescriptors.InvalidValue, node.Position, 1, at + "/" + key, "expected a string");
        return null;
    }

    private bool? OptionalBool(JsonObjectNode obj, string key, string at)
    {
        var node = obj.Get(key);
        if (node is null) return null;
        if (node is JsonLiteralNode { Value: { } b }) return b;
        Report(DiagnosticDescriptors.InvalidValue, node.Position, 1, at + "/" + key, "expected true or false");
        return null;
    }

    private void CheckKeys(JsonObjectNode obj, HashSet<string> allowed, string at)
    {
        foreach (var p in obj.Properties)
        {
            if (!allowed.Contains(p.Name))
            {
                Report(DiagnosticDescriptors.UnknownSchemaProperty, p.NamePosition, p.Name.Length + 2, p.Name, at.Length == 0 ? "/" : at);
            }
        }
    }

    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, TextPosition position, int length, params string[] args) =>
        _diagnostics.Add(Diag(_path, _text, descriptor.Id, position, length, args));

    internal static DiagnosticInfo Diag(string path, string text, string id, TextPosition position, int length, params string[] args)
    {
        length = System.Math.Max(1, System.Math.Min(length, text.Length - position.Offset));
        return new DiagnosticInfo(id, new LocationInfo(path, position.Offset, length, position.Line, position.Column), args.ToEquatableArray());
    }
}
