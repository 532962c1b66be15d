using System.Collections.Generic;
using System.Linq;
using Codec.Generators.Diagnostics;
using Codec.Generators.Emitting;
using Codec.Generators.Model;
using Codec.Generators.Reading;

namespace Codec.Generators.Checking;

/// <summary>
/// Checks a format's views file (<see cref="CheckSet"/>) and proves that a version satisfies every view it claims
/// (<see cref="CheckVersion"/>): each view member is read from a model member of a compatible type, or declared absent.
/// A mismatch is CODEC025 at the mapping (or the view member) it concerns.
/// </summary>
internal static class ViewChecker
{


    public static ViewSetSpec? CheckSet(ViewSetDraft draft, List<DiagnosticInfo> diagnostics)
    {
        bool ok = true;
        void Error(TextPosition at, int length, string where, string message)
        {
            diagnostics.Add(SchemaReader.Diag(draft.Source, DiagnosticDescriptors.ViewProblem.Id, at, length, where, message));
            ok = false;
        }

        if (!SchemaChecker.NamespacePattern.IsMatch(draft.Namespace)) Error(draft.NamespacePosition, draft.Namespace.Length + 2, "/namespace", "not a C# namespace");
        if (!SchemaChecker.FormatPattern.IsMatch(draft.FormatId)) Error(draft.FormatPosition, draft.FormatId.Length + 2, "/format", "a format id is lower-case words joined by '.', '_' or '-', e.g. \"synthesis.info\"");
        var names = new HashSet<string>(draft.Views.Select(v => v.Name));
        var views = new List<ViewSpec>();
        foreach (var view in draft.Views)
        {
            if (!SchemaChecker.TypeNamePattern.IsMatch(view.Name)) Error(view.Position, view.Name.Length + 2, "/views/" + view.Name, "view names are C# identifiers");
            var members = new List<ViewMemberSpec>();
            var properties = new HashSet<string>();
            foreach (var m in view.Members)
            {
                string at = "/views/" + view.Name + "/members/" + m.Name;
                string property = Naming.Pascal(m.Name);
                if (!properties.Add(property) || property == view.Name)
                {
                    Error(m.Position, m.Name.Length + 2, at, $"member '{m.Name}' becomes the C# property '{property}', which is already taken");
                    continue;
                }

                if (TypeVocabulary.ViewKind(m.Type) is { } kind)
                {
                    members.Add(new ViewMemberSpec(m.Name, property, kind, null, m.Description));
                    continue;
                }

                bool list = m.Type.StartsWith("list<", System.StringComparison.Ordinal) && m.Type.EndsWith(">", System.StringComparison.Ordinal);
                string target = list ? m.Type.Substring(5, m.Type.Length - 6) : m.Type;
                if (!names.Contains(target))
                {
                    Error(m.TypePosition, m.Type.Length + 2, at, $"'{m.Type}' is not a view member type: use {TypeVocabulary.ViewWords}, a view of this file ({string.Join(", ", names)}) or list<view>");
                    continue;
                }

                members.Add(new ViewMemberSpec(m.Name, property, list ? ViewValueKind.ViewList : ViewValueKind.View, target, m.Description));
            }

            views.Add(new ViewSpec(view.Name, view.Description, members.ToEquatableArray()));
        }

        if (draft.Root is { } root && !names.Contains(root)) Error(draft.RootPosition, root.Length + 2, "/root", $"no view is named '{root}'; views: {string.Join(", ", names)}");
        return ok ? new ViewSetSpec(draft.FormatId, draft.Namespace, draft.Source.Path, draft.Root, views.ToEquatableArray()) : null;
    }

    /// <summary>The version's view implementations, proven; null when one is not satisfied (diagnostics say where).</summary>
    public static EquatableArray<ViewImplSpec>? CheckVersion(SchemaDraft draft, FormatSpec spec, ViewSetSpec? set, List<DiagnosticInfo> diagnostics) =>
        new VersionCheck(draft, spec, set, diagnostics).Run();

    private sealed class VersionCheck
    {
        private readonly SchemaDraft _draft;
        private readonly FormatSpec _spec;
        private readonly ViewSetSpec? _set;
        private readonly List<DiagnosticInfo> _diagnostics;
        private readonly Dictionary<string, List<ViewMapDraft>> _mapsByType = new();
        private bool _failed;

        public VersionCheck(SchemaDraft draft, FormatSpec spec, ViewSetSpec? set, List<DiagnosticInfo> diagnostics)
        {
            _draft = draft;
            _spec = spec;
            _set = set;
            _diagnostics = diagnostics;
        }

