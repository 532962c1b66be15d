using System.Globalization;
using Codec.Cli.Reporting;
using Codec.Formats.Datasets;
using Codec.Formats.Validation.Folders;
using Codec.Formats.Validation.Runs;
using Codec.Formats.Validation;
using Codec.Runtime.Findings;
using Parquet.Schema;
using Parquet;

namespace Codec.Cli.Sharding;

/// <summary>
/// What a shard (or a merge of shards) checked: every finding of every unit it owns, with the file it concerns, in
/// the run's order. Which shards of how many it covers and a fingerprint of the run's units let a merge refuse
/// files of different runs and see what is missing.
/// </summary>
public sealed record ShardResult(int ShardCount, IReadOnlySet<int> Covered, int UnitCount, string Fingerprint, IReadOnlyList<UnitReports> Units)
{
    public bool IsComplete => Covered.Count == ShardCount;

    /// <summary>The reports in the order one run over everything gives them.</summary>
    public IReadOnlyList<FileCheckResult> Reports() => Units.GroupBy(u => u.Unit).OrderBy(g => g.Key)
        .SelectMany(g => new UnitReports(g.Key, g.SelectMany(u => u.Parts).ToList()).Reports())
        .ToList();
}

/// <summary>
/// The shard file: Parquet, one table, a row per record. <c>record</c> says what a row is:
/// <list type="bullet">
/// <item><c>finding</c>: a finding of a file (<c>code</c>, <c>severity</c>, <c>path</c>, <c>line</c>, <c>column</c>,
/// <c>offset</c>, <c>message</c>);</item>
/// <item><c>file</c>: a file without findings;</item>
/// <item><c>render</c>: what a render's info.json says about it (identity, expression, head turn, gaze, camera
/// distance, lens), for a report's distributions;</item>
/// <item><c>landmarks</c>: one landmark system's reprojection error in a render (<c>system</c>, <c>points</c>,
/// <c>error_mean_px</c>, <c>error_max_px</c>);</item>
/// <item><c>mask_class</c>: one class's pixels in a segmentation mask (<c>class</c>, <c>pixels</c>);</item>
/// <item><c>clip</c>: what a dataset's audio track or animation cache holds (<c>layout_folder</c>, <c>bindings</c>,
/// <c>clip</c> — audio or cache —, <c>frames</c>, <c>vertices</c>, <c>fps</c>, <c>seconds</c>, <c>sample_rate</c>,
/// <c>bits_per_sample</c>, <c>motion_range</c>, <c>emotion</c>, an audio track's <c>level_db</c> and <c>peak_db</c>).</item>
/// </list>
/// Every row has the file it concerns and its place in the run (<c>unit</c>, <c>entry</c>, <c>part</c>,
/// <c>sort_by_line</c>), and the file's <c>version</c>, <c>kind</c> and unlisted counts. ML tools and DuckDB read it
/// as a table (<c>SELECT code, count(*) FROM 'run.parquet' WHERE record = 'finding' GROUP BY code</c>). The file's
/// key-value metadata says which shards it covers.
/// </summary>
public static class ShardFile
{
    /// <summary>The layout this version writes and reads; another one is refused, not misread.</summary>
    public const string Layout = "codec-shard/2";

    private const int RowsPerGroup = 100_000;

    // Repeated values compress well, but no real column packs more than a few rows into a byte of the file; and
    // a group is read column by column into arrays, so it is bounded too.
    private const long MaxRowsPerByte = 64;
    private const int MaxRowsPerGroup = 1 << 20;

    // Findings one file can have beyond those listed: far more than any real file (a trillion).
    private const long MaxUnlisted = 1L << 40;

    // One row of the table (see the remarks above); only the members of its record are set.
    private sealed record Row(int Unit, FolderPart Part, string Record)
    {
        public FileCheckResult Report => Part.Result;
        public Finding? Finding { get; init; }
        public RenderFacts? Render { get; init; }
        public LandmarkReprojection? Landmarks { get; init; }
        public ClassPixels? Class { get; init; }
        public ClipFacts? Clip { get; init; }
    }

    // A column: its Parquet field, how a row gives its value, and the value's type.
    // A column added to the layout after its first files were written is Optional: a file without it reads as nulls.
    private sealed record Column(DataField Field, Func<Row, object?> Value, Func<int, Array> Nulls, bool Optional = false);

