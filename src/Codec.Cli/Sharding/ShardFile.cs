using System.Globalization;
using Codec.Cli.Reporting;
using Codec.Formats.Validation.Folders;
using Codec.Runtime.Findings;
using Parquet;
using Parquet.Schema;

namespace Codec.Cli.Sharding;

/// <summary>
/// A piece of a unit's report: one file's findings from one shard. <see cref="Entry"/> is the file's place in the
/// unit's report; a file whose report several shards add to (a metadata.jsonl: its own findings, and each render's
/// cross-checks) has a <see cref="Part"/> from each, joined as <see cref="FolderPart.Combine"/> joins them.
/// </summary>
public sealed record ReportPart(long Entry, int Part, bool SortByLine, FileReport Report);

/// <summary>What a shard has of one check unit, at its place in the run (<see cref="Unit"/>: the run's order of units).</summary>
public sealed record UnitReports(int Unit, IReadOnlyList<ReportPart> Parts)
{
    /// <summary>A unit checked whole: its reports in order, one part each.</summary>
    public static UnitReports Whole(int unit, IReadOnlyList<FileReport> reports) =>
        new(unit, reports.Select((r, i) => new ReportPart(i, 0, false, r)).ToList());
}

/// <summary>
/// What a shard (or a merge of shards) checked: every finding of every unit it owns, with the file it concerns, in
/// the run's order. Which shards of how many it covers and a fingerprint of the run's units let a merge refuse
/// files of different runs and see what is missing.
/// </summary>
public sealed record ShardResult(int ShardCount, IReadOnlySet<int> Covered, int UnitCount, string Fingerprint, IReadOnlyList<UnitReports> Units)
{
    public bool IsComplete => Covered.Count == ShardCount;

    /// <summary>The reports in the order one run over everything gives them.</summary>
    public IReadOnlyList<FileReport> Reports() => Units.GroupBy(u => u.Unit).OrderBy(g => g.Key)
        .SelectMany(g => FolderPart.Combine(g.SelectMany(u => u.Parts).Select(p => (p.Entry, p.Part, p.SortByLine, p.Report)), r => r.Findings, (r, f) => r with { Findings = f }))
        .ToList();
}

/// <summary>
/// The shard file: Parquet, one row per finding, and one row with no code for a file without findings, so that ML
/// tools and DuckDB read the findings as a table (<c>SELECT code, count(*) FROM 'run.parquet' WHERE code IS NOT NULL
/// GROUP BY code</c>). Columns: <c>unit</c>, <c>entry</c>, <c>part</c> and <c>sort_by_line</c> (the run's order), <c>file</c>, <c>version</c>,
/// <c>kind</c>, <c>unlisted_errors</c>, <c>unlisted_warnings</c>, <c>unlisted_infos</c> (per file), then the
/// finding's <c>code</c>, <c>severity</c>, <c>path</c>, <c>line</c>, <c>column</c>, <c>offset</c>, <c>message</c>.
/// The file's key-value metadata says which shards it covers.
/// </summary>
public static class ShardFile
{
    /// <summary>The layout this version writes and reads; another one is refused, not misread.</summary>
    public const string Layout = "codec-shard/1";

    private const int RowsPerGroup = 100_000;

    // Repeated values compress well, but no real column packs more than a few rows into a byte of the file; and
    // a group is read column by column into arrays, so it is bounded too.
    private const long MaxRowsPerByte = 64;
    private const int MaxRowsPerGroup = 1 << 20;

    private static readonly DataField<int> UnitField = new("unit");
    private static readonly DataField<long> EntryField = new("entry");
    private static readonly DataField<int> PartField = new("part");
    private static readonly DataField<bool> SortByLineField = new("sort_by_line");
    private static readonly DataField<string> FileField = new("file");
    private static readonly DataField<string> VersionField = new("version");
    private static readonly DataField<string> KindField = new("kind");
    private static readonly DataField<long> UnlistedErrorsField = new("unlisted_errors");
    private static readonly DataField<long> UnlistedWarningsField = new("unlisted_warnings");
    private static readonly DataField<long> UnlistedInfosField = new("unlisted_infos");
    private static readonly DataField<string> CodeField = new("code");
    private static readonly DataField<string> SeverityField = new("severity");
    private static readonly DataField<string> PathField = new("path");
    private static readonly DataField<int?> LineField = new("line");
    private static readonly DataField<int?> ColumnField = new("column");
    private static readonly DataField<long?> OffsetField = new("offset");
    private static readonly DataField<string> MessageField = new("message");

    private static readonly ParquetSchema Schema = new(UnitField, EntryField, PartField, SortByLineField, FileField, VersionField, KindField,
        UnlistedErrorsField, UnlistedWarningsField, UnlistedInfosField, CodeField, SeverityField, PathField, LineField, ColumnField, OffsetField, MessageField);

