using System.Collections.Generic;
using System.Linq;
using Codec.Generators.Diagnostics;
using Codec.Generators.Emitting;
using Codec.Generators.Model;
using Codec.Generators.Reading;

namespace Codec.Generators.Checking;

/// <summary>
/// Between reading and checking: turns a derived version ("parent" plus differences) into a complete draft by
/// copying its parent's (itself resolved first) and applying the changes. Full schemas pass through unchanged.
/// Inherited members and rules keep positions in the parent's file, so later diagnostics can say where they came from.
/// </summary>
internal sealed class VersionResolver
{
    private readonly List<SchemaDraft> _drafts;
    private readonly IReadOnlyDictionary<string, LibraryDraft?> _libraries;
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly Dictionary<SchemaDraft, SchemaDraft?> _resolved = new();
    private readonly List<SchemaDraft> _visiting = new();

    private VersionResolver(List<SchemaDraft> drafts, IReadOnlyDictionary<string, LibraryDraft?> libraries, List<DiagnosticInfo> diagnostics)
    {
        _drafts = drafts;
        _libraries = libraries;
        _diagnostics = diagnostics;
    }

    /// <summary>
    /// The complete draft of every input draft, or null where its chain is broken (diagnostics say why).
    /// <paramref name="libraries"/>: the type libraries by id (null for one whose own check failed).
    /// </summary>
    public static List<SchemaDraft?> Resolve(List<SchemaDraft> drafts, IReadOnlyDictionary<string, LibraryDraft?> libraries, List<DiagnosticInfo> diagnostics)
    {
        var resolver = new VersionResolver(drafts, libraries, diagnostics);
        return drafts.Select(resolver.ResolveOne).ToList();
    }

    /// <summary>The draft defining <paramref name="version"/> of <paramref name="formatId"/> (first by path), if any.</summary>
    public static SchemaDraft? Find(IEnumerable<SchemaDraft> drafts, string formatId, string version) =>
        drafts.Where(d => d.FormatId == formatId && DispatcherEmitter.VersionComparer.Instance.Compare(d.Version, version) == 0)
            .OrderBy(d => d.Source.Path, System.StringComparer.Ordinal)
            .FirstOrDefault();

    private SchemaDraft? ResolveOne(SchemaDraft draft)
    {
        if (_resolved.TryGetValue(draft, out var done)) return done;
        if (draft.Parent is null)
        {
            if (draft.RemovedRules.Count > 0 || (draft.Changes.Count > 0 && draft.Imports.Count == 0))
            {
                Report(draft, DiagnosticDescriptors.InvalidValue, draft.VersionPosition, 1, draft.RemovedRules.Count > 0 ? "/removeRules" : "/changes",
                    "\"changes\" apply to inherited or imported types and \"removeRules\" to inherited rules; add \"parent\" or \"imports\", or declare the types in full");
            }

            draft.UnknownMembers ??= UnknownMemberPolicy.Warning;
            var origin = new TypeOrigin(VersionNamespace(draft), draft.Source.Path);
            var own = draft.Types.ToList();
            foreach (var t in own) t.Origin = origin;
            if (draft.Imports.Count == 0) return _resolved[draft] = draft;

            // The version's own types replace imported ones by name (and come first, as written), then the changes apply.
            draft.Types.Clear();
            bool imported = Import(draft, draft);
            var fromLibraries = draft.Types.Where(t => own.All(o => o.Name != t.Name)).ToList();
            draft.Types.Clear();
            draft.Types.AddRange(own);
            draft.Types.AddRange(fromLibraries);
            foreach (var change in draft.Changes) imported &= Apply(draft, draft, change);
            DropUnreachableTypes(draft);
            return _resolved[draft] = imported ? draft : null;
        }

        var parent = Find(_drafts, draft.FormatId, draft.Parent);
        if (parent is null)
        {
            string known = string.Join(", ", _drafts.Where(d => d.FormatId == draft.FormatId).Select(d => d.Version)
                .Distinct().OrderBy(v => v, DispatcherEmitter.VersionComparer.Instance));
            Report(draft, DiagnosticDescriptors.UnknownParent, draft.ParentPosition, draft.Parent.Length + 2, draft.Version, draft.FormatId, draft.Parent, known);
            return _resolved[draft] = null;
        }

        if (parent == draft || _visiting.Contains(parent))
        {
            int start = parent == draft ? _visiting.Count : _visiting.IndexOf(parent);
            var chain = _visiting.Skip(start).Append(draft).Append(parent).Select(d => d.Version);
            Report(draft, DiagnosticDescriptors.InheritanceCycle, draft.ParentPosition, draft.Parent.Length + 2, draft.Version, draft.FormatId, string.Join(" → ", chain));
            return _resolved[draft] = null;
        }

        _visiting.Add(draft);
        var resolvedParent = ResolveOne(parent);
        _visiting.RemoveAt(_visiting.Count - 1);
        if (_resolved.TryGetValue(draft, out done)) return done; // reported as part of a cycle while resolving the parent
        return _resolved[draft] = resolvedParent is null ? null : Derive(draft, resolvedParent);
    }