    private static Column Int(string name, Func<Row, int?> value) => new(new DataField<int?>(name), r => value(r), n => new int?[n]);
    private static Column Long(string name, Func<Row, long?> value) => new(new DataField<long?>(name), r => value(r), n => new long?[n]);
    private static Column Double(string name, Func<Row, double?> value) => new(new DataField<double?>(name), r => value(r), n => new double?[n]);
    private static Column Bool(string name, Func<Row, bool> value) => new(new DataField<bool>(name), r => value(r), n => new bool[n]);
    private static Column Text(string name, Func<Row, string?> value) => new(new DataField<string>(name), value, n => new string?[n]);

    private static readonly Column[] Columns =
    [
        Text("record", r => r.Record),
        Int("unit", r => r.Unit),
        Long("entry", r => r.Part.Entry),
        Int("part", r => r.Part.Part),
        Bool("sort_by_line", r => r.Part.SortByLine),
        Text("file", r => r.Report.Path),
        Text("version", r => r.Report.Version),
        Text("kind", r => r.Report.Kind),
        Long("unlisted_errors", r => r.Report.Unlisted.Errors),
        Long("unlisted_warnings", r => r.Report.Unlisted.Warnings),
        Long("unlisted_infos", r => r.Report.Unlisted.Infos),
        Text("code", r => r.Finding?.Code),
        Text("severity", r => r.Finding is { } f ? SeverityName(f.Severity) : null),
        Text("path", r => r.Finding?.Path),
        Int("line", r => r.Finding?.Line),
        Int("column", r => r.Finding?.Column),
        Long("offset", r => r.Finding?.Offset),
        Text("message", r => r.Finding?.Message),
        Long("render_id", r => r.Render?.RenderId),
        Text("camera", r => r.Render?.Camera),
        Long("frame", r => r.Render?.Frame),
        Long("identity_id", r => r.Render?.IdentityId),
        Long("age", r => r.Render?.Age),
        Text("sex", r => r.Render?.Sex),
        Text("ethnicity", r => r.Render?.Ethnicity),
        Text("expression", r => r.Render?.Expression),
        Double("expression_intensity", r => r.Render?.ExpressionIntensity),
        Double("head_yaw", r => r.Render?.HeadYaw),
        Double("head_pitch", r => r.Render?.HeadPitch),
        Double("head_roll", r => r.Render?.HeadRoll),
        Double("gaze_horizontal", r => r.Render?.GazeHorizontal),
        Double("gaze_vertical", r => r.Render?.GazeVertical),
        Double("camera_distance_m", r => r.Render?.CameraDistance),
        Double("focal_length_mm", r => r.Render?.FocalLengthMm),
        Text("system", r => r.Landmarks?.System),
        Int("points", r => r.Landmarks?.Points),
        Double("error_mean_px", r => r.Landmarks?.MeanPx),
        Double("error_max_px", r => r.Landmarks?.MaxPx),
        Text("class", r => r.Class?.Class),
        Long("pixels", r => r.Class?.Pixels),
        Text("layout_folder", r => r.Clip?.Folder),
        Text("bindings", r => r.Clip?.Bindings),
        Text("clip", r => r.Clip?.Kind),
        Long("frames", r => r.Clip?.Frames),
        Long("vertices", r => r.Clip?.Vertices),
        Double("fps", r => r.Clip?.FramesPerSecond),
        Double("seconds", r => r.Clip?.Seconds),
        Int("sample_rate", r => r.Clip?.SampleRate),
        Int("bits_per_sample", r => r.Clip?.BitsPerSample),
        Double("motion_range", r => r.Clip?.MotionRange),
        Text("emotion", r => r.Clip?.Emotion),
        Double("level_db", r => r.Clip?.LevelDb) with { Optional = true },
        Double("peak_db", r => r.Clip?.PeakDb) with { Optional = true },
    ];

    private static readonly ParquetSchema Schema = new(Columns.Select(c => c.Field).ToArray());

    /// <summary>Writes <paramref name="result"/> to <paramref name="output"/>.</summary>
    public static void Write(Stream output, ShardResult result) => WriteAsync(output, result).GetAwaiter().GetResult();

