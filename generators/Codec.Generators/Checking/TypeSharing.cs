using System.Collections.Generic;
using System.Linq;
using System.Text;
using Codec.Generators.Emitting;
using Codec.Generators.Model;

namespace Codec.Generators.Checking;

/// <summary>
/// After checking, across every version of every format: one C# type per shape. Two versions' types share a class
/// (and its enum names, and its view implementations) when they are the same in everything the class is made of —
/// members in order (the encoder writes them so) with their types, bounds, names and documentation, enum values —
/// and the types they refer to share too; the views each version implements on it are added up (one class
/// implements info's and metadata's views), unless two versions read one view from it differently.
///
/// A shared type's home is where its shape was written: a type library's namespace when it is the library's type as
/// declared there, else the version that declared or changed it; a version that uses a type homed elsewhere names it
/// through a <c>using</c> alias, so the emitters write bare names either way. Decoders, encoders and validators stay
/// per version (policies and rules differ).
/// </summary>
internal static class TypeSharing
{
    /// <summary>
    /// The specs with every type's <see cref="TypeSpec.Home"/>, their aliases and their views; and each library's
    /// types with the views versions implement on them (every library type is emitted, used or not).
    /// </summary>
    public static (List<FormatSpec> Specs, List<SharedTypesSpec> Libraries) Share(IReadOnlyList<FormatSpec> specs, IReadOnlyList<SharedTypesSpec> libraries)
    {
        var entries = new List<Entry>();
        var byVersion = new Dictionary<(int, string), Entry>();
        // Libraries take part as holders of their own types (indexes after the versions'), so that a version's type
        // joins the library's class exactly when it is the library's shape.
        var holders = specs.Concat(libraries.Select(l => l.AsHolder())).ToList();
        for (int v = 0; v < holders.Count; v++)
        {
            foreach (var type in holders[v].Types)
            {
                var entry = new Entry(v, holders[v], type);
                entries.Add(entry);
                byVersion[(v, type.Name)] = entry;
            }
        }

        foreach (var e in entries) e.References = References(e.Type).Select(name => byVersion.TryGetValue((e.Version, name), out var r) ? r : null).ToList();

        var groups = Partition(entries);
        foreach (var g in groups) g.Home = Home(g, specs.Count);

        var result = new List<FormatSpec>();
        for (int v = 0; v < specs.Count; v++)
        {
            var spec = specs[v];
            var mine = entries.Where(e => e.Version == v).ToList();
            var types = mine.Select(e => e.Type with { Home = e.Group!.Home }).ToEquatableArray();
            var impls = mine.Where(e => e.Group!.Home == spec.VersionNamespace).SelectMany(e => e.Group!.Impls).ToEquatableArray();
            result.Add(spec with { Types = types, ViewImpls = impls, Aliases = Aliases(mine, spec.VersionNamespace) });
        }

        var shared = libraries.Select((library, i) =>
        {
            var all = entries.Where(e => e.Version == specs.Count + i).ToList();
            var mine = all.Where(e => e.Group!.Home == library.Namespace).ToList();
            return library with
            {
                // Every type it holds (what it imports is looked up, e.g. whether an enum is open), emitted where homed.
                Types = all.Select(e => e.Type with { Home = e.Group!.Home }).ToEquatableArray(),
                ViewImpls = mine.SelectMany(e => e.Group!.Impls).ToEquatableArray(),
                Aliases = Aliases(all, library.Namespace),
            };
        }).ToList();
        return (result, shared);
    }

    // What code in namespace `here` names bare but is emitted elsewhere.
    private static EquatableArray<TypeAlias> Aliases(IEnumerable<Entry> entries, string here)
    {
        var aliases = new List<TypeAlias>();
        foreach (var e in entries.Where(e => e.Group!.Home != here))
        {
            aliases.Add(new TypeAlias(e.Type.Name, "global::" + e.Group!.Home + "." + e.Type.Name));
            if (e.Type.Kind == TypeKind.Enum)
                aliases.Add(new TypeAlias(TypeNames.EnumNames(e.Type.Name), "global::" + e.Group.Home + "." + TypeNames.EnumNames(e.Type.Name)));
        }

        return aliases.OrderBy(a => a.Name, System.StringComparer.Ordinal).ToEquatableArray();
    }

    private sealed class Entry
    {
        public Entry(int version, FormatSpec spec, TypeSpec type)
        {
            Version = version;
            Spec = spec;
            Type = type;
            Impls = spec.ViewImpls.Where(i => i.TypeName == type.Name).ToList();
        }

        public int Version { get; }
        public FormatSpec Spec { get; }
        public TypeSpec Type { get; }
        public List<ViewImplSpec> Impls { get; }
        public List<Entry?> References { get; set; } = new();
        public Group? Group { get; set; }
    }

