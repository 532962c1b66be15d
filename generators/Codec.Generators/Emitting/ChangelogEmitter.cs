using System.Collections.Generic;
using System.Linq;
using System.Text;
using Codec.Generators.Model;

namespace Codec.Generators.Emitting;

/// <summary>
/// Emits a human-readable changelog of one format: what changed between each version and the next, computed from
/// the checked models (so it is true whether a version was written in full or derived), with renames taken from
/// the derived versions' declarations. Exposed as <c>&lt;Format&gt;Format.Changelog</c> (Markdown).
/// </summary>
internal static class ChangelogEmitter
{
    public static GeneratedFile Emit(IReadOnlyList<FormatSpec> versions)
    {
        var ordered = versions.OrderBy(v => v.Version, DispatcherEmitter.VersionComparer.Instance).ToList();
        var head = ordered[0];
        string text = Describe(ordered);
        string cls = DispatcherEmitter.ClassName(head.FormatId);
        var w = SourceWriter.StartFile(ordered[ordered.Count - 1].SchemaPath, head.Namespace);
        w.Open($"partial class {cls}");
        w.Line("/// <summary>");
        w.Line($"/// What changed between the versions of {Naming.Xml(head.FormatId)}, oldest first (Markdown), computed from the schemas.");
        w.Line("/// </summary>");
        w.Line($"public const string Changelog = {Naming.Literal(text)};");
        w.Line();
        w.Line("string global::Codec.Runtime.Binding.ICodecFormat.Changelog => Changelog;");
        w.Close();
        return new GeneratedFile(head.Namespace + "." + cls + ".Changelog.g.cs", w.ToString());
    }

    internal static string Describe(IReadOnlyList<FormatSpec> ordered)
    {
        var sb = new StringBuilder();
        sb.Append("# ").Append(ordered[0].FormatId).Append(" — changelog\n");
        var first = ordered[0];
        sb.Append("\n## ").Append(first.Version).Append('\n').Append(Origin(first)).Append('\n');
        sb.Append("- first known version: ").Append(first.FindType(first.RootType)!.Members.Count).Append(" top-level members, ")
            .Append(first.Types.Count).Append(" types, ").Append(first.Rules.Count).Append(" rules\n");
        for (int i = 1; i < ordered.Count; i++)
        {
            var (older, newer) = (ordered[i - 1], ordered[i]);
            sb.Append("\n## ").Append(older.Version).Append(" → ").Append(newer.Version).Append('\n').Append(Origin(newer)).Append('\n');
            var lines = Compare(older, newer);
            if (lines.Count == 0) sb.Append("- no change in members, types or rules\n");
            foreach (var line in lines) sb.Append("- ").Append(line).Append('\n');
        }

        return sb.ToString();
    }

    private static string Origin(FormatSpec spec)
    {
        string file = System.IO.Path.GetFileName(spec.SchemaPath);
        string from = spec.ParentVersion is null ? "written in full" : "derived from " + spec.ParentVersion;
        string missing = spec.MatchesMissingVersion ? "; documents without a version member" : "";
        return $"({file}, {from}{missing})";
    }