    private static IEnumerable<Row> RowsOf(int unit, FolderPart part)
    {
        // A file without findings is one row; a later part without findings adds nothing to its file.
        if (part.Result.Findings.Count == 0 && part.Part == 0) yield return new Row(unit, part, "file");
        foreach (var finding in part.Result.Findings) yield return new Row(unit, part, "finding") { Finding = finding };
        if (part.Result.Render is { } render)
        {
            yield return new Row(unit, part, "render") { Render = render };
            foreach (var system in render.Landmarks) yield return new Row(unit, part, "landmarks") { Landmarks = system };
        }

        foreach (var pixels in part.Result.MaskClasses ?? []) yield return new Row(unit, part, "mask_class") { Class = pixels };
        if (part.Result.Clip is { } clip) yield return new Row(unit, part, "clip") { Clip = clip };
    }

    private static async Task WriteAsync(Stream output, ShardResult result)
    {
        var rows = result.Units.OrderBy(u => u.Unit).SelectMany(u => u.Parts.SelectMany(p => RowsOf(u.Unit, p))).ToList();
        await using var writer = await ParquetWriter.CreateAsync(Schema, output, null, false, default).ConfigureAwait(false);
        writer.CustomMetadata = new Dictionary<string, string>
        {
            ["codec.layout"] = Layout,
            ["codec.version"] = typeof(ShardFile).Assembly.GetName().Version?.ToString(3) ?? "0",
            ["codec.shards"] = result.ShardCount.ToString(CultureInfo.InvariantCulture),
            ["codec.covered"] = string.Join(",", result.Covered.Order()),
            ["codec.units"] = result.UnitCount.ToString(CultureInfo.InvariantCulture),
            ["codec.fingerprint"] = result.Fingerprint,
        };

        // DuckDB and Parquet readers want at least one row group, even for a shard that owned nothing.
        for (int start = 0; start < rows.Count || start == 0; start += RowsPerGroup)
        {
            var group = rows.GetRange(start, Math.Min(RowsPerGroup, rows.Count - start));
            using var rowGroup = writer.CreateRowGroup();
            foreach (var column in Columns)
            {
                switch (column.Field)
                {
                    case DataField<string> text:
                        await rowGroup.WriteAsync(text, group.Select(r => (string?)column.Value(r)).ToArray(), null).ConfigureAwait(false);
                        break;
                    case DataField<bool> flag:
                        await rowGroup.WriteAsync<bool>(flag, group.Select(r => (bool)column.Value(r)!).ToArray(), null, null, default).ConfigureAwait(false);
                        break;
                    case DataField<int?> number:
                        await rowGroup.WriteAsync<int>(number, group.Select(r => (int?)column.Value(r)).ToArray(), null, null, default).ConfigureAwait(false);
                        break;
                    case DataField<long?> number:
                        await rowGroup.WriteAsync<long>(number, group.Select(r => (long?)column.Value(r)).ToArray(), null, null, default).ConfigureAwait(false);
                        break;
                    case DataField<double?> number:
                        await rowGroup.WriteAsync<double>(number, group.Select(r => (double?)column.Value(r)).ToArray(), null, null, default).ConfigureAwait(false);
                        break;
                }
            }
        }
    }

    /// <summary>Reads a shard file; null with <paramref name="error"/> when it is not one this version of codec wrote.</summary>
    /// <summary>Reads the shard file at <paramref name="path"/> through the input gate; null with <paramref name="error"/> (naming the file) when it cannot.</summary>
    public static ShardResult? ReadFile(string path, out string error)
    {
        if (Codec.Runtime.Files.InputFile.Refusal(path) is { } why)
        {
            error = $"{path} {why}";
            return null;
        }

        using var stream = Codec.Runtime.Files.InputFile.OpenStream(path);
        var result = Read(stream, out error);
        if (result is null) error = $"{path}: {error}";
        return result;
    }