    private SchemaDraft? Derive(SchemaDraft child, SchemaDraft parent)
    {
        var merged = new SchemaDraft
        {
            Source = child.Source,
            FormatId = child.FormatId,
            FormatPosition = child.FormatPosition,
            Version = child.Version,
            VersionPosition = child.VersionPosition,
            Parent = parent.Version,
            ParentPosition = child.ParentPosition,
            Namespace = child.Namespace.Length > 0 ? child.Namespace : parent.Namespace,
            NamespacePosition = child.Namespace.Length > 0 ? child.NamespacePosition : child.ParentPosition,
            RootType = child.RootType.Length > 0 ? child.RootType : parent.RootType,
            RootPosition = child.RootType.Length > 0 ? child.RootPosition : child.ParentPosition,
            Description = child.Description ?? parent.Description,
            VersionMember = child.VersionMember ?? parent.VersionMember,
            LineLayout = child.LineLayout ?? parent.LineLayout,
            UnknownMembers = child.UnknownMembers ?? parent.UnknownMembers,
            // Only the version that says so takes documents without a version member: the flag is not inherited.
            MatchesMissingVersion = child.MatchesMissingVersion ?? false,
            Product = child.Product ?? parent.Product,
        };

        foreach (var t in parent.Types) merged.Types.Add(t.Copy());
        bool ok = Import(child, merged);
        var origin = new TypeOrigin(VersionNamespace(merged), child.Source.Path);
        foreach (var t in child.Types) t.Origin = origin;
        Declare(merged, child.Types);

        foreach (var change in child.Changes) ok &= Apply(child, merged, change);

        // Inherited rules and view implementations follow the version's renames; a rule the version writes itself wins
        // over an inherited one that became the same.
        var follower = new RenameFollower(parent, child.Changes);
        var inheritedRules = parent.Rules.Where(r => !child.RemovedRules.Any(r.SameAs)).Select(follower.Rule).ToList();
        merged.Rules.AddRange(inheritedRules.Where(r => !child.Rules.Any(r.SameAs)));
        for (int i = 0; i < child.RemovedRules.Count; i++)
        {
            var removed = child.RemovedRules[i];
            if (!parent.Rules.Any(removed.SameAs))
            {
                Report(child, DiagnosticDescriptors.NoSuchMember, removed.Position, removed.Name.Length + 2, "/removeRules/" + i,
                    $"version {parent.Version} has no rule '{removed.Name}' with exactly these arguments");
                ok = false;
            }
        }

        merged.Rules.AddRange(child.Rules);

        // A view implementation the child writes again is the inherited one with the child's member mappings on top;
        // null drops it.
        var inheritedMaps = parent.ViewMaps.Select(follower.Map).ToList();
        merged.ViewMaps.AddRange(inheritedMaps.Where(p => !child.ViewMaps.Any(c => c.SameTarget(p))));
        foreach (var map in child.ViewMaps)
        {
            var inherited = inheritedMaps.FirstOrDefault(map.SameTarget);
            if (!map.Removed)
            {
                var combined = new ViewMapDraft(map.TypeName, map.ViewName, map.Position);
                if (inherited is not null) combined.Bindings.AddRange(inherited.Bindings.Where(b => map.Bindings.All(c => c.Member != b.Member)));
                combined.Bindings.AddRange(map.Bindings);
                merged.ViewMaps.Add(combined);
            }
            else if (inherited is null)
            {
                Report(child, DiagnosticDescriptors.NoSuchMember, map.Position, map.ViewName.Length + 2, "/implements/" + map.TypeName + "/" + map.ViewName,
                    $"version {parent.Version} has no implementation of view {map.ViewName} by {map.TypeName} to drop");
                ok = false;
            }
        }

        DropUnreachableTypes(merged);
        return ok ? merged : null;
    }

    private static string VersionNamespace(SchemaDraft draft) => draft.Namespace + "." + Naming.VersionIdentifier(draft.Version);

    // A type declared again replaces the inherited or imported one whole.
    private static void Declare(SchemaDraft into, List<TypeDraft> types)
    {
        foreach (var t in types)
        {
            int at = into.Types.FindIndex(existing => existing.Name == t.Name);
            if (at >= 0) into.Types[at] = t;
            else into.Types.Add(t);
        }
    }

    // The types of each library the version imports, as copies (a change must not reach the library or another
    // version): they replace inherited types of the same name. A name two imports both define is an error.
    private bool Import(SchemaDraft written, SchemaDraft into)
    {
        bool ok = true;
        var importedFrom = new Dictionary<string, (string Library, TypeOrigin? Origin)>();
        for (int i = 0; i < written.Imports.Count; i++)
        {
            var (id, position) = written.Imports[i];
            string at = "/imports/" + i;
            if (!_libraries.TryGetValue(id, out var library))
            {
                Report(written, DiagnosticDescriptors.BadImport, position, id.Length + 2, at, LibraryResolver.Unknown(id, _libraries.Keys));
                ok = false;
                continue;
            }

            if (library is null)
            {
                Report(written, DiagnosticDescriptors.BadImport, position, id.Length + 2, at, LibraryResolver.HasErrors(id));
                ok = false;
                continue;
            }

            foreach (var t in library.Types)
            {
                // One library's type reached through two imports (one imports the other) is one type.
                if (importedFrom.TryGetValue(t.Name, out var other))
                {
                    if (other.Origin == t.Origin) continue;
                    Report(written, DiagnosticDescriptors.BadImport, position, id.Length + 2, at, LibraryResolver.DefinedTwice(t.Name, other.Library, id));
                    ok = false;
                    continue;
                }

                importedFrom[t.Name] = (id, t.Origin);
                var copy = t.Copy();
                Declare(into, new List<TypeDraft> { copy });
            }
        }

        return ok;
    }

