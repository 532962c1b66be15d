namespace Codec.Generators.Model;

/// <summary>What to do with a JSON member the schema does not declare.</summary>
internal enum UnknownMemberPolicy
{
    Warning,
    Error,
    Ignore,
}

/// <summary>One format version, read and checked from one schema file: everything the emitters need.</summary>
internal sealed record FormatSpec(
    string FormatId,
    string Version,
    string Namespace,
    string VersionNamespace,
    string RootType,
    string? VersionMember,
    string? Description,
    string SchemaPath,
    EquatableArray<TypeSpec> Types,
    EquatableArray<RuleSpec> Rules,
    /// <summary>The version this one derives from, or null for a schema written in full.</summary>
    string? ParentVersion = null,
    /// <summary>Members this version renamed relative to its parent (for the changelog).</summary>
    EquatableArray<RenameSpec> Renames = default,
    /// <summary>Documents without a version member are this version.</summary>
    bool MatchesMissingVersion = false,
    ProductSpec? Product = null,
    /// <summary>The format's views this version's types implement (proven by the view checker).</summary>
    EquatableArray<ViewImplSpec> ViewImpls = default,
    /// <summary>The interface a decoded document is handed out as (global::…); null: <c>ICodecDocument</c>.</summary>
    string? RootView = null,
    /// <summary>Documents are lines of a JSON Lines file: encoded compact, on one line.</summary>
    bool LineLayout = false)
{
    /// <summary>Types this version uses that are emitted elsewhere (shared with other versions): name → global:: name.</summary>
    public EquatableArray<TypeAlias> Aliases { get; init; } = EquatableArray<TypeAlias>.Empty;

    /// <summary>True when <paramref name="type"/>'s C# type is emitted with this version.</summary>
    public bool Emits(TypeSpec type) => type.Home is null || type.Home == VersionNamespace;

    public TypeSpec? FindType(string name)
    {
        foreach (var t in Types) if (t.Name == name) return t;
        return null;
    }
}

/// <summary>A name generated code of one namespace uses for a type emitted in another (a <c>using</c> alias).</summary>
internal sealed record TypeAlias(string Name, string Target);

/// <summary>
/// Types shared by several versions whose home is a type library's namespace: emitted once there, with every view
/// the versions implement on them.
/// </summary>
internal sealed record SharedTypesSpec(string Namespace, string SchemaPath, EquatableArray<TypeSpec> Types, EquatableArray<ViewImplSpec> ViewImpls)
{
    /// <summary>Types of libraries this one imports that its types name (emitted there).</summary>
    public EquatableArray<TypeAlias> Aliases { get; init; } = EquatableArray<TypeAlias>.Empty;

    /// <summary>The types as a holder the model and view emitters take: a "version" without root, rules or version.</summary>
    public FormatSpec AsHolder() => new FormatSpec("", "", Namespace, Namespace, "", null, null, SchemaPath, Types, EquatableArray<RuleSpec>.Empty, ViewImpls: ViewImpls) { Aliases = Aliases };
}

internal enum TypeKind
{
    Object,
    Enum,
}

/// <summary>An object type (members) or a string enum (values) declared under <c>types</c>.</summary>
internal sealed record TypeSpec(
    string Name,
    TypeKind Kind,
    string? Description,
    UnknownMemberPolicy UnknownMembers,
    EquatableArray<MemberSpec> Members,
    EquatableArray<EnumValueSpec> Values,
    bool OpenEnum)
{
    /// <summary>The namespace where this shape was written (a type library's, or a version's); null when unknown.</summary>
    public string? Origin { get; init; }

    /// <summary>The schema file that wrote this shape.</summary>
    public string? OriginPath { get; init; }

    /// <summary>
    /// The namespace the C# type is emitted into, shared by every version where the shape is the same
    /// (<see cref="Checking.TypeSharing"/>); null: the version's own namespace.
    /// </summary>
    public string? Home { get; init; }
}