    private static List<string> Compare(FormatSpec older, FormatSpec newer)
    {
        var lines = new List<string>();
        var renames = Renames(older, newer);
        foreach (var type in newer.Types.Where(t => older.FindType(t.Name) is null)) lines.Add($"type `{type.Name}` added ({Shape(type)})");
        foreach (var type in older.Types.Where(t => newer.FindType(t.Name) is null)) lines.Add($"type `{type.Name}` removed");
        foreach (var type in newer.Types)
        {
            var before = older.FindType(type.Name);
            if (before is null) continue;
            if (before.Kind != type.Kind)
            {
                lines.Add($"type `{type.Name}`: {Shape(before)} → {Shape(type)}");
                continue;
            }

            if (type.Kind == TypeKind.Enum)
            {
                var added = type.Values.Select(v => v.JsonValue).Except(before.Values.Select(v => v.JsonValue)).ToList();
                var removed = before.Values.Select(v => v.JsonValue).Except(type.Values.Select(v => v.JsonValue)).ToList();
                if (added.Count > 0) lines.Add($"`{type.Name}`: values added: {string.Join(", ", added.Select(v => "`" + v + "`"))}");
                if (removed.Count > 0) lines.Add($"`{type.Name}`: values removed: {string.Join(", ", removed.Select(v => "`" + v + "`"))}");
                if (before.OpenEnum != type.OpenEnum) lines.Add($"`{type.Name}`: now {(type.OpenEnum ? "open" : "closed")}");
                continue;
            }

            CompareMembers(type.Name, before, type, renames, lines);
        }

        var oldRules = older.Rules.Select(RuleKey).ToList();
        var newRules = newer.Rules.Select(RuleKey).ToList();
        foreach (var r in newRules.Where(r => !oldRules.Contains(r))) lines.Add("rule added: " + r);
        foreach (var r in oldRules.Where(r => !newRules.Contains(r))) lines.Add("rule removed: " + r);
        return lines;
    }

    private static void CompareMembers(string typeName, TypeSpec before, TypeSpec after, List<RenameSpec> renames, List<string> lines)
    {
        var renamedTo = renames.Where(r => r.TypeName == typeName).ToDictionary(r => r.From, r => r.To);
        foreach (var m in after.Members)
        {
            var previous = before.Members.FirstOrDefault(b => b.JsonName == m.JsonName);
            var renamedFrom = renamedTo.FirstOrDefault(pair => pair.Value == m.JsonName).Key;
            if (previous is null && renamedFrom is not null)
            {
                previous = before.Members.FirstOrDefault(b => b.JsonName == renamedFrom);
                if (previous is not null) lines.Add($"`{typeName}`: `{renamedFrom}` renamed `{m.JsonName}`");
            }

            if (previous is null)
            {
                lines.Add($"`{typeName}`: `{m.JsonName}` added ({m.Type.Describe()}, {(m.Required ? "required" : "optional")})");
                continue;
            }

            if (!previous.Type.Equals(m.Type)) lines.Add($"`{typeName}.{m.JsonName}`: {previous.Type.Describe()} → {m.Type.Describe()}");
            if (previous.Required != m.Required) lines.Add($"`{typeName}.{m.JsonName}`: now {(m.Required ? "required" : "optional")}");
            var newAliases = m.Aliases.Except(previous.Aliases).ToList();
            if (newAliases.Count > 0) lines.Add($"`{typeName}.{m.JsonName}`: also accepted as {string.Join(", ", newAliases.Select(a => "`" + a + "`"))}");
        }

        foreach (var m in before.Members)
        {
            bool kept = after.Members.Any(a => a.JsonName == m.JsonName);
            bool renamed = renamedTo.TryGetValue(m.JsonName, out var to) && after.Members.Any(a => a.JsonName == to);
            if (!kept && !renamed) lines.Add($"`{typeName}`: `{m.JsonName}` removed");
        }
    }

    // Renames are declared by the derived version, in either direction of the comparison.
    private static List<RenameSpec> Renames(FormatSpec older, FormatSpec newer)
    {
        var compare = DispatcherEmitter.VersionComparer.Instance;
        if (newer.ParentVersion is { } p && compare.Compare(p, older.Version) == 0) return newer.Renames.ToList();
        if (older.ParentVersion is { } q && compare.Compare(q, newer.Version) == 0)
        {
            return older.Renames.Select(r => new RenameSpec(r.TypeName, r.To, r.From)).ToList();
        }

        return new List<RenameSpec>();
    }

    private static string Shape(TypeSpec type) => type.Kind == TypeKind.Enum
        ? (type.OpenEnum ? "open" : "closed") + " enum of " + type.Values.Count + " values"
        : "object, " + type.Members.Count + (type.Members.Count == 1 ? " member" : " members");

    private static string RuleKey(RuleSpec rule) =>
        "`" + rule.Name + "` " + string.Join(", ", rule.Arguments.Select(a => a.Pointer)) + (rule.KnownBug ? " (a known producer bug: warnings)" : "");
}
