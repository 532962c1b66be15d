using System.Collections.Generic;

namespace Codec.Generators.Reading;

// The schema as written, with positions, before names are resolved. Lives only inside one parse step.

internal sealed class SchemaDraft
{
    public string FormatId = "";
    public TextPosition FormatPosition;
    public TextPosition NamespacePosition;
    public string Version = "";
    public TextPosition VersionPosition;
    public string Namespace = "";
    public string? Description;
    public string RootType = "";
    public TextPosition RootPosition;
    public string? VersionMember;

    /// <summary>Documents are lines of a JSON Lines file (encoded compact, on one line); null: inherited, else indented.</summary>
    public bool? LineLayout;
    public Model.UnknownMemberPolicy? UnknownMembers;
    public readonly List<TypeDraft> Types = new();
    public readonly List<RuleDraft> Rules = new();

    /// <summary>The file this draft was read from.</summary>
    public SchemaSource Source = new("", "");

    /// <summary>The version this one derives from (same format), or null for a schema written in full.</summary>
    public string? Parent;
    public TextPosition ParentPosition;
    public readonly List<TypeChangeDraft> Changes = new();

    /// <summary>The type libraries this version imports (their ids), in the order written.</summary>
    public readonly List<(string Id, TextPosition Position)> Imports = new();
    public readonly List<RuleDraft> RemovedRules = new();

    /// <summary>Documents without a version member are this version (the earliest files had none).</summary>
    public bool? MatchesMissingVersion;
    public ProductDraft? Product;

    /// <summary>Which model types implement which of the format's views, and how (inherited, then this file's).</summary>
    public readonly List<ViewMapDraft> ViewMaps = new();
}

/// <summary>A type library as written: object types and enums that format versions import by its id.</summary>
internal sealed class LibraryDraft
{
    public string Id = "";
    public TextPosition IdPosition;
    public string Namespace = "";
    public TextPosition NamespacePosition;
    public string? Description;

    /// <summary>Other libraries whose types this one uses (and passes on to whoever imports it).</summary>
    public readonly List<(string Id, TextPosition Position)> Imports = new();

    /// <summary>The library's own types; after resolution, those it imports too (their origin says whose they are).</summary>
    public readonly List<TypeDraft> Types = new();
    public SchemaSource Source = new("", "");
}

/// <summary>
/// Where a type's shape was written: the namespace its C# type is emitted into when versions share it (a library's,
/// or the version namespace of the version that declared or changed it), and the file.
/// </summary>
internal sealed record TypeOrigin(string Namespace, string Path);

/// <summary>How a derived version changes one inherited object type.</summary>
internal sealed class TypeChangeDraft
{
    public TypeChangeDraft(string typeName, TextPosition position)
    {
        TypeName = typeName;
        Position = position;
    }

    public string TypeName { get; }
    public TextPosition Position { get; }
    public readonly List<MemberDraft> Added = new();
    public readonly List<(string Name, TextPosition Position)> Removed = new();
    public readonly List<(string From, string To, TextPosition Position)> Renamed = new();
    public readonly List<MemberDraft> Retyped = new();
}

/// <summary>What marks a document as coming from the product the format describes, not a sibling product.</summary>
internal sealed class ProductDraft
{
    public string Name = "";
    public TextPosition Position;
    /// <summary>Top-level members of which a document of the product has at least one.</summary>
    public readonly List<string> AnyOf = new();
    public readonly List<(string Member, List<long> Values)> Values = new();
}

internal sealed class TypeDraft
{
    public TypeDraft(string name, TextPosition position)
    {
        Name = name;
        Position = position;
    }

    public string Name { get; }
    public TextPosition Position { get; }
    public string? Description;
    public bool IsEnum;
    public bool OpenEnum;
    public string? Base;
    public TextPosition BasePosition;

    /// <summary>A copy whose member list can change without touching the parent version's draft.</summary>
    public TypeDraft Copy()
    {
        var copy = new TypeDraft(Name, Position)
        {
            Description = Description, IsEnum = IsEnum, OpenEnum = OpenEnum, Base = Base, BasePosition = BasePosition, UnknownMembers = UnknownMembers,
            Origin = Origin,
        };
        foreach (var m in Members) copy.Members.Add(m.CopyAs(m.JsonName, m.Position));
        copy.Values.AddRange(Values);
        return copy;
    }
    public Model.UnknownMemberPolicy? UnknownMembers;