    private sealed class Group
    {
        public readonly List<Entry> Members = new();
        public readonly List<ViewImplSpec> Impls = new();
        public string Home = "";

        public bool Accepts(Entry e) => e.Impls.All(i => Impls.All(mine => mine.Interface != i.Interface || mine == i));

        public void Add(Entry e)
        {
            Members.Add(e);
            e.Group = this;
            foreach (var i in e.Impls.Where(i => !Impls.Contains(i))) Impls.Add(i);
        }
    }

    // Partition refinement: start from what a type is on its own, split by the classes of the types it refers to
    // and by views read differently, until nothing splits (cycles included).
    private static List<Group> Partition(List<Entry> entries)
    {
        var classOf = new Dictionary<Entry, int>();
        var local = entries.ToDictionary(e => e, Local);
        int count = -1;
        while (true)
        {
            var keys = new Dictionary<string, int>();
            var next = new Dictionary<Entry, int>();
            foreach (var e in entries)
            {
                string key = local[e] + "|" + string.Join(",", e.References.Select(r => r is null ? "?" : classOf.TryGetValue(r, out int c) ? c.ToString(System.Globalization.CultureInfo.InvariantCulture) : "-"));
                if (!keys.TryGetValue(key, out int id)) keys[key] = id = keys.Count;
                next[e] = id;
            }

            // Views: within a class, members that read one view differently go to different groups.
            var groups = new List<Group>();
            foreach (var byClass in entries.GroupBy(e => next[e]))
            {
                var split = new List<Group>();
                foreach (var e in byClass)
                {
                    var group = split.FirstOrDefault(g => g.Accepts(e));
                    if (group is null) split.Add(group = new Group());
                    group.Add(e);
                }

                groups.AddRange(split);
            }

            classOf = new Dictionary<Entry, int>();
            for (int g = 0; g < groups.Count; g++) foreach (var e in groups[g].Members) classOf[e] = g;
            if (groups.Count == count) return groups;
            count = groups.Count;
        }
    }

    // Where a group's class lives: the library whose own type is in it, else a version that wrote the shape (else
    // the first version that has it). A version namespace holds one type of a name, so homes never collide.
    private static string Home(Group g, int versionCount)
    {
        // A library's class is the one it declares itself (a library that imports another holds that one's types too).
        var libraries = g.Members.Where(m => m.Version >= versionCount).ToList();
        if ((libraries.FirstOrDefault(m => m.Type.Origin == m.Spec.VersionNamespace) ?? libraries.FirstOrDefault()) is { } library) return library.Spec.VersionNamespace;
        return (g.Members.FirstOrDefault(m => m.Type.Origin == m.Spec.VersionNamespace) ?? g.Members[0]).Spec.VersionNamespace;
    }

    private static bool IsRoot(Entry e) => e.Type.Name == e.Spec.RootType;

    // Everything the class's code is made of, with referenced types by name only (their classes come from the refinement).
    private static string Local(Entry e)
    {
        var t = e.Type;
        var sb = new StringBuilder();
        // A root carries its version (SchemaVersion, the document interface): never shared.
        if (IsRoot(e)) sb.Append("root ").Append(e.Spec.FormatId).Append(' ').Append(e.Spec.Version).Append('\n');
        sb.Append(t.Name).Append('|').Append(t.Kind).Append('|').Append(t.Description).Append('|').Append(t.OpenEnum).Append('\n');
        foreach (var v in t.Values) sb.Append(v.JsonValue).Append('=').Append(v.Identifier).Append('\n');
        foreach (var m in t.Members)
        {
            sb.Append(m.JsonName).Append('|').Append(m.PropertyName).Append('|').Append(m.Type.Describe()).Append('|').Append(m.Required)
                .Append('|').Append(m.Description).Append('|').Append(Number(m.Minimum)).Append('|').Append(Number(m.Maximum))
                .Append('|').Append(m.MinItems).Append('|').Append(m.MaxItems).Append('|').Append(string.Join(",", m.Aliases)).Append('|').Append(m.Nullable).Append('\n');
        }

        return sb.ToString();
    }

    private static string Number(double? value) => value?.ToString("R", System.Globalization.CultureInfo.InvariantCulture) ?? "";

    // The object and enum types a type's members name, in member order.
    private static IEnumerable<string> References(TypeSpec type)
    {
        foreach (var m in type.Members)
        {
            var r = m.Type.Kind == ValueKind.List ? m.Type.Element! : m.Type;
            if (r.Kind is ValueKind.Object or ValueKind.Enum) yield return r.TypeName!;
        }
    }
}
