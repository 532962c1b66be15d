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
    public bool IsComplete => Header.IsComplete;

    public ShardHeader Header => new(ShardCount, Covered, UnitCount, Fingerprint);

    /// <summary>The reports in the order one run over everything gives them.</summary>
    public IReadOnlyList<FileCheckResult> Reports() => Units.GroupBy(u => u.Unit).OrderBy(g => g.Key)
        .SelectMany(g => new UnitReports(g.Key, g.SelectMany(u => u.Parts).ToList()).Reports())
        .ToList();
}

/// <summary>What a shard file says of itself: which shards of how many it covers, and the run's units and fingerprint.</summary>
public sealed record ShardHeader(int ShardCount, IReadOnlySet<int> Covered, int UnitCount, string Fingerprint)
{
    public bool IsComplete => Covered.Count == ShardCount;
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
/// key-value metadata says which shards it covers. Rows are written in the run's order of units, each unit's rows
/// together, so that <see cref="ShardReader"/> reads a file unit by unit and a merge streams its files.
/// </summary>
public static class ShardFile
{
    /// <summary>The layout this version writes and reads; another one is refused, not misread.</summary>
    public const string Layout = "codec-shard/2";

    /// <summary>
    /// Rows per row group: a reader holds one group of each file it reads at a time (a merge, one per shard file), so
    /// this bounds what a merge holds beside its unit; large enough that a group's columns compress and a footer stays
    /// small (a few hundred bytes per group and column).
    /// </summary>
    public const int RowsPerGroup = 16_384;

    // Repeated values compress well, but no real column packs more than a few rows into a byte of the file. A group is
    // read column by column into arrays of its declared rows, so a group may declare no more than codec has ever
    // written in one (100,000 rows before groups were made smaller): a hostile footer costs tens of megabytes, not
    // hundreds.
    internal const long MaxRowsPerByte = 64;
    internal const int MaxRowsPerGroup = 100_000;

    // Findings one file can have beyond those listed: far more than any real file (a trillion).
    internal const long MaxUnlisted = 1L << 40;

    // One row of the table (see the remarks above); only the members of its record are set.
    internal sealed record Row(int Unit, FolderPart Part, string Record)
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
    // A Fact column holds what a report draws (render, landmarks, mask_class and clip records), which the printed
    // reports do not read.
    internal sealed record Column(DataField Field, Func<Row, object?> Value, Func<int, Array> Nulls, bool Optional = false)
    {
        public bool Fact { get; init; }
    }

    private static IEnumerable<Column> Facts(params Column[] columns) => columns.Select(c => c with { Fact = true });

    /// <summary>The records that hold facts for a report's statistics, not findings.</summary>
    internal static bool IsFact(string? record) => record is "render" or "landmarks" or "mask_class" or "clip";

    private static Column Int(string name, Func<Row, int?> value) => new(new DataField<int?>(name), r => value(r), n => new int?[n]);
    private static Column Long(string name, Func<Row, long?> value) => new(new DataField<long?>(name), r => value(r), n => new long?[n]);
    private static Column Double(string name, Func<Row, double?> value) => new(new DataField<double?>(name), r => value(r), n => new double?[n]);
    private static Column Bool(string name, Func<Row, bool> value) => new(new DataField<bool>(name), r => value(r), n => new bool[n]);
    private static Column Text(string name, Func<Row, string?> value) => new(new DataField<string>(name), value, n => new string?[n]);

    internal static readonly Column[] Columns =
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
        .. Facts(
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
            Double("peak_db", r => r.Clip?.PeakDb) with { Optional = true }),
    ];

    private static readonly ParquetSchema Schema = new(Columns.Select(c => c.Field).ToArray());

    /// <summary>Writes <paramref name="result"/> to <paramref name="output"/>; the number of rows written.</summary>
    public static long Write(Stream output, ShardResult result) =>
        Write(output, result.Header, result.Units.OrderBy(u => u.Unit));