    /// <summary>Where this shape was written; null until the resolver sets it.</summary>
    public TypeOrigin? Origin;
    public readonly List<MemberDraft> Members = new();
    public readonly List<(string Value, TextPosition Position)> Values = new();
}

internal sealed class MemberDraft
{
    public MemberDraft(string jsonName, TextPosition position)
    {
        JsonName = jsonName;
        Position = position;
    }

    public string JsonName { get; }
    public TextPosition Position { get; }

    /// <summary>Where the member is written in its file (<c>/changes/T/add/m</c> for one a derived version adds), for messages.</summary>
    public string? Pointer;
    public string Type = "";
    public TextPosition TypePosition;
    public string? PropertyName;
    public bool Optional;
    public bool Nullable;
    public string? Description;
    public double? Minimum;
    public double? Maximum;
    public TextPosition RangePosition;
    public int? MinItems;
    public int? MaxItems;
    public TextPosition CountPosition;

    /// <summary>Other names the member is written under (a key renamed without a version bump).</summary>
    public readonly List<string> Aliases = new();

    /// <summary>For a member renamed in a derived version: its name in the parent (for the changelog).</summary>
    public string? RenamedFrom;

    /// <summary>A copy under another JSON name (a rename in a derived version keeps everything else).</summary>
    public MemberDraft CopyAs(string jsonName, TextPosition position)
    {
        var copy = new MemberDraft(jsonName, position)
        {
            Pointer = Pointer,
            Type = Type,
            TypePosition = TypePosition,
            PropertyName = jsonName == JsonName ? PropertyName : null,
            Optional = Optional,
            Nullable = Nullable,
            Description = Description,
            Minimum = Minimum,
            Maximum = Maximum,
            RangePosition = RangePosition,
            MinItems = MinItems,
            MaxItems = MaxItems,
            CountPosition = CountPosition,
        };
        copy.Aliases.AddRange(Aliases);
        return copy;
    }
}

internal sealed class RuleDraft
{
    public RuleDraft(string name, TextPosition position)
    {
        Name = name;
        Position = position;
    }

    public string Name { get; }
    public TextPosition Position { get; }
    public double? Tolerance;
    public bool KnownBug;
    public readonly List<(string Parameter, string Pointer, TextPosition Position)> Arguments = new();
    public KnownOffsetDraft? KnownOffset;

    /// <summary>The reference table a table rule checks against (its table id), and where the schema names it.</summary>
    public string? Table;
    public TextPosition TablePosition;

    /// <summary>What a file adds to the table's ids (table rules).</summary>
    public long IdOffset;

    /// <summary>The options the schema writes (tolerance, knownBug, ...) and where.</summary>
    public readonly Dictionary<string, TextPosition> Options = new();

    /// <summary>A copy whose pointers (arguments and known offset key) are <paramref name="pointer"/>'s rewrites.</summary>
    public RuleDraft CopyWith(System.Func<string, string> pointer)
    {
        var copy = new RuleDraft(Name, Position)
        {
            Tolerance = Tolerance, KnownBug = KnownBug, Table = Table, TablePosition = TablePosition, IdOffset = IdOffset,
            KnownOffset = KnownOffset is { } k ? new KnownOffsetDraft { Key = pointer(k.Key), From = k.From, To = k.To, Tolerance = k.Tolerance, Position = k.Position } : null,
        };
        foreach (var (parameter, at, position) in Arguments) copy.Arguments.Add((parameter, pointer(at), position));
        foreach (var option in Options) copy.Options[option.Key] = option.Value;
        return copy;
    }

    /// <summary>Same rule with the same arguments (how a derived version names an inherited rule to drop).</summary>
    public bool SameAs(RuleDraft other)
    {
        if (Name != other.Name || Arguments.Count != other.Arguments.Count || Table != other.Table || IdOffset != other.IdOffset) return false;
        foreach (var (parameter, pointer, _) in Arguments)
        {
            bool found = false;
            foreach (var o in other.Arguments) found |= o.Parameter == parameter && o.Pointer == pointer;
            if (!found) return false;
        }

        return true;
    }
}

internal sealed class KnownOffsetDraft
{
    public string Key = "";
    public long From;
    public long To;
    public double Tolerance;
    public TextPosition Position;
}