    public static ShardResult? Read(Stream input, out string error)
    {
        try
        {
            var (result, why) = ReadAsync(input).GetAwaiter().GetResult();
            error = why;
            return result;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The Parquet reader is a library's: whatever a damaged file makes it throw is this file's problem, said
            // as such, never a crash of the merge.
            error = "not a readable codec shard file (" + e.Message + ")";
            return null;
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

    private static async Task<(ShardResult?, string)> ReadAsync(Stream input)
    {
        // Row counts, sizes and lengths are declared in the file: checked against what it can hold before the Parquet
        // library allocates or loops by them.
        long maxRows = MaxRowsPerByte * Math.Max(input.Length, 1);
        if (ParquetBounds.Check(input, MaxRowsPerGroup, maxRows) is { } damage) return (null, "not a readable codec shard file: " + damage);
        input.Position = 0;
        await using var reader = await ParquetReader.CreateAsync(input, null, true, default).ConfigureAwait(false);
        var meta = reader.CustomMetadata;
        if (!meta.TryGetValue("codec.layout", out var layout)) return (null, "not a codec shard file (no codec.layout in its metadata)");
        if (layout != Layout) return (null, $"a shard file of layout {layout}; this codec reads {Layout}");
        if (!int.TryParse(meta.GetValueOrDefault("codec.shards"), NumberStyles.None, CultureInfo.InvariantCulture, out int shards) || shards is < 1 or > ShardSpec.MaxCount
            || !int.TryParse(meta.GetValueOrDefault("codec.units"), NumberStyles.None, CultureInfo.InvariantCulture, out int units) || units < 0)
        {
            return (null, "its shard count or unit count is missing or malformed");
        }

        var covered = new SortedSet<int>();
        foreach (var part in (meta.GetValueOrDefault("codec.covered") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out int k) || k >= shards) return (null, $"it claims to cover shard '{part}' of {shards}");
            covered.Add(k);
        }

        var fields = new Dictionary<string, DataField>(StringComparer.Ordinal);
        foreach (var column in Columns)
        {
            if (reader.Schema.DataFields.FirstOrDefault(f => f.Name == column.Field.Name) is { } field) fields[column.Field.Name] = field;
            else if (!column.Optional) return (null, $"it has no column '{column.Field.Name}'");
        }

        var byUnit = new SortedDictionary<int, SortedDictionary<(long Entry, int Part), PartBuilder>>();
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            int n = (int)group.RowCount;
            var values = new Dictionary<string, Array>(StringComparer.Ordinal);
            foreach (var column in Columns)
            {
                values[column.Field.Name] = fields.TryGetValue(column.Field.Name, out var field)
                    ? await ReadColumn(group, field, column.Field, n).ConfigureAwait(false)
                    : column.Nulls(n);
            }

            // Typed reads of the row's cells: no boxing per cell.
            string? TextAt(string name, int i) => ((string?[])values[name])[i];
            long? LongAt(string name, int i) => ((long?[])values[name])[i];
            int? IntAt(string name, int i) => ((int?[])values[name])[i];
            double? DoubleAt(string name, int i) => ((double?[])values[name])[i];
            bool BoolAt(string name, int i) => ((bool[])values[name])[i];

            for (int i = 0; i < n; i++)
            {
                int unit = IntAt("unit", i) ?? -1, part = IntAt("part", i) ?? -1;
                long entry = LongAt("entry", i) ?? -1;
                if (unit < 0 || unit >= units || entry < 0 || part < 0) return (null, $"row {i} of row group {g} names unit {unit}, entry {entry}, part {part} of {units} units");
                if (!byUnit.TryGetValue(unit, out var entries)) byUnit[unit] = entries = new();
                if (!entries.TryGetValue((entry, part), out var at))
                {
                    var counts = new FindingCounts(LongAt("unlisted_errors", i) ?? 0, LongAt("unlisted_warnings", i) ?? 0, LongAt("unlisted_infos", i) ?? 0);
                    // Counts a report adds up over every file of a run: each within what a run can find, so no total overflows.
                    if (counts.Errors is < 0 or > MaxUnlisted || counts.Warnings is < 0 or > MaxUnlisted || counts.Infos is < 0 or > MaxUnlisted)
                        return (null, $"row {i} of row group {g} counts {counts.Errors}, {counts.Warnings} and {counts.Infos} unlisted findings; a file has between 0 and {MaxUnlisted}");
                    var report = new FileCheckResult(TextAt("file", i) ?? "", TextAt("version", i), []) { Kind = TextAt("kind", i), Unlisted = counts };
                    entries[(entry, part)] = at = new PartBuilder(report, BoolAt("sort_by_line", i));
                }

                switch (TextAt("record", i))
                {
                    case "file":
                        break;
                    case "finding":
                        if (TextAt("code", i) is not { } code || ParseSeverity(TextAt("severity", i)) is not { } severity)
                            return (null, $"row {i} of row group {g} is a finding without a code or a severity");
                        at.Findings.Add(new Finding(code, severity, TextAt("path", i) ?? "", TextAt("message", i) ?? "", IntAt("line", i) ?? 0, IntAt("column", i) ?? 0)
                        {
                            Offset = LongAt("offset", i) ?? -1,
                        });
                        break;
                    case "render":
                        at.Render = new RenderFacts
                        {
                            RenderId = LongAt("render_id", i) ?? 0,
                            Camera = TextAt("camera", i),
                            Frame = LongAt("frame", i),
                            IdentityId = LongAt("identity_id", i),
                            Age = LongAt("age", i),
                            Sex = TextAt("sex", i),
                            Ethnicity = TextAt("ethnicity", i),
                            Expression = TextAt("expression", i),
                            ExpressionIntensity = DoubleAt("expression_intensity", i),
                            HeadYaw = DoubleAt("head_yaw", i),
                            HeadPitch = DoubleAt("head_pitch", i),
                            HeadRoll = DoubleAt("head_roll", i),
                            GazeHorizontal = DoubleAt("gaze_horizontal", i),
                            GazeVertical = DoubleAt("gaze_vertical", i),
                            CameraDistance = DoubleAt("camera_distance_m", i),
                            FocalLengthMm = DoubleAt("focal_length_mm", i),
                        };
                        break;
                    case "landmarks":
                        at.Landmarks.Add(new LandmarkReprojection(TextAt("system", i) ?? "", IntAt("points", i) ?? 0, DoubleAt("error_mean_px", i) ?? 0, DoubleAt("error_max_px", i) ?? 0));
                        break;
                    case "clip":
                        at.Clip = new ClipFacts(TextAt("layout_folder", i) ?? "", TextAt("bindings", i) ?? "", TextAt("clip", i) ?? "")
                        {
                            Frames = LongAt("frames", i),
                            Vertices = LongAt("vertices", i),
                            FramesPerSecond = DoubleAt("fps", i),
                            Seconds = DoubleAt("seconds", i),
                            SampleRate = IntAt("sample_rate", i),
                            BitsPerSample = IntAt("bits_per_sample", i),
                            MotionRange = DoubleAt("motion_range", i),
                            Emotion = TextAt("emotion", i),
                            LevelDb = DoubleAt("level_db", i),
                            PeakDb = DoubleAt("peak_db", i),
                        };
                        break;
                    case "mask_class":
                        (at.Classes ??= []).Add(new ClassPixels(TextAt("class", i) ?? "", LongAt("pixels", i) ?? 0));
                        break;
                    default:
                        return (null, $"row {i} of row group {g} is a '{TextAt("record", i)}' record, which this codec does not know");
                }
            }
        }

        var list = byUnit.Select(u => new UnitReports(u.Key, u.Value.Select(e => e.Value.Build(e.Key.Entry, e.Key.Part)).ToList())).ToList();
        return (new ShardResult(shards, covered, units, meta.GetValueOrDefault("codec.fingerprint") ?? "", list), "");
    }

