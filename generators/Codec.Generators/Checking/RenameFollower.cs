using System.Collections.Generic;
using System.Linq;
using Codec.Generators.Reading;

namespace Codec.Generators.Checking;

/// <summary>
/// A rename a derived version states once (<c>changes/T/rename</c>) carried to what it inherits: the JSON pointers of
/// the parent's rules and the member paths of the parent's view implementations that reach the renamed member through
/// T are rewritten to the new name, so that the author does not drop and re-add each rule, or map each view member
/// again, by hand. Pointers are resolved through the parent's types, whose names they are written in.
/// </summary>
internal sealed class RenameFollower
{
    private readonly Dictionary<string, TypeDraft> _types = new();
    private readonly Dictionary<(string Type, string From), string> _renames = new();
    private readonly string _root;

    public RenameFollower(SchemaDraft parent, IEnumerable<TypeChangeDraft> changes)
    {
        foreach (var type in parent.Types) _types[type.Name] = type;
        _root = parent.RootType;
        foreach (var change in changes)
        {
            foreach (var (from, to, _) in change.Renamed) _renames[(change.TypeName, from)] = to;
        }
    }

    /// <summary>The rule with its pointers following the renames (the rule itself when none of them passes a renamed member).</summary>
    public RuleDraft Rule(RuleDraft rule)
    {
        if (_renames.Count == 0) return rule;
        bool changed = rule.Arguments.Any(a => Pointer(a.Pointer) != a.Pointer) || (rule.KnownOffset is { } k && Pointer(k.Key) != k.Key);
        return changed ? rule.CopyWith(Pointer) : rule;
    }

    /// <summary>The view implementation with its member paths following the renames of its type and those below it.</summary>
    public ViewMapDraft Map(ViewMapDraft map)
    {
        if (_renames.Count == 0 || map.Removed) return map;
        // Copied whether or not anything changes: the parent's draft stays as the parent's version reads it.
        var followed = new ViewMapDraft(map.TypeName, map.ViewName, map.Position);
        foreach (var binding in map.Bindings)
        {
            string? path = binding.Path is null or "." ? binding.Path : Path(map.TypeName, binding.Path);
            followed.Bindings.Add(new ViewBindingDraft(binding.Member, binding.Position) { Path = path, Add = binding.Add, FollowsRename = binding.FollowsRename });
        }

        // A view member read from the model member of the same name (no mapping written) follows that member's rename.
        foreach (var rename in _renames.Where(r => r.Key.Type == map.TypeName))
        {
            if (map.Bindings.All(b => b.Member != rename.Key.From))
                followed.Bindings.Add(new ViewBindingDraft(rename.Key.From, map.Position) { Path = rename.Value, FollowsRename = true });
        }

        return followed;
    }

    /// <summary><c>/landmarks/*/ptnum</c> → <c>/landmarks/*/id</c> when the point type renamed <c>ptnum</c>.</summary>
    public string Pointer(string pointer) =>
        pointer.Length > 1 && pointer[0] == '/' ? "/" + Path(_root, pointer.Substring(1)) : pointer;

    // Member names (and '*' for a list's items) separated by '/', from a value of type `from`; what cannot be resolved
    // (a map's key, a member the parent does not have) is left as written, and so is the rest of the path.
    private string Path(string from, string path)
    {
        var segments = path.Split('/');
        string? current = from;
        for (int i = 0; i < segments.Length && current is not null; i++)
        {
            if (segments[i] == "*")
            {
                current = IsList(current) ? current.Substring(5, current.Length - 6) : null;
                continue;
            }

            if (Find(current, segments[i]) is not { } found)
            {
                break;
            }

            if (_renames.TryGetValue((found.Owner, segments[i]), out var to)) segments[i] = to;
            current = found.Member.Type;
        }

        return string.Join("/", segments);
    }

    // The member of an object type or of one of its bases, with the type that declares it.
    private (string Owner, MemberDraft Member)? Find(string typeName, string member)
    {
        for (var type = _types.TryGetValue(typeName, out var t) ? t : null; type is not null; type = type.Base is { } b && _types.TryGetValue(b, out var parent) ? parent : null)
        {
            var found = type.Members.FirstOrDefault(m => m.JsonName == member);
            if (found is not null) return (type.Name, found);
        }

        return null;
    }

    private static bool IsList(string type) => type.StartsWith("list<", System.StringComparison.Ordinal) && type.EndsWith(">", System.StringComparison.Ordinal);
}