        public EquatableArray<ViewImplSpec>? Run()
        {
            if (_set is null)
            {
                foreach (var map in _draft.ViewMaps.Where(m => m.Position.Source == _draft.Source))
                {
                    Error(map.Position, map.ViewName.Length + 2, $"/implements/{map.TypeName}/{map.ViewName}",
                        $"format {_spec.FormatId} has no views file declaring view '{map.ViewName}'");
                }

                return _failed ? null : EquatableArray<ViewImplSpec>.Empty;
            }

            foreach (var map in _draft.ViewMaps)
            {
                string at = $"/implements/{map.TypeName}/{map.ViewName}";
                if (_set.Find(map.ViewName) is null)
                {
                    Error(map.Position, map.ViewName.Length + 2, at, $"no view is named '{map.ViewName}'; views of {_set.FormatId}: {string.Join(", ", _set.Views.Select(v => v.Name))}");
                }
                else if (_draft.Types.FirstOrDefault(t => t.Name == map.TypeName) is not { IsEnum: false })
                {
                    Error(map.Position, map.TypeName.Length + 2, at, $"version {_spec.Version} has no object type '{map.TypeName}'");
                }
                else
                {
                    if (!_mapsByType.TryGetValue(map.TypeName, out var list)) _mapsByType[map.TypeName] = list = new List<ViewMapDraft>();
                    list.Add(map);
                }
            }

            if (_failed) return null;

            // What each emitted type implements: its own maps, then those of its bases for views it does not map itself.
            var effective = new Dictionary<string, List<ViewMapDraft>>();
            foreach (var type in _spec.Types.Where(t => t.Kind == TypeKind.Object))
            {
                var maps = new List<ViewMapDraft>();
                for (string? name = type.Name; name is not null; name = _draft.Types.FirstOrDefault(t => t.Name == name)?.Base)
                {
                    if (!_mapsByType.TryGetValue(name, out var own)) continue;
                    maps.AddRange(own.Where(m => maps.All(existing => existing.ViewName != m.ViewName)));
                }

                if (maps.Count > 0) effective[type.Name] = maps;
            }

            if (_set.RootView is { } rootView && !(effective.TryGetValue(_spec.RootType, out var rootMaps) && rootMaps.Any(m => m.ViewName == rootView)))
            {
                Error(_draft.RootPosition, 1, "/implements",
                    $"version {_spec.Version}: the root type {_spec.RootType} must implement {_set.FormatId}'s root view {rootView} (add \"implements\": {{\"{_spec.RootType}\": {{\"{rootView}\": {{…}}}}}})");
                return null;
            }

            var impls = new List<ViewImplSpec>();
            foreach (var type in _spec.Types)
            {
                if (!effective.TryGetValue(type.Name, out var maps)) continue;
                foreach (var map in maps.OrderBy(m => m.ViewName, System.StringComparer.Ordinal))
                {
                    var view = _set.Find(map.ViewName)!;
                    var bindings = new List<ViewBindingSpec>();
                    foreach (var extra in map.Bindings.Where(b => !b.FollowsRename && view.Members.All(vm => vm.JsonName != b.Member)))
                    {
                        Error(extra.Position, extra.Member.Length + 2, At(map, extra.Member), $"view {view.Name} has no member '{extra.Member}'; its members: {string.Join(", ", view.Members.Select(m => m.JsonName))}");
                    }

                    foreach (var member in view.Members)
                    {
                        var binding = map.Bindings.FirstOrDefault(b => b.Member == member.JsonName);
                        var resolved = Bind(type, map, member, binding, effective);
                        if (resolved is not null) bindings.Add(resolved);
                    }

                    impls.Add(new ViewImplSpec(type.Name, view.Name, _set.InterfaceOf(view.Name), bindings.ToEquatableArray()));
                }
            }

            return _failed ? null : impls.ToEquatableArray();
        }