    /// <summary>
    /// Writes <paramref name="units"/> (in unit order, each unit once) to <paramref name="output"/> as they come, a row
    /// group at a time: a merge writes its result without holding it. The number of rows written.
    /// </summary>
    public static long Write(Stream output, ShardHeader header, IEnumerable<UnitReports> units) =>
        WriteAsync(output, header, units).GetAwaiter().GetResult();

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

    private static async Task<long> WriteAsync(Stream output, ShardHeader header, IEnumerable<UnitReports> units)
    {
        // Snappy: fast, read by every Parquet tool, and its expansion is bounded, so a reader can check a page's
        // declared size against its bytes before inflating it (ParquetBounds refuses the codecs without such a bound).
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Snappy };
        await using var writer = await ParquetWriter.CreateAsync(Schema, output, options, false, default).ConfigureAwait(false);
        writer.CustomMetadata = new Dictionary<string, string>
        {
            ["codec.layout"] = Layout,
            ["codec.version"] = typeof(ShardFile).Assembly.GetName().Version?.ToString(3) ?? "0",
            ["codec.shards"] = header.ShardCount.ToString(CultureInfo.InvariantCulture),
            ["codec.covered"] = string.Join(",", header.Covered.Order()),
            ["codec.units"] = header.UnitCount.ToString(CultureInfo.InvariantCulture),
            ["codec.fingerprint"] = header.Fingerprint,
        };

        var group = new List<Row>(RowsPerGroup);
        long written = 0;
        foreach (var unit in units)
        {
            foreach (var part in unit.Parts)
            {
                foreach (var row in RowsOf(unit.Unit, part))
                {
                    group.Add(row);
                    if (group.Count < RowsPerGroup) continue;
                    await WriteGroup(writer, group).ConfigureAwait(false);
                    written += group.Count;
                    group.Clear();
                }
            }
        }

        // DuckDB and Parquet readers want at least one row group, even for a shard that owned nothing.
        if (group.Count > 0 || written == 0) await WriteGroup(writer, group).ConfigureAwait(false);
        return written + group.Count;
    }

    private static async Task WriteGroup(ParquetWriter writer, List<Row> group)
    {
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

    /// <summary>
    /// Whether the file just written at <paramref name="path"/> opens as a shard file of <paramref name="header"/> with
    /// the <paramref name="rows"/> rows written: its structure is checked and its footer read, not its rows again.
    /// </summary>
    public static bool ReadsBack(string path, ShardHeader header, long rows)
    {
        using var reader = ShardReader.OpenFile(path, out _);
        return reader is not null && reader.Rows == rows && reader.Header.ShardCount == header.ShardCount && reader.Header.UnitCount == header.UnitCount
            && reader.Header.Fingerprint == header.Fingerprint && reader.Header.Covered.SetEquals(header.Covered);
    }

    /// <summary>Reads the shard file at <paramref name="path"/> whole, through the input gate; null with <paramref name="error"/> (naming the file) when it cannot.</summary>
    public static ShardResult? ReadFile(string path, out string error)
    {
        using var reader = ShardReader.OpenFile(path, out error);
        return reader is null ? null : ReadAll(reader, out error);
    }

    /// <summary>Reads a shard file whole; null with <paramref name="error"/> when it is not one this version of codec wrote.</summary>
    public static ShardResult? Read(Stream input, out string error)
    {
        using var reader = ShardReader.Open(input, "", out error);
        return reader is null ? null : ReadAll(reader, out error);
    }

    private static ShardResult? ReadAll(ShardReader reader, out string error)
    {
        error = "";
        try
        {
            var header = reader.Header;
            return new ShardResult(header.ShardCount, header.Covered, header.UnitCount, header.Fingerprint, reader.Units().ToList());
        }
        catch (ShardFileException e)
        {
            error = e.Message;
            return null;
        }
    }

    // The words the reports use, so that a query on the table reads as the report does.
    internal static string SeverityName(Severity severity) => FindingDocs.Label(severity);

    internal static Severity? ParseSeverity(string? name) => name switch
    {
        "error" => Severity.Error,
        "warning" => Severity.Warning,
        "info" => Severity.Info,
        _ => null,
    };
}
