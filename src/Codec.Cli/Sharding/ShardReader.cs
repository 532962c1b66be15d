using System.Globalization;
using Codec.Formats.Datasets;
using Codec.Formats.Validation;
using Codec.Formats.Validation.Folders;
using Codec.Formats.Validation.Runs;
using Codec.Runtime.Files;
using Codec.Runtime.Findings;
using Parquet;
using Parquet.Schema;

namespace Codec.Cli.Sharding;

/// <summary>A shard file that is damaged past its header: what is wrong, where (the reader names the file).</summary>
public sealed class ShardFileException(string message) : Exception(message);

/// <summary>
/// Reads a shard file (<see cref="ShardFile"/>) unit by unit, in the order it was written (the run's order of units),
/// holding one row group and the unit being rebuilt: a merge of shard files of any size holds what one unit needs.
/// The header (what the file covers) is read and checked when the file is opened; the rows are checked as they are read,
/// and a damaged row throws <see cref="ShardFileException"/> naming the file.
/// </summary>
public sealed class ShardReader : IDisposable
{
    private readonly Stream _stream;
    private readonly ParquetReader _parquet;
    private readonly Dictionary<string, DataField> _fields;
    private readonly Dictionary<string, Array> _columns = new(StringComparer.Ordinal);
    private readonly StringPool _strings = new();

    // The strings of repeating cells, one instance each, up to a bound (past it, cells keep their own strings).
    private sealed class StringPool
    {
        private const int MaxStrings = 16_384;
        private readonly Dictionary<string, string> _pool = new(StringComparer.Ordinal);

        public string? Get(string? value)
        {
            if (value is null) return null;
            if (_pool.TryGetValue(value, out var shared)) return shared;
            if (_pool.Count < MaxStrings) _pool[value] = value;
            return value;
        }
    }

    private ShardReader(string name, Stream stream, ParquetReader parquet, ShardHeader header, Dictionary<string, DataField> fields, long rows)
    {
        Name = name;
        _stream = stream;
        _parquet = parquet;
        Header = header;
        _fields = fields;
        Rows = rows;
    }

    /// <summary>The file's name, as messages give it.</summary>
    public string Name { get; }

    public ShardHeader Header { get; }

    /// <summary>The rows the file declares.</summary>
    public long Rows { get; }

    /// <summary>The row groups of the file there are.</summary>
    public int RowGroups => _parquet.RowGroupCount;

    /// <summary>Row groups read so far (each enumeration of <see cref="Units"/> reads them again): how far the reader has gone.</summary>
    public int GroupsRead { get; private set; }

    /// <summary>Opens the shard file at <paramref name="path"/> through the input gate; null with <paramref name="error"/> (naming the file) when it cannot.</summary>
    public static ShardReader? OpenFile(string path, out string error)
    {
        if (InputFile.Refusal(path) is { } why)
        {
            error = $"{path} {why}";
            return null;
        }

        var stream = InputFile.OpenStream(path);
        var reader = Open(stream, path, out error);
        if (reader is null)
        {
            stream.Dispose();
            error = $"{path}: {error}";
        }

        return reader;
    }

    /// <summary>Opens a shard file on <paramref name="stream"/> (the reader disposes it); null with <paramref name="error"/> when it is not one this version of codec wrote.</summary>
    public static ShardReader? Open(Stream stream, string name, out string error)
    {
        try
        {
            var (reader, why) = OpenAsync(stream, name).GetAwaiter().GetResult();
            error = why;
            return reader;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The Parquet reader is a library's: whatever a damaged file makes it throw is this file's problem, said
            // as such, never a crash of the merge.
            error = "not a readable codec shard file (" + e.Message + ")";
            return null;
        }
    }

