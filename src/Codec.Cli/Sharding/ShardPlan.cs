using System.Globalization;
using Codec.Formats.Synthesis;
using Codec.Formats.Validation.Runs;

namespace Codec.Cli.Sharding;

/// <summary>A piece of a sharded run — a whole unit, or a block of an output folder's renders — and what checking it costs.</summary>
public readonly record struct ShardPiece(string Key, long Weight);

/// <summary>
/// Which shard checks each piece of a sharded run, dealt by what the pieces cost. A piece weighs its bytes on disk (an
/// info.json or metadata.jsonl; every file of a dataset; a block's renders' files, and the folder's own files in block
/// 0) plus <see cref="BytesPerFile"/> for each file it opens. The pieces are dealt heaviest first, each to the shard
/// with the least so far (ties to the lower index; equal weights in key order), so no shard gets much more than its
/// share — the largest piece at most — and every shard that lists the same files deals them the same way. A piece the
/// plan has not weighed (a render that appeared after the listing) falls to the hash of its key.
/// </summary>
public sealed class ShardPlan
{
    /// <summary>
    /// What opening, listing and checking one file costs beside reading its bytes, counted as bytes: a small file
    /// (an info.json of a few kilobytes) costs more than its size says.
    /// </summary>
    public const long BytesPerFile = 64 * 1024;

    private readonly Dictionary<string, int> _owners;
    private readonly long[] _loads;

    private ShardPlan(ShardSpec shard, IReadOnlyList<ShardPiece> pieces, Dictionary<string, int> owners, long[] loads)
    {
        Shard = shard;
        Pieces = pieces;
        _owners = owners;
        _loads = loads;
    }

    public ShardSpec Shard { get; }

    /// <summary>The pieces weighed, in the run's order.</summary>
    public IReadOnlyList<ShardPiece> Pieces { get; }

    /// <summary>The weight dealt to shard <paramref name="index"/>.</summary>
    public long Load(int index) => _loads[index];

    /// <summary>True when the piece with <paramref name="key"/> was weighed and dealt (an output folder dealt whole, by its size in a manifest).</summary>
    public bool Dealt(string key) => _owners.ContainsKey(key);

    /// <summary>True when this plan's shard checks the piece with <paramref name="key"/>.</summary>
    public bool Owns(string key) =>
        Shard.Count == 1 || (_owners.TryGetValue(key, out int owner) ? owner : ShardSpec.OwnerOf(key, Shard.Count)) == Shard.Index;

    /// <summary>Deals <paramref name="pieces"/> over <paramref name="shard"/>'s count of shards.</summary>
    public static ShardPlan Deal(ShardSpec shard, IReadOnlyList<ShardPiece> pieces)
    {
        var loads = new long[shard.Count];
        var owners = new Dictionary<string, int>(StringComparer.Ordinal);
        // Lightest shard first; a sorted set of (load, index) finds it in log(shards) per piece.
        var lightest = new SortedSet<(long Load, int Index)>(Enumerable.Range(0, shard.Count).Select(i => (0L, i)));
        foreach (var piece in pieces.OrderByDescending(p => p.Weight).ThenBy(p => p.Key, StringComparer.Ordinal))
        {
            if (owners.ContainsKey(piece.Key)) continue;
            var (load, index) = lightest.Min;
            lightest.Remove(lightest.Min);
            owners[piece.Key] = index;
            loads[index] = load + piece.Weight;
            lightest.Add((loads[index], index));
        }

        return new ShardPlan(shard, pieces, owners, loads);
    }

    /// <summary>
    /// The pieces of <paramref name="units"/>: each unit whole, except output folders, which are split in blocks of
    /// <paramref name="rendersPerBlock"/> consecutive render ids (the folder's own files go with block 0). A unit whose
    /// size <paramref name="sizes"/> gives (by full path, from a manifest) is one piece of that size, a folder too: it
    /// is not listed to be weighed, and the shard that gets it checks it whole.
    /// </summary>
    public static List<ShardPiece> Weigh(IReadOnlyList<CheckUnit> units, int rendersPerBlock, IReadOnlyDictionary<string, long>? sizes = null)
    {
        var pieces = new List<ShardPiece>();
        foreach (var unit in units)
        {
            if (sizes is not null && unit.Input is null && sizes.TryGetValue(FullPath(unit.Path), out long size))
            {
                pieces.Add(new ShardPiece(unit.Key, size + BytesPerFile));
                continue;
            }

            switch (unit.Kind)
            {
                case UnitKind.Folder:
                    pieces.AddRange(FolderBlocks(unit, rendersPerBlock));
                    break;
                case UnitKind.Dataset:
                    pieces.Add(new ShardPiece(unit.Key, Files(unit.Path, recursive: true).Sum(f => f.Length + BytesPerFile)));
                    break;
                default:
                    // Standard input has no size to weigh: one file's cost.
                    long bytes = unit.Input is null && File.Exists(unit.Path) ? new FileInfo(unit.Path).Length : 0;
                    pieces.Add(new ShardPiece(unit.Key, bytes + BytesPerFile));
                    break;
            }
        }

        return pieces;
    }

    /// <summary>How a unit's path and a manifest's are compared: full, without a trailing separator.</summary>
    public static string FullPath(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));

    /// <summary>The key of a block of an output folder's renders, as the folder check asks for it.</summary>
    public static string BlockKey(string folderKey, long block) => folderKey + "#" + block.ToString(CultureInfo.InvariantCulture);

    private static IEnumerable<ShardPiece> FolderBlocks(CheckUnit folder, int rendersPerBlock)
    {
        var contract = SynthesisOutputContract.Contract;
        var blocks = new SortedDictionary<long, long> { [0] = 0 };
        foreach (var file in Files(folder.Path, recursive: false))
        {
            // The folder check lists its files the same way and names renders by the same contract.
            long block = contract.TryParseName(file.Name, out var name) ? name.RenderId / rendersPerBlock : 0;
            blocks[block] = blocks.GetValueOrDefault(block) + file.Length + BytesPerFile;
        }

        return blocks.Select(b => new ShardPiece(BlockKey(folder.Key, b.Key), b.Value));
    }

    // Regular files only, links not followed into other trees; a folder that cannot be read weighs nothing (its
    // check says why).
    private static IEnumerable<FileInfo> Files(string folder, bool recursive)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = recursive, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
        try
        {
            return new DirectoryInfo(folder).EnumerateFiles("*", options).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
