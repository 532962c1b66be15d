namespace Codec.Generators.Model;

/// <summary>
/// The version-independent views of one format (from its views file): C# interfaces that every version's models
/// implement, so code reads "the camera" without knowing which version a document is.
/// </summary>
internal sealed record ViewSetSpec(
    string FormatId,
    string Namespace,
    string SchemaPath,
    /// <summary>The view a decoded document is handed out as, or null (then <c>ICodecDocument</c>).</summary>
    string? RootView,
    EquatableArray<ViewSpec> Views)
{
    public ViewSpec? Find(string name)
    {
        foreach (var v in Views) if (v.Name == name) return v;
        return null;
    }

    /// <summary>The fully qualified interface of a view.</summary>
    public string InterfaceOf(string view) => "global::" + Namespace + "." + ViewSpec.InterfaceName(view);
}

/// <summary>One view: an interface with read-only members.</summary>
internal sealed record ViewSpec(string Name, string? Description, EquatableArray<ViewMemberSpec> Members)
{
    public static string InterfaceName(string view) => "I" + view;
}

/// <summary>What a view member holds. Scalars carry a presence flag; views, lists of views and maps are null when absent.</summary>
internal enum ViewValueKind
{
    Bool,
    Int,
    Float,
    String,
    Vec2,
    Vec3,
    Vec4,
    Mat3,
    Mat4,
    IntMap,
    View,
    ViewList,
}

internal sealed record ViewMemberSpec(string JsonName, string PropertyName, ViewValueKind Kind, string? ViewName, string? Description)
{
    public bool IsReference => Kind is ViewValueKind.View or ViewValueKind.ViewList or ViewValueKind.IntMap;

    public string Describe() => Kind switch
    {
        ViewValueKind.View => ViewName!,
        ViewValueKind.ViewList => "list<" + ViewName + ">",
        _ => TypeVocabulary.TextOf(Kind)!,
    };}

/// <summary>A model type of one version implementing one view: how each view member is read from the model.</summary>
internal sealed record ViewImplSpec(string TypeName, string ViewName, string Interface, EquatableArray<ViewBindingSpec> Bindings);

/// <summary>How a read converts the model's value to the view's.</summary>
internal enum ViewConversion
{
    None,
    /// <summary>An integer member read as a float view member.</summary>
    IntToFloat,
    /// <summary>An enum member read as text: the text as written (open enums) or the value's name.</summary>
    EnumText,
}

/// <summary>
/// One view member of an implementation: the member path from the implementing type (empty: the object itself),
/// or <see cref="Absent"/> when the version does not have it.
/// </summary>
internal sealed record ViewBindingSpec(
    ViewMemberSpec Member,
    bool Absent,
    EquatableArray<PathStep> Steps,
    ViewConversion Conversion,
    /// <summary>For enum text: the enum's names class; for views and lists: the interface the value is read as.</summary>
    string? Helper,
    bool OpenEnum,
    long Add);
