namespace Codec.Generators.Model;

/// <summary>A checked reference table, ready to emit (value-equatable, so unrelated edits re-emit nothing).</summary>
internal sealed record TableSpec(
    string TableId,
    string Namespace,
    string EnumName,
    string? Description,
    string? Origin,
    bool MatchCase,
    int FrameOrigin,
    string SchemaPath,
    EquatableArray<TableRowSpec> Rows,
    EquatableArray<ConstraintSpec> Constraints)
{
    /// <summary>The generated static table class, e.g. <c>KinectJointTable</c>.</summary>
    public string ClassName => EnumName + "Table";

    /// <summary>The class as generated code names it from anywhere.</summary>
    public string GlobalClassName => "global::" + Namespace + "." + ClassName;
}

/// <summary>One checked row; <see cref="FormerId"/> is -1 when the row never had another id.</summary>
internal sealed record TableRowSpec(int Id, string Name, string Identifier, string? Description, bool Shares, int FormerId, string? Note);

/// <summary>
/// One parsed location constraint: <see cref="Kind"/> is the name of a <c>Codec.Runtime.Tables.ConstraintKind</c>
/// member, <see cref="Axis"/> 0..2, points are table ids (<see cref="Second"/> -1 when the kind names one point).
/// </summary>
internal sealed record ConstraintSpec(int Point, int Axis, string Kind, int First, int Second, string Text, string? Alternative);
