using Codec.Formats.Validation;
using Codec.Formats.Validation.Runs;

namespace Codec.Cli.Sharding;

/// <summary>
/// The shard files of one run read together as the run: a k-way merge by unit of files each written in the run's order
/// of units, so that the run's reports come out in its order while only one unit (its parts from every file that has
/// some) and one row group per file are held. The files must be of one run (same shard count, units and fingerprint)
/// and no shard may be in two of them (its findings would count twice). Enumerating again reads the files again.
/// </summary>
public sealed class ShardMerge : IDisposable
{
    private readonly IReadOnlyList<ShardReader> _readers;

    private ShardMerge(IReadOnlyList<ShardReader> readers, ShardHeader header)
    {
        _readers = readers;
        Header = header;
    }

    /// <summary>The run's header: the shards of all the files together.</summary>
    public ShardHeader Header { get; }

    /// <summary>Opens <paramref name="files"/>; null with <paramref name="error"/> at the first that cannot be read, or that is not of the first's run.</summary>
    public static ShardMerge? Open(IReadOnlyList<string> files, out string error)
    {
        if (files.Count == 0)
        {
            error = "give the shard files to merge";
            return null;
        }

        var readers = new List<ShardReader>();
        try
        {
            foreach (var file in files)
            {
                if (ShardReader.OpenFile(file, out error) is not { } reader) return null;
                readers.Add(reader);
            }

            if (Combine(readers, out error) is not { } header) return null;
            var merge = new ShardMerge(readers, header);
            readers = [];
            return merge;
        }
        finally
        {
            foreach (var reader in readers) reader.Dispose();
        }
    }

    /// <summary>Opens <paramref name="files"/> and reads them through once: null with <paramref name="error"/> when one cannot be read, whole.</summary>
    public static ShardMerge? OpenChecked(IReadOnlyList<string> files, out string error)
    {
        var merge = Open(files, out error);
        if (merge?.Damage() is { } damage)
        {
            merge.Dispose();
            error = damage;
            return null;
        }

        return merge;
    }

    // The header of the files together: one run's, each shard in one file.
    private static ShardHeader? Combine(IReadOnlyList<ShardReader> readers, out string problem)
    {
        problem = "";
        var first = readers[0];
        var covered = new SortedSet<int>();
        var coveredBy = new Dictionary<int, string>();
        foreach (var reader in readers)
        {
            var h = reader.Header;
            if (h.ShardCount != first.Header.ShardCount || h.UnitCount != first.Header.UnitCount || h.Fingerprint != first.Header.Fingerprint)
            {
                problem = $"{reader.Name} is a shard of another run than {first.Name} ({Describe(h)} against {Describe(first.Header)}): give every shard the same paths, over the same files";
                return null;
            }

            foreach (int k in h.Covered)
            {
                if (coveredBy.TryGetValue(k, out var other))
                {
                    problem = $"shard {k} of {h.ShardCount} is in both {other} and {reader.Name}";
                    return null;
                }

                coveredBy[k] = reader.Name;
                covered.Add(k);
            }
        }

        return first.Header with { Covered = covered };
    }

    private static string Describe(ShardHeader h) => $"{h.ShardCount} shards, {h.UnitCount} units, fingerprint {h.Fingerprint}";

    /// <summary>
    /// The run's units in order, each unit's parts from every file that has some (in the order the files were given);
    /// without <paramref name="facts"/>, findings only (<see cref="ShardReader.Units"/>). A damaged file throws
    /// <see cref="ShardFileException"/>.
    /// </summary>
    public IEnumerable<UnitReports> Units(bool facts = true)
    {
        // The files by the unit each is at; a file's unit is read only when it is the smallest, so that what is held
        // is the unit being put together and a row group of each file.
        var cursors = _readers.Select(r => r.Start(facts)).ToList();
        var heads = new PriorityQueue<int, (int Unit, int File)>();
        for (int f = 0; f < cursors.Count; f++)
        {
            if (!cursors[f].AtEnd) heads.Enqueue(f, (cursors[f].Unit, f));
        }

        var parts = new List<Codec.Formats.Validation.Folders.FolderPart>();
        while (heads.TryDequeue(out int file, out var at))
        {
            var cursor = cursors[file];
            parts.AddRange(cursor.Take().Parts);
            if (!cursor.AtEnd) heads.Enqueue(file, (cursor.Unit, file));
            if (heads.TryPeek(out _, out var next) && next.Unit == at.Unit) continue;
            yield return new UnitReports(at.Unit, parts);
            parts = [];
        }
    }

    /// <summary>The run's reports in the order one run over everything gives them; with or without their facts.</summary>
    public IEnumerable<FileCheckResult> Reports(bool facts = true) => Units(facts).SelectMany(u => u.Reports());

    /// <summary>Reads every file through once; null when they all read, else what is wrong, naming the file.</summary>
    public string? Damage()
    {
        try
        {
            foreach (var _ in Units(facts: false))
            {
            }

            return null;
        }
        catch (ShardFileException e)
        {
            return e.Message;
        }
    }

    public void Dispose()
    {
        foreach (var reader in _readers) reader.Dispose();
    }
}
