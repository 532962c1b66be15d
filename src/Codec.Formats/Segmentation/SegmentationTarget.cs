using Codec.Formats.Synthesis.Segmentation;
using Codec.Runtime.Tables;

namespace Codec.Formats.Segmentation;

/// <summary>
/// A stable label table a mask can be remapped to (the loader's fixed ids, generated from
/// <c>schemas/synthesis/segmentation</c>). Classes a target lacks become its default id 0, as the loader does.
/// </summary>
public sealed class SegmentationTarget
{
    private readonly Func<string, int> _idOf;

    private SegmentationTarget(string key, string tableId, string description, int maxId, Func<string, int> idOf)
    {
        Key = key;
        TableId = tableId;
        Description = description;
        MaxId = maxId;
        _idOf = idOf;
    }

    /// <summary>The name the CLI uses (<c>face</c>, <c>body</c>, <c>clothing</c>, <c>clothing-loader</c>).</summary>
    public string Key { get; }

    public string TableId { get; }
    public string Description { get; }

    /// <summary>The largest id: 8-bit output suffices up to 255.</summary>
    public int MaxId { get; }

    /// <summary>The target id of a class name, or -1 when the table lacks it.</summary>
    public int IdOf(string name) => _idOf(name);

    public static IReadOnlyList<SegmentationTarget> All { get; } =
    [
        Create<BodySegmentTable>("body", "full-body classes (a superset of the face classes)"),
        Create<FaceSegmentTable>("face", "face classes"),
        Create<ClothingSegmentTable>("clothing", "the 22 clothing classes of Synthesis AI's documentation"),
        Create<LoaderClothingSegmentTable>("clothing-loader", "the synthesisai loader's 16 clothing classes"),
    ];

    public static SegmentationTarget? Find(string key) => All.FirstOrDefault(t => string.Equals(t.Key, key, StringComparison.OrdinalIgnoreCase));

    private static SegmentationTarget Create<TTable>(string key, string description) where TTable : IReferenceTable
    {
        int max = 0;
        foreach (var row in TTable.Rows) max = Math.Max(max, row.Id);
        return new SegmentationTarget(key, TTable.TableId, description, max, name => TTable.TryGetId(name, out int id) ? id : -1);
    }
}
