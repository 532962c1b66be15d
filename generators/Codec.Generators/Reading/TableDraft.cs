using System.Collections.Generic;

namespace Codec.Generators.Reading;

/// <summary>A reference table schema as read, before its rows and constraints are checked.</summary>
internal sealed class TableDraft
{
    public SchemaSource Source = null!;
    public string TableId = "";
    public TextPosition TableIdPosition;
    public string Namespace = "";
    public TextPosition NamespacePosition;
    public string Name = "";
    public TextPosition NamePosition;
    public string? Description;
    public string? Origin;
    public bool MatchCase = true;
    public string? FrameOrigin;
    public TextPosition FrameOriginPosition;
    public readonly List<TableRowDraft> Rows = new();
}

/// <summary>One row as read.</summary>
internal sealed class TableRowDraft
{
    public int Id;
    public TextPosition Position;
    public string Name = "";
    public TextPosition NamePosition;
    public string? Identifier;
    public TextPosition IdentifierPosition;
    public string? Description;
    public bool Shares;
    public int FormerId = -1;
    public string? Note;

    /// <summary>Location constraints per axis (0 = x, 1 = y, 2 = z) as the table writes them, with their positions.</summary>
    public readonly List<(int Axis, string Text, TextPosition Position)> Location = new();
}
