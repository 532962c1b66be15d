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
    public TypeSpec? FindType(string name)
    {
        foreach (var t in Types) if (t.Name == name) return t;
        return null;
    }
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
    bool OpenEnum);

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
