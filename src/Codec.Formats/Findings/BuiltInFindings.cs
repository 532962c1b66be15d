using Codec.Runtime.Findings;

namespace Codec.Formats.Findings;

/// <summary>
/// Every finding code codec reports, documented: the runtime's (JSON text, structure, rules, versions, binary files,
/// files) and this layer's (a Synthesis output folder's cross-checks, a dataset against its layout).
/// </summary>
public static class BuiltInFindings
{
    public static FindingCatalog Catalog { get; } = FindingCatalog.Of(typeof(FindingCodes)).And(typeof(FolderFindingCodes)).And(typeof(DatasetFindingCodes));
}