    private static async Task<(ShardReader?, string)> OpenAsync(Stream input, string name)
    {
        // Row counts, sizes and lengths are declared in the file: checked against what it can hold before the Parquet
        // library allocates or loops by them.
        long maxRows = ShardFile.MaxRowsPerByte * Math.Max(input.Length, 1);
        if (ParquetBounds.Check(input, ShardFile.MaxRowsPerGroup, maxRows) is { } damage) return (null, "not a readable codec shard file: " + damage);
        input.Position = 0;
        var parquet = await ParquetReader.CreateAsync(input, null, true, default).ConfigureAwait(false);
        var meta = parquet.CustomMetadata;
        string? Refuse()
        {
            if (!meta.TryGetValue("codec.layout", out var layout)) return "not a codec shard file (no codec.layout in its metadata)";
            if (layout != ShardFile.Layout) return $"a shard file of layout {layout}; this codec reads {ShardFile.Layout}";
            return null;
        }

        if (Refuse() is { } refusal)
        {
            await parquet.DisposeAsync().ConfigureAwait(false);
            return (null, refusal);
        }

        if (!int.TryParse(meta.GetValueOrDefault("codec.shards"), NumberStyles.None, CultureInfo.InvariantCulture, out int shards) || shards is < 1 or > ShardSpec.MaxCount
            || !int.TryParse(meta.GetValueOrDefault("codec.units"), NumberStyles.None, CultureInfo.InvariantCulture, out int units) || units < 0)
        {
            await parquet.DisposeAsync().ConfigureAwait(false);
            return (null, "its shard count or unit count is missing or malformed");
        }

        var covered = new SortedSet<int>();
        foreach (var part in (meta.GetValueOrDefault("codec.covered") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out int k) || k >= shards)
            {
                await parquet.DisposeAsync().ConfigureAwait(false);
                return (null, $"it claims to cover shard '{part}' of {shards}");
            }

            covered.Add(k);
        }

        var fields = new Dictionary<string, DataField>(StringComparer.Ordinal);
        foreach (var column in ShardFile.Columns)
        {
            if (parquet.Schema.DataFields.FirstOrDefault(f => f.Name == column.Field.Name) is { } field) fields[column.Field.Name] = field;
            else if (!column.Optional)
            {
                await parquet.DisposeAsync().ConfigureAwait(false);
                return (null, $"it has no column '{column.Field.Name}'");
            }
        }