    // One row of the table: a finding of a file, or the file alone (Finding null).
    private readonly record struct Row(int Unit, ReportPart Part, Finding? Finding)
    {
        public FileReport Report => Part.Report;
    }

    /// <summary>Writes <paramref name="result"/> to <paramref name="output"/>.</summary>
    public static void Write(Stream output, ShardResult result) => WriteAsync(output, result).GetAwaiter().GetResult();

    private static async Task WriteAsync(Stream output, ShardResult result)
    {
        var rows = new List<Row>();
        foreach (var unit in result.Units.OrderBy(u => u.Unit))
        {
            foreach (var part in unit.Parts)
            {
                // A file without findings is one row; a later part without findings adds nothing to its file.
                if (part.Report.Findings.Count == 0 && part.Part == 0) rows.Add(new Row(unit.Unit, part, null));
                foreach (var finding in part.Report.Findings) rows.Add(new Row(unit.Unit, part, finding));
            }
        }

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
            await rowGroup.WriteAsync<int>(UnitField, group.Select(r => r.Unit).ToArray(), null, null, default).ConfigureAwait(false);
            await rowGroup.WriteAsync<long>(EntryField, group.Select(r => r.Part.Entry).ToArray(), null, null, default).ConfigureAwait(false);
            await rowGroup.WriteAsync<int>(PartField, group.Select(r => r.Part.Part).ToArray(), null, null, default).ConfigureAwait(false);
            await rowGroup.WriteAsync<bool>(SortByLineField, group.Select(r => r.Part.SortByLine).ToArray(), null, null, default).ConfigureAwait(false);
            await rowGroup.WriteAsync(FileField, group.Select(r => r.Report.Path).ToArray(), null).ConfigureAwait(false);
            await rowGroup.WriteAsync(VersionField, group.Select(r => r.Report.Version).ToArray(), null).ConfigureAwait(false);
            await rowGroup.WriteAsync(KindField, group.Select(r => r.Report.Kind).ToArray(), null).ConfigureAwait(false);
            await rowGroup.WriteAsync<long>(UnlistedErrorsField, group.Select(r => r.Report.Unlisted.Errors).ToArray(), null, null, default).ConfigureAwait(false);
            await rowGroup.WriteAsync<long>(UnlistedWarningsField, group.Select(r => r.Report.Unlisted.Warnings).ToArray(), null, null, default).ConfigureAwait(false);
            await rowGroup.WriteAsync<long>(UnlistedInfosField, group.Select(r => r.Report.Unlisted.Infos).ToArray(), null, null, default).ConfigureAwait(false);
            await rowGroup.WriteAsync(CodeField, group.Select(r => r.Finding?.Code).ToArray(), null).ConfigureAwait(false);
            await rowGroup.WriteAsync(SeverityField, group.Select(r => r.Finding is { } f ? SeverityName(f.Severity) : null).ToArray(), null).ConfigureAwait(false);
            await rowGroup.WriteAsync(PathField, group.Select(r => r.Finding?.Path).ToArray(), null).ConfigureAwait(false);
            await rowGroup.WriteAsync<int>(LineField, group.Select(r => r.Finding?.Line).ToArray(), null, null, default).ConfigureAwait(false);
            await rowGroup.WriteAsync<int>(ColumnField, group.Select(r => r.Finding?.Column).ToArray(), null, null, default).ConfigureAwait(false);
            await rowGroup.WriteAsync<long>(OffsetField, group.Select(r => r.Finding?.Offset).ToArray(), null, null, default).ConfigureAwait(false);
            await rowGroup.WriteAsync(MessageField, group.Select(r => r.Finding?.Message).ToArray(), null).ConfigureAwait(false);
        }
    }

    /// <summary>Reads a shard file; null with <paramref name="error"/> when it is not one this version of codec wrote.</summary>
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

    private static async Task<(ShardResult?, string)> ReadAsync(Stream input)
    {
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

        foreach (var field in Schema.DataFields)
        {
            if (!reader.Schema.DataFields.Any(f => f.Name == field.Name)) return (null, $"it has no column '{field.Name}'");
        }

        var byUnit = new SortedDictionary<int, Dictionary<(long Entry, int Part), (bool SortByLine, FileReport Report, List<Finding> Findings)>>();
        // Row counts are declared in the footer: checked against what the file can hold before columns are allocated.
        long maxRows = MaxRowsPerByte * Math.Max(input.Length, 1);
        long rows = 0;
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            rows += group.RowCount;
            if (group.RowCount < 0 || group.RowCount > MaxRowsPerGroup || rows > maxRows)
                return (null, $"row group {g} declares {group.RowCount} rows; a shard file of {input.Length} bytes holds at most {Math.Min(MaxRowsPerGroup, maxRows)} in a group");
            int n = (int)group.RowCount;
            var unit = await Read<int>(group, Field(reader, UnitField), n).ConfigureAwait(false);
            var entry = await Read<long>(group, Field(reader, EntryField), n).ConfigureAwait(false);
            var part = await Read<int>(group, Field(reader, PartField), n).ConfigureAwait(false);
            var sortByLine = await Read<bool>(group, Field(reader, SortByLineField), n).ConfigureAwait(false);
            var file = await ReadText(group, Field(reader, FileField), n).ConfigureAwait(false);
            var version = await ReadText(group, Field(reader, VersionField), n).ConfigureAwait(false);
            var kind = await ReadText(group, Field(reader, KindField), n).ConfigureAwait(false);
            var unlistedErrors = await Read<long>(group, Field(reader, UnlistedErrorsField), n).ConfigureAwait(false);
            var unlistedWarnings = await Read<long>(group, Field(reader, UnlistedWarningsField), n).ConfigureAwait(false);
            var unlistedInfos = await Read<long>(group, Field(reader, UnlistedInfosField), n).ConfigureAwait(false);
            var code = await ReadText(group, Field(reader, CodeField), n).ConfigureAwait(false);
            var severity = await ReadText(group, Field(reader, SeverityField), n).ConfigureAwait(false);
            var path = await ReadText(group, Field(reader, PathField), n).ConfigureAwait(false);
            var line = await ReadNullable<int>(group, Field(reader, LineField), n).ConfigureAwait(false);
            var column = await ReadNullable<int>(group, Field(reader, ColumnField), n).ConfigureAwait(false);
            var offset = await ReadNullable<long>(group, Field(reader, OffsetField), n).ConfigureAwait(false);
            var message = await ReadText(group, Field(reader, MessageField), n).ConfigureAwait(false);
            for (int i = 0; i < n; i++)
            {
                if (unit[i] < 0 || unit[i] >= units || entry[i] < 0 || part[i] < 0) return (null, $"row {i} of row group {g} names unit {unit[i]}, entry {entry[i]}, part {part[i]} of {units} units");
                if (!byUnit.TryGetValue(unit[i], out var entries)) byUnit[unit[i]] = entries = new();
                if (!entries.TryGetValue((entry[i], part[i]), out var at))
                {
                    var report = new FileReport(file[i] ?? "", version[i], []) { Kind = kind[i], Unlisted = new FindingCounts(unlistedErrors[i], unlistedWarnings[i], unlistedInfos[i]) };
                    entries[(entry[i], part[i])] = at = (sortByLine[i], report, new List<Finding>());
                }

                if (code[i] is null) continue;
                if (ParseSeverity(severity[i]) is not { } s) return (null, $"row {i} of row group {g} has severity '{severity[i]}'");
                at.Findings.Add(new Finding(code[i]!, s, path[i] ?? "", message[i] ?? "", line[i] ?? 0, column[i] ?? 0) { Offset = offset[i] ?? -1 });
            }
        }

        var list = byUnit.Select(u => new UnitReports(u.Key, u.Value.OrderBy(e => e.Key)
            .Select(e => new ReportPart(e.Key.Entry, e.Key.Part, e.Value.SortByLine, e.Value.Report with { Findings = e.Value.Findings })).ToList())).ToList();
        return (new ShardResult(shards, covered, units, meta.GetValueOrDefault("codec.fingerprint") ?? "", list), "");
    }

    // The file's own field of that name (its schema may order columns differently).
    private static DataField Field(ParquetReader reader, DataField wanted) => reader.Schema.DataFields.First(f => f.Name == wanted.Name);

    private static async Task<T[]> Read<T>(ParquetRowGroupReader group, DataField field, int n) where T : struct
    {
        var values = new T[n];
        await group.ReadAsync<T>(field, values.AsMemory(), null, default).ConfigureAwait(false);
        return values;
    }

    private static async Task<T?[]> ReadNullable<T>(ParquetRowGroupReader group, DataField field, int n) where T : struct
    {
        var values = new T?[n];
        await group.ReadAsync<T>(field, values.AsMemory(), null, default).ConfigureAwait(false);
        return values;
    }

    private static async Task<string?[]> ReadText(ParquetRowGroupReader group, DataField field, int n)
    {
        var values = new string?[n];
        await group.ReadAsync(field, values.AsMemory(), null, default).ConfigureAwait(false);
        return values;
    }

    private static string SeverityName(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "info",
    };

    private static Severity? ParseSeverity(string? name) => name switch
    {
        "error" => Severity.Error,
        "warning" => Severity.Warning,
        "info" => Severity.Info,
        _ => null,
    };
}
