namespace Codec.Runtime.Tables;

/// <summary>One row of a reference table.</summary>
/// <param name="Id">The id (for landmark systems the id files carry; for segmentation targets the stable label).</param>
/// <param name="Name">The name as files spell it.</param>
/// <param name="Identifier">The C# enum member generated for the row.</param>
/// <param name="Description">What the row denotes, or null.</param>
/// <param name="SharesId">True where the schema deliberately gives this row the id of an earlier one (a merge).</param>
/// <param name="FormerId">The id an older edition of the table gave this row (a fixed typo), or -1.</param>
/// <param name="Note">Why the row is as it is, or null.</param>
public sealed record TableRow(int Id, string Name, string Identifier, string? Description, bool SharesId, int FormerId, string? Note);
