namespace Codec.Runtime.Tables;

/// <summary>
/// A reference table generated from a <c>*.codec.json</c> table schema (landmark vocabularies, segmentation targets,
/// pose names): ids and names both ways, without allocating. Implemented by the generated <c>…Table</c> classes; the
/// members are static so rules and tools can take the table as a type argument.
/// </summary>
public interface IReferenceTable
{
    /// <summary>The table's id in its schema, e.g. <c>synthesis.landmarks.kinect_v2</c>.</summary>
    static abstract string TableId { get; }

    /// <summary>Every row in schema order. Rows may share an id where the schema says so (deliberate merges).</summary>
    static abstract ReadOnlySpan<TableRow> Rows { get; }

    /// <summary>The id of a name given as UTF-8 (the form decoded documents hold).</summary>
    static abstract bool TryGetId(ReadOnlySpan<byte> utf8Name, out int id);

    /// <summary>The id of a name.</summary>
    static abstract bool TryGetId(ReadOnlySpan<char> name, out int id);

    /// <summary>True when some row has this id.</summary>
    static abstract bool IsDefined(int id);

    /// <summary>The first name the table gives an id, or null when no row has it.</summary>
    static abstract string? NameOf(int id);

    /// <summary>Every name sharing an id, in schema order (empty when no row has it).</summary>
    static abstract ReadOnlySpan<string> NamesOf(int id);
}

/// <summary>A table that also states where its points lie relative to each other (the MPEG-4 feature points).</summary>
public interface ILocatedReferenceTable : IReferenceTable
{
    /// <summary>Every location constraint, grouped by point in schema order.</summary>
    static abstract ReadOnlySpan<LocationConstraint> Constraints { get; }

    /// <summary>The id of the point that is the origin of the frame the constraints are written in, or -1.</summary>
    static abstract int FrameOrigin { get; }
}
