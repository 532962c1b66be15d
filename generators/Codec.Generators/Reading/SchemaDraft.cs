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
    public Model.UnknownMemberPolicy UnknownMembers = Model.UnknownMemberPolicy.Warning;
    public readonly List<TypeDraft> Types = new();
    public readonly List<RuleDraft> Rules = new();
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
    public Model.UnknownMemberPolicy? UnknownMembers;
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
    public string Type = "";
    public TextPosition TypePosition;
    public string? PropertyName;
    public bool Optional;
    public string? Description;
    public double? Minimum;
    public double? Maximum;
    public TextPosition RangePosition;
    public int? MinItems;
    public int? MaxItems;
    public TextPosition CountPosition;
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
}

internal sealed class KnownOffsetDraft
{
    public string Key = "";
    public long From;
    public long To;
    public double Tolerance;
    public TextPosition Position;
}