    // A change can orphan an inherited type (1 writes hdri as a string, so type Hdri goes): leave it out rather than
    // emit a class nothing uses. Types the derived version declares itself are kept.
    private static void DropUnreachableTypes(SchemaDraft merged)
    {
        var byName = merged.Types.ToDictionary(t => t.Name);
        var reachable = new HashSet<string>();
        var pending = new Stack<string>();
        pending.Push(merged.RootType);
        while (pending.Count > 0)
        {
            string name = pending.Pop();
            if (!byName.TryGetValue(name, out var type) || !reachable.Add(name)) continue;
            if (type.Base is { } b) pending.Push(b);
            foreach (var m in type.Members) pending.Push(ElementName(m.Type));
        }

        merged.Types.RemoveAll(t => !reachable.Contains(t.Name) && t.Position.Source != merged.Source);
        // Implementations inherited for a type this version no longer has go with it.
        merged.ViewMaps.RemoveAll(m => m.Position.Source != merged.Source && merged.Types.All(t => t.Name != m.TypeName));
    }

    private static string ElementName(string type) =>
        type.StartsWith("list<", System.StringComparison.Ordinal) && type.EndsWith(">", System.StringComparison.Ordinal) ? type.Substring(5, type.Length - 6) : type;

    // Order within one type: remove, rename, retype, add — so a member can be removed and re-added with a new shape.
    private bool Apply(SchemaDraft child, SchemaDraft merged, TypeChangeDraft change)
    {
        string at = "/changes/" + change.TypeName;
        var type = merged.Types.FirstOrDefault(t => t.Name == change.TypeName);
        if (type is null || type.IsEnum)
        {
            Report(child, DiagnosticDescriptors.UnknownType, change.Position, change.TypeName.Length + 2, change.TypeName, at + " (changes apply to inherited or imported object types)");
            return false;
        }

        // The changed shape is this version's own: shared types keep the shape they were written with.
        type.Origin = new TypeOrigin(VersionNamespace(merged), child.Source.Path);
        bool ok = true;
        foreach (var (name, position) in change.Removed)
        {
            if (type.Members.RemoveAll(m => m.JsonName == name) == 0) ok &= Missing(child, type, at + "/remove", "remove", name, position);
        }

        foreach (var (from, to, position) in change.Renamed)
        {
            int i = type.Members.FindIndex(m => m.JsonName == from);
            if (i < 0)
            {
                ok &= Missing(child, type, at + "/rename", "rename", from, position);
                continue;
            }

            if (type.Members.Any(m => m.JsonName == to))
            {
                Report(child, DiagnosticDescriptors.DuplicateMember, position, from.Length + 2, to, at + "/rename (the type already has that member)");
                ok = false;
                continue;
            }

            var renamed = type.Members[i].CopyAs(to, position);
            renamed.RenamedFrom = from;
            renamed.Pointer = at + "/rename/" + from;
            type.Members[i] = renamed;
        }

        foreach (var retyped in change.Retyped)
        {
            int i = type.Members.FindIndex(m => m.JsonName == retyped.JsonName);
            if (i < 0) ok &= Missing(child, type, at + "/retype", "retype", retyped.JsonName, retyped.Position);
            else type.Members[i] = retyped;
        }

        foreach (var added in change.Added)
        {
            if (type.Members.Any(m => m.JsonName == added.JsonName))
            {
                Report(child, DiagnosticDescriptors.DuplicateMember, added.Position, added.JsonName.Length + 2, added.JsonName,
                    at + "/add (it is inherited; use \"retype\" to change it)");
                ok = false;
            }
            else
            {
                type.Members.Add(added);
            }
        }

        return ok;
    }

    private bool Missing(SchemaDraft child, TypeDraft type, string at, string verb, string name, TextPosition position)
    {
        string members = type.Members.Count == 0 ? "(none)" : string.Join(", ", type.Members.Select(m => m.JsonName));
        Report(child, DiagnosticDescriptors.NoSuchMember, position, name.Length + 2, at,
            $"cannot {verb} '{name}': type {type.Name} {(child.Parent is null ? "as imported" : "of version " + child.Parent)} has no such member; its members: {members}");
        return false;
    }

    private void Report(SchemaDraft draft, Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, TextPosition position, int length, params string[] args) =>
        _diagnostics.Add(SchemaReader.Diag(draft.Source, descriptor.Id, position, length, args));
}
