using System.Collections.Generic;

namespace Codec.Generators.Reading;

// A format's views file and the "implements" section of a version, as written, before names are resolved.

internal sealed class ViewSetDraft
{
    public SchemaSource Source = new("", "");
    public string FormatId = "";
    public TextPosition FormatPosition;
    public string Namespace = "";
    public TextPosition NamespacePosition;
    public string? Root;
    public TextPosition RootPosition;
    public readonly List<ViewDraft> Views = new();
}

internal sealed class ViewDraft
{
    public ViewDraft(string name, TextPosition position)
    {
        Name = name;
        Position = position;
    }

    public string Name { get; }
    public TextPosition Position { get; }
    public string? Description;
    public readonly List<ViewMemberDraft> Members = new();
}

internal sealed class ViewMemberDraft
{
    public ViewMemberDraft(string name, TextPosition position)
    {
        Name = name;
        Position = position;
    }

    public string Name { get; }
    public TextPosition Position { get; }
    public string Type = "";
    public TextPosition TypePosition;
    public string? Description;
}

/// <summary>
/// One model type implementing one view in a version: <c>"implements": { "Camera": { "RenderCamera": { … } } }</c>.
/// A derived version inherits its parent's and may replace one (same type and view) or drop it (<c>null</c>).
/// </summary>
internal sealed class ViewMapDraft
{
    public ViewMapDraft(string typeName, string viewName, TextPosition position)
    {
        TypeName = typeName;
        ViewName = viewName;
        Position = position;
    }

    public string TypeName { get; }
    public string ViewName { get; }
    public TextPosition Position { get; }

    /// <summary>Written as <c>null</c>: the version drops the inherited implementation.</summary>
    public bool Removed;

    /// <summary>View members mapped explicitly; the others are read from the model member of the same name.</summary>
    public readonly List<ViewBindingDraft> Bindings = new();

    public bool SameTarget(ViewMapDraft other) => TypeName == other.TypeName && ViewName == other.ViewName;
}

internal sealed class ViewBindingDraft
{
    public ViewBindingDraft(string member, TextPosition position)
    {
        Member = member;
        Position = position;
    }

    public string Member { get; }
    public TextPosition Position { get; }

    /// <summary>Member names joined by '/', "." for the object itself, or null: this version does not have it.</summary>
    public string? Path;

    /// <summary>Added to an integer value (a 1-based id read as a 0-based one).</summary>
    public long Add;

    /// <summary>
    /// Made by a rename, not written: the view member of the model member's old name now reads the new name. Ignored
    /// when the view has no member of that name (it never read the model member).
    /// </summary>
    public bool FollowsRename;
}