    // A column of the file read whole into an array of the type this codec writes it with.
    private static async Task<Array> ReadColumn(ParquetRowGroupReader group, DataField field, DataField written, int n)
    {
        switch (written)
        {
            case DataField<string>:
            {
                var values = new string?[n];
                await group.ReadAsync(field, values.AsMemory(), null, default).ConfigureAwait(false);
                return values;
            }

            case DataField<bool>:
            {
                var values = new bool[n];
                await group.ReadAsync<bool>(field, values.AsMemory(), null, default).ConfigureAwait(false);
                return values;
            }

            case DataField<int?>:
                return await ReadNullable<int>(group, field, n).ConfigureAwait(false);
            case DataField<long?>:
                return await ReadNullable<long>(group, field, n).ConfigureAwait(false);
            default:
                return await ReadNullable<double>(group, field, n).ConfigureAwait(false);
        }
    }

    private static async Task<T?[]> ReadNullable<T>(ParquetRowGroupReader group, DataField field, int n) where T : struct
    {
        var values = new T?[n];
        await group.ReadAsync<T>(field, values.AsMemory(), null, default).ConfigureAwait(false);
        return values;
    }

    // The words the reports use, so that a query on the table reads as the report does.
    private static string SeverityName(Severity severity) => FindingDocs.Label(severity);

    private static Severity? ParseSeverity(string? name) => name switch
    {
        "error" => Severity.Error,
        "warning" => Severity.Warning,
        "info" => Severity.Info,
        _ => null,
    };
}