        private ViewBindingSpec? Bind(TypeSpec type, ViewMapDraft map, ViewMemberSpec member, ViewBindingDraft? binding, Dictionary<string, List<ViewMapDraft>> effective)
        {
            var position = binding?.Position ?? map.Position;
            int length = (binding?.Member ?? map.ViewName).Length + 2;
            string at = At(map, member.JsonName);
            string where = $"version {_spec.Version}, {type.Name} as {map.ViewName}.{member.JsonName}";
            if (binding is { Path: null })
                return new ViewBindingSpec(member, true, EquatableArray<PathStep>.Empty, ViewConversion.None, member.ViewName is null ? null : _set!.InterfaceOf(member.ViewName), false, 0);

            string path = binding?.Path ?? member.JsonName;
            if (path == ".")
            {
                if (member.Kind == ViewValueKind.View && Implements(effective, type.Name, member.ViewName!))
                    return new ViewBindingSpec(member, false, EquatableArray<PathStep>.Empty, ViewConversion.None, _set!.InterfaceOf(member.ViewName!), false, 0);
                Error(position, length, at, $"{where}: \".\" reads the object itself, so the member must be a view that {type.Name} implements");
                return null;
            }

            var steps = new List<PathStep>();
            var current = type;
            MemberSpec? last = null;
            string[] names = path.Split('/');
            for (int i = 0; i < names.Length; i++)
            {
                last = current.Members.FirstOrDefault(m => m.JsonName == names[i]);
                if (last is null)
                {
                    string hint = binding is null ? $"; map it (\"{member.JsonName}\": \"path/to/member\") or declare it absent (\"{member.JsonName}\": null)" : "";
                    string members = string.Join(", ", current.Members.Select(m => m.JsonName));
                    if (position.Source != _draft.Source)
                    {
                        // A mapping inherited from the parent, broken by this version's changes: said in this version's
                        // file, which the author is editing, not in the parent's, which they did not touch.
                        Error(_draft.VersionPosition, _spec.Version.Length + 2, at,
                            $"{where}: the mapping inherited from the parent reads '{path}', but {current.Name} has no member '{names[i]}' in this version (renamed or removed under /changes?); map it again here under /implements/{map.TypeName}/{map.ViewName}; its members: {members}");
                        return null;
                    }

                    Error(position, length, at, $"{where}: {current.Name} has no member '{names[i]}'{hint}; its members: {members}");
                    return null;
                }

                steps.Add(new PathStep(last.JsonName, last.PropertyName));
                if (i == names.Length - 1) break;
                if (last.Type.Kind != ValueKind.Object || _spec.FindType(last.Type.TypeName!) is not { } next)
                {
                    Error(position, length, at, $"{where}: '{names[i]}' is {last.Type.Describe()}, not an object, so the path cannot go on through it");
                    return null;
                }

                current = next;
            }

            long add = binding?.Add ?? 0;
            if (add != 0 && member.Kind != ViewValueKind.Int)
            {
                Error(position, length, at, $"{where}: \"add\" applies to int members only");
                return null;
            }

            var t = last!.Type;
            string? mismatch = null;
            var conversion = ViewConversion.None;
            string? helper = null;
            bool open = false;
            switch (member.Kind)
            {
                case ViewValueKind.Float when t.Kind == ValueKind.Int:
                    conversion = ViewConversion.IntToFloat;
                    break;
                case ViewValueKind.String when t.Kind == ValueKind.Enum:
                    conversion = ViewConversion.EnumText;
                    helper = TypeNames.EnumNames(t.TypeName!);
                    open = _spec.FindType(t.TypeName!)?.OpenEnum == true;
                    break;
                case ViewValueKind.View:
                    if (t.Kind != ValueKind.Object || !Implements(effective, t.TypeName!, member.ViewName!))
                        mismatch = t.Kind == ValueKind.Object ? $"{t.TypeName} does not implement view {member.ViewName} in this version" : "";
                    helper = _set!.InterfaceOf(member.ViewName!);
                    break;
                case ViewValueKind.ViewList:
                    if (t.Kind != ValueKind.List || t.Element!.Kind != ValueKind.Object || !Implements(effective, t.Element.TypeName!, member.ViewName!))
                        mismatch = t.Kind == ValueKind.List && t.Element!.Kind == ValueKind.Object ? $"{t.Element.TypeName} does not implement view {member.ViewName} in this version" : "";
                    helper = _set!.InterfaceOf(member.ViewName!);
                    break;
                default:
                    if (KindOf(t.Kind) != member.Kind) mismatch = "";
                    break;
            }

            if (mismatch is not null)
            {
                Error(position, length, at, $"{where}: '{path}' is {t.Describe()}, which cannot be read as {member.Describe()}" + (mismatch.Length > 0 ? " (" + mismatch + ")" : ""));
                return null;
            }

            return new ViewBindingSpec(member, false, steps.ToEquatableArray(), conversion, helper, open, add);
        }

        private static ViewValueKind? KindOf(ValueKind kind) => kind switch
        {
            ValueKind.Bool => ViewValueKind.Bool,
            ValueKind.Int => ViewValueKind.Int,
            ValueKind.Float => ViewValueKind.Float,
            ValueKind.String => ViewValueKind.String,
            ValueKind.Vec2 => ViewValueKind.Vec2,
            ValueKind.Vec3 => ViewValueKind.Vec3,
            ValueKind.Vec4 => ViewValueKind.Vec4,
            ValueKind.Mat3 => ViewValueKind.Mat3,
            ValueKind.Mat4 => ViewValueKind.Mat4,
            ValueKind.IntMap => ViewValueKind.IntMap,
            _ => null,
        };

        private static bool Implements(Dictionary<string, List<ViewMapDraft>> effective, string type, string view) =>
            effective.TryGetValue(type, out var maps) && maps.Any(m => m.ViewName == view);

        private static string At(ViewMapDraft map, string member) => $"/implements/{map.TypeName}/{map.ViewName}/{member}";

        private void Error(TextPosition position, int length, string at, string message)
        {
            _diagnostics.Add(SchemaReader.Diag(_draft.Source, DiagnosticDescriptors.ViewProblem.Id, position, length, at, message));
            _failed = true;
        }
    }
}