internal sealed record EnumValueSpec(string JsonValue, string Identifier);

/// <summary>A member of an object type.</summary>
internal sealed record MemberSpec(
    string JsonName,
    string PropertyName,
    TypeRef Type,
    bool Required,
    string? Description,
    double? Minimum,
    double? Maximum,
    int? MinItems,
    int? MaxItems,
    /// <summary>Other names the member is accepted under; the encoder writes the one the document used.</summary>
    EquatableArray<string> Aliases = default,
    /// <summary>JSON <c>null</c> is accepted (and kept: <c>{Property}IsNull</c>).</summary>
    bool Nullable = false);

/// <summary>The shape of a value.</summary>
internal enum ValueKind
{
    Bool,
    Int,
    Float,
    String,
    /// <summary>A number that files write either as a JSON number or as a numeric string.</summary>
    NumberOrString,
    Vec2,
    Vec3,
    Vec4,
    Mat3,
    Mat4,
    Object,
    Enum,
    List,
    /// <summary>An object keyed by name with integer values (name → int).</summary>
    IntMap,
}

/// <summary>A resolved type reference. <see cref="TypeName"/> names an object or enum; <see cref="Element"/> is a list's item.</summary>
internal sealed record TypeRef(ValueKind Kind, string? TypeName = null, TypeRef? Element = null)
{
    public bool IsScalarNumber => Kind is ValueKind.Int or ValueKind.Float or ValueKind.NumberOrString;

    public string Describe() => Kind switch
    {
        ValueKind.Object or ValueKind.Enum => TypeName!,
        ValueKind.List => "list<" + Element!.Describe() + ">",
        _ => TypeVocabulary.TextOf(Kind)!,
    };}

/// <summary>A semantic rule with its arguments resolved against the model.</summary>
internal sealed record RuleSpec(
    string Name,
    double Tolerance,
    EquatableArray<RuleArgument> Arguments,
    /// <summary>The list the rule runs over (the steps before the <c>*</c>), or empty for a single check.</summary>
    EquatableArray<PathStep> ListSteps,
    string ListPointer,
    bool KnownBug,
    KnownOffsetSpec? KnownOffset,
    /// <summary>The generated table class a table rule checks against (global::…), or null.</summary>
    string? TableClass = null,
    long IdOffset = 0);

/// <summary>One argument: its parameter name, the JSON pointer written in the schema, and the resolved steps.</summary>
internal sealed record RuleArgument(
    string Parameter,
    string Pointer,
    ValueKind Kind,
    /// <summary>Steps from the root, or (when the rule iterates a list) from the list item.</summary>
    EquatableArray<PathStep> Steps,
    bool PerItem);

/// <summary>One member access along a path: the property and whether it needs a presence check.</summary>
internal sealed record PathStep(string JsonName, string PropertyName);

/// <summary>Points of a list that a producer is known to misplace by a bounded amount (reported as warnings).</summary>
internal sealed record KnownOffsetSpec(string KeyProperty, long From, long To, double Tolerance);

/// <summary>A member renamed by a derived version: <see cref="From"/> in the parent is <see cref="To"/> here.</summary>
internal sealed record RenameSpec(string TypeName, string From, string To);

/// <summary>
/// What identifies documents of the product a format describes (sibling products reuse its version strings):
/// at least one of <see cref="AnyOf"/> present, and every <see cref="Values"/> member, when present, allowed.
/// </summary>
internal sealed record ProductSpec(string Name, EquatableArray<PathStep> AnyOf, EquatableArray<ProductCheckSpec> Values);

/// <summary>
/// An integer member (top-level, or reached through object members: <c>scene.version</c>) that, when present, must
/// have one of <see cref="Allowed"/>.
/// </summary>
internal sealed record ProductCheckSpec(string JsonName, EquatableArray<PathStep> Path, EquatableArray<long> Allowed);