        long rows = parquet.RowGroups.Sum(g => g.RowCount);
        var header = new ShardHeader(shards, covered, units, meta.GetValueOrDefault("codec.fingerprint") ?? "");
        return (new ShardReader(name, input, parquet, header, fields, rows), "");
    }

    public void Dispose()
    {
        _parquet.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _stream.Dispose();
    }

    /// <summary>
    /// The file's units in its order, each with its files' parts in the order of their entries; read again from the
    /// start each time it is enumerated (one enumeration at a time: the row groups share the reader's arrays). Without
    /// <paramref name="facts"/>, the reports carry their findings only (what the printed reports read), and the
    /// columns of render facts, landmarks, mask classes and clips are not read at all. Rows out of unit order, or
    /// naming what the run does not have, throw <see cref="ShardFileException"/>.
    /// </summary>
    public IEnumerable<UnitReports> Units(bool facts = true)
    {
        var cursor = Start(facts);
        while (!cursor.AtEnd) yield return cursor.Take();
    }

    /// <summary>
    /// A cursor at the file's first row (one at a time per reader: the row groups share the reader's arrays); see
    /// <see cref="Units"/> for <paramref name="facts"/>.
    /// </summary>
    public Cursor Start(bool facts = true) => new(this, facts);

    /// <summary>
    /// A place in the file's rows, at the first row of a unit. It knows that unit's number before it reads the unit
    /// (a merge by unit orders its files by it), and reads the unit only when it is taken: a merge of many files holds
    /// the unit it puts together and a row group of each file, not the next unit of every file.
    /// </summary>
    public sealed class Cursor
    {
        private readonly ShardReader _reader;
        private readonly bool _facts;
        private GroupRows? _rows;
        private int _group = -1, _row;

        internal Cursor(ShardReader reader, bool facts)
        {
            _reader = reader;
            _facts = facts;
            Step();
        }

        /// <summary>The unit of the row the cursor is at; -1 past the last row.</summary>
        public int Unit { get; private set; } = -1;

        public bool AtEnd => Unit < 0;

        /// <summary>
        /// The unit the cursor is at, read whole (its rows are consecutive); the cursor moves to the next unit's first
        /// row, which must be of a later unit.
        /// </summary>
        public UnitReports Take()
        {
            int unit = Unit;
            var entries = new SortedDictionary<(long Entry, int Part), PartBuilder>();
            while (Unit == unit)
            {
                var rows = _rows!;
                int i = _row, part = rows.Int("part", i) ?? -1;
                long entry = rows.Long("entry", i) ?? -1;
                if (entry < 0 || part < 0) throw _reader.Damage($"row {i} of row group {_group} names unit {unit}, entry {entry}, part {part} of {_reader.Header.UnitCount} units");
                if (!entries.TryGetValue((entry, part), out var at)) entries[(entry, part)] = at = _reader.NewPart(rows, i, _group);
                _reader.Add(rows, i, _group, at, _facts);
                Step();
            }

            if (!AtEnd && Unit < unit) throw _reader.Damage($"row {_row} of row group {_group} is of unit {Unit}, after unit {unit}: the rows are not in the run's order");
            return Build(unit, entries);
        }

        // To the next row (the next group's first when this group is done), and the unit it names.
        private void Step()
        {
            _row++;
            while (_rows is null || _row >= _rows.Count)
            {
                if (++_group >= _reader._parquet.RowGroupCount)
                {
                    _rows = null;
                    Unit = -1;
                    return;
                }

                _rows = _reader.ReadGroup(_group, _facts);
                _row = 0;
            }

            int unit = _rows.Int("unit", _row) ?? -1;
            if (unit < 0 || unit >= _reader.Header.UnitCount)
                throw _reader.Damage($"row {_row} of row group {_group} names unit {unit}, entry {_rows.Long("entry", _row) ?? -1}, part {_rows.Int("part", _row) ?? -1} of {_reader.Header.UnitCount} units");
            Unit = unit;
        }
    }

    private ShardFileException Damage(string what) => new(Name.Length == 0 ? what : $"{Name}: {what}");

    private static UnitReports Build(int unit, SortedDictionary<(long Entry, int Part), PartBuilder> entries) =>
        new(unit, entries.Select(e => e.Value.Build(e.Key.Entry, e.Key.Part)).ToList());

    // One row group's columns, each read whole into an array of the type this codec writes it with.
    private sealed class GroupRows(Dictionary<string, Array> values, int count, StringPool strings)
    {
        public int Count => count;

        // Typed reads of a row's cells, no boxing per cell; a column not read (absent from the file, or a fact not
        // asked for) is null.
        public string? Text(string name, int i) => values.TryGetValue(name, out var a) ? ((string?[])a)[i] : null;

        // A cell of a column whose values repeat (a code, a version, a class name): one string for each value, not
        // one per row, in what a unit holds.
        public string? Shared(string name, int i) => strings.Get(Text(name, i));

        public long? Long(string name, int i) => values.TryGetValue(name, out var a) ? ((long?[])a)[i] : null;
        public int? Int(string name, int i) => values.TryGetValue(name, out var a) ? ((int?[])a)[i] : null;
        public double? Double(string name, int i) => values.TryGetValue(name, out var a) ? ((double?[])a)[i] : null;
        public bool Bool(string name, int i) => values.TryGetValue(name, out var a) && ((bool[])a)[i];
    }

    // Reading allocates (a group's pages and cells, the unit's reports) and almost all of it is garbage a group later.
    // Left to its own budgets, the collector lets that garbage grow with the run: its young budget adapts upwards, and
    // the units that lived through a young collection (a unit spans several groups of every file) wait in the old
    // generation for a full one. A full collection before a group is read, once this much has been allocated since the
    // last, keeps a merge's memory at what its units and groups need, whatever the run's size; what is alive between
    // two groups is small (the unit being put together, a group of each file), so each costs a few milliseconds.
    private const long CollectEveryBytes = 16L << 20;
    private static long s_collectedAt;

    private static void CollectGarbage()
    {
        long allocated = GC.GetTotalAllocatedBytes();
        if (allocated - Interlocked.Read(ref s_collectedAt) < CollectEveryBytes) return;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true);
        Interlocked.Exchange(ref s_collectedAt, allocated);
    }

    private GroupRows ReadGroup(int g, bool facts)
    {
        CollectGarbage();
        GroupsRead++;
        try
        {
            return ReadGroupAsync(g, facts).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is not OutOfMemoryException and not ShardFileException)
        {
            throw Damage($"row group {g} is not readable ({e.Message})");
        }
    }

    private async Task<GroupRows> ReadGroupAsync(int g, bool facts)
    {
        using var group = _parquet.OpenRowGroupReader(g);
        int n = (int)group.RowCount;
        // One array per column for the whole file, grown to the largest group and made only for the columns read: a
        // group's columns are hundreds of kilobytes each, and new ones per group would be garbage on the large object
        // heap for every group read.
        var read = new Dictionary<string, Array>(StringComparer.Ordinal);
        foreach (var column in ShardFile.Columns)
        {
            if ((column.Fact && !facts) || !_fields.TryGetValue(column.Field.Name, out var field)) continue;
            if (!_columns.TryGetValue(column.Field.Name, out var values) || values.Length < n) _columns[column.Field.Name] = values = column.Nulls(Math.Max(n, 1));
            Array.Clear(values, 0, n);
            await ReadColumn(group, field, values, n).ConfigureAwait(false);
            read[column.Field.Name] = values;
        }

        return new GroupRows(read, n, _strings);
    }

    // The part of a file its first row opens, with the file's version and counts.
    private PartBuilder NewPart(GroupRows rows, int i, int g)
    {
        var counts = new FindingCounts(rows.Long("unlisted_errors", i) ?? 0, rows.Long("unlisted_warnings", i) ?? 0, rows.Long("unlisted_infos", i) ?? 0);
        // Counts a report adds up over every file of a run: each within what a run can find, so no total overflows.
        if (counts.Errors is < 0 or > ShardFile.MaxUnlisted || counts.Warnings is < 0 or > ShardFile.MaxUnlisted || counts.Infos is < 0 or > ShardFile.MaxUnlisted)
            throw Damage($"row {i} of row group {g} counts {counts.Errors}, {counts.Warnings} and {counts.Infos} unlisted findings; a file has between 0 and {ShardFile.MaxUnlisted}");
        var report = new FileCheckResult(rows.Text("file", i) ?? "", rows.Shared("version", i), []) { Kind = rows.Shared("kind", i), Unlisted = counts };
        return new PartBuilder(report, rows.Bool("sort_by_line", i));
    }

    // A row's record put into the part of its file (facts only when they are asked for).
    private void Add(GroupRows rows, int i, int g, PartBuilder at, bool facts)
    {
        string? record = rows.Text("record", i);
        if (!facts && ShardFile.IsFact(record)) return;
        switch (record)
        {
            case "file":
                break;
            case "finding":
                if (rows.Shared("code", i) is not { } code || ShardFile.ParseSeverity(rows.Text("severity", i)) is not { } severity)
                    throw Damage($"row {i} of row group {g} is a finding without a code or a severity");
                at.Findings.Add(new Finding(code, severity, rows.Shared("path", i) ?? "", rows.Shared("message", i) ?? "", rows.Int("line", i) ?? 0, rows.Int("column", i) ?? 0)
                {
                    Offset = rows.Long("offset", i) ?? -1,
                });
                break;
            case "render":
                at.Render = new RenderFacts
                {
                    RenderId = rows.Long("render_id", i) ?? 0,
                    Camera = rows.Shared("camera", i),
                    Frame = rows.Long("frame", i),
                    IdentityId = rows.Long("identity_id", i),
                    Age = rows.Long("age", i),
                    Sex = rows.Shared("sex", i),
                    Ethnicity = rows.Shared("ethnicity", i),
                    Expression = rows.Shared("expression", i),
                    ExpressionIntensity = rows.Double("expression_intensity", i),
                    HeadYaw = rows.Double("head_yaw", i),
                    HeadPitch = rows.Double("head_pitch", i),
                    HeadRoll = rows.Double("head_roll", i),
                    GazeHorizontal = rows.Double("gaze_horizontal", i),
                    GazeVertical = rows.Double("gaze_vertical", i),
                    CameraDistance = rows.Double("camera_distance_m", i),
                    FocalLengthMm = rows.Double("focal_length_mm", i),
                };
                break;
            case "landmarks":
                at.Landmarks.Add(new LandmarkReprojection(rows.Shared("system", i) ?? "", rows.Int("points", i) ?? 0, rows.Double("error_mean_px", i) ?? 0, rows.Double("error_max_px", i) ?? 0));
                break;
            case "clip":
                at.Clip = new ClipFacts(rows.Shared("layout_folder", i) ?? "", rows.Shared("bindings", i) ?? "", rows.Shared("clip", i) ?? "")
                {
                    Frames = rows.Long("frames", i),
                    Vertices = rows.Long("vertices", i),
                    FramesPerSecond = rows.Double("fps", i),
                    Seconds = rows.Double("seconds", i),
                    SampleRate = rows.Int("sample_rate", i),
                    BitsPerSample = rows.Int("bits_per_sample", i),
                    MotionRange = rows.Double("motion_range", i),
                    Emotion = rows.Shared("emotion", i),
                    LevelDb = rows.Double("level_db", i),
                    PeakDb = rows.Double("peak_db", i),
                };
                break;
            case "mask_class":
                (at.Classes ??= []).Add(new ClassPixels(rows.Shared("class", i) ?? "", rows.Long("pixels", i) ?? 0));
                break;
            default:
                throw Damage($"row {i} of row group {g} is a '{record}' record, which this codec does not know");
        }
    }

    // What one file's part is being rebuilt from as its rows are read.
    private sealed class PartBuilder(FileCheckResult report, bool sortByLine)
    {
        public readonly FileCheckResult Report = report;
        public readonly bool SortByLine = sortByLine;
        public readonly List<Finding> Findings = [];
        public RenderFacts? Render;
        public readonly List<LandmarkReprojection> Landmarks = [];
        public List<ClassPixels>? Classes;
        public ClipFacts? Clip;

        public FolderPart Build(long entry, int part) => new(entry, part, SortByLine, Report with
        {
            Findings = Findings,
            Render = Render is null ? null : Render with { Landmarks = Landmarks },
            MaskClasses = Classes,
            Clip = Clip,
        });
    }

    // A column of the group read into the file's array for it, of the type this codec writes it with.
    private static Task ReadColumn(ParquetRowGroupReader group, DataField field, Array values, int n) => values switch
    {
        string?[] text => group.ReadAsync(field, text.AsMemory(0, n), null, default).AsTask(),
        bool[] flags => group.ReadAsync<bool>(field, flags.AsMemory(0, n), null, default).AsTask(),
        int?[] numbers => group.ReadAsync<int>(field, numbers.AsMemory(0, n), null, default).AsTask(),
        long?[] numbers => group.ReadAsync<long>(field, numbers.AsMemory(0, n), null, default).AsTask(),
        double?[] numbers => group.ReadAsync<double>(field, numbers.AsMemory(0, n), null, default).AsTask(),
        _ => throw new InvalidOperationException($"no reader for a column of {values.GetType().Name}"),
    };
}
