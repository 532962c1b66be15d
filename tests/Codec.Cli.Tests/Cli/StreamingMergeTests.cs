using Codec.Cli.Commands;
using Codec.Cli.Reporting;
using Codec.Cli.Sharding;
using Codec.Formats.Validation;
using Codec.Formats.Validation.Runs;
using Codec.Runtime.Findings;

namespace Codec.Tests.Cli;

/// <summary>
/// The merge streams its shard files: each is read unit by unit, a row group at a time, and the files are merged by
/// unit, so a merge holds what one unit needs whatever the run's size. Files whose rows are not in the run's order, or
/// that are damaged past their first row group, stop the merge with the place of the damage: before anything is printed
/// when the report begins with its totals (JSON, SARIF, codec report's page, --out), where it is in the readable report.
/// </summary>
public sealed class StreamingMergeTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("codec-stream-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // A unit of 'files' info.json reports, each with one warning: a row a file.
    private static UnitReports Unit(int unit, int files) => UnitReports.Whole(unit, Enumerable.Range(0, files)
        .Select(i => new FileCheckResult($"u{unit}/{i}.info.json", "1.2", [new Finding("CODEC500", Severity.Warning, "/a", $"file {i} of unit {unit}", 1, 2)]))
        .ToList());

    private string Write(string name, ShardHeader header, IEnumerable<UnitReports> units)
    {
        string path = Path.Combine(_dir, name);
        using var file = File.Create(path);
        ShardFile.Write(file, header, units);
        return path;
    }

    private static ShardHeader Header(int shards, int covered, int units) => new(shards, new SortedSet<int> { covered }, units, "run");

    [Fact]
    public void A_shard_file_is_read_one_row_group_at_a_time()
    {
        // 8 units of a row group's worth of rows each: 8 row groups.
        int files = ShardFile.RowsPerGroup;
        string path = Write("big.parquet", Header(1, 0, 8), Enumerable.Range(0, 8).Select(u => Unit(u, files)));
        using var reader = ShardReader.OpenFile(path, out string error) ?? throw new InvalidOperationException(error);
        Assert.Equal(8, reader.RowGroups);
        using var units = reader.Units().GetEnumerator();
        Assert.True(units.MoveNext());
        Assert.Equal(0, units.Current.Unit);
        Assert.Equal(files, units.Current.Parts.Count);
        // The first unit is whole once the second unit's first row is seen: two groups read of eight.
        Assert.Equal(2, reader.GroupsRead);
        int seen = 1;
        while (units.MoveNext()) Assert.Equal(seen++, units.Current.Unit);
        Assert.Equal(8, seen);
        Assert.Equal(8, reader.GroupsRead);
    }

    [Fact]
    public void Shard_files_are_merged_by_unit_into_the_runs_order()
    {
        // Units dealt unevenly: shard 0 has 0, 3, 4 and half of 5; shard 1 has 1, 2 and the other half of 5.
        var header = new ShardHeader(2, new SortedSet<int> { 0 }, 6, "run");
        var five = Unit(5, 4);
        string a = Write("a.parquet", header, [Unit(0, 3), Unit(3, 1), Unit(4, 2), five with { Parts = five.Parts.Take(2).ToList() }]);
        string b = Write("b.parquet", header with { Covered = new SortedSet<int> { 1 } }, [Unit(1, 2), Unit(2, 5), five with { Parts = five.Parts.Skip(2).ToList() }]);
        using var merge = ShardMerge.Open([b, a], out string error) ?? throw new InvalidOperationException(error);
        Assert.True(merge.Header.IsComplete);
        var units = merge.Units().ToList();
        Assert.Equal([0, 1, 2, 3, 4, 5], units.Select(u => u.Unit));
        Assert.Equal(["u5/0.info.json", "u5/1.info.json", "u5/2.info.json", "u5/3.info.json"], units[5].Reports().Select(r => r.Path));
        // Read again from the start: the same run.
        Assert.Equal(17, merge.Reports().Count());
        Assert.Equal(17, merge.Reports().Count());
    }

    [Fact]
    public void Rows_out_of_the_runs_order_stop_the_merge_before_it_prints()
    {
        string path = Write("unordered.parquet", Header(1, 0, 3), [Unit(2, 1), Unit(0, 1)]);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        Assert.Equal(2, MergeCommand.Run([path], ReportFormat.Json, false, null, stdout, stderr));
        Assert.Equal("", stdout.ToString());
        Assert.Contains("unordered.parquet: row 1 of row group 0 is of unit 0, after unit 2: the rows are not in the run's order", stderr.ToString());
    }

    [Fact]
    public void A_file_damaged_past_its_first_row_group_stops_the_merge_where_it_is()
    {
        // Unit 9 of a run of 2, in the file's second row group.
        string path = Write("damaged.parquet", Header(1, 0, 2), [Unit(0, ShardFile.RowsPerGroup - 3), Unit(1, 9), Unit(9, 1)]);
        const string Damage = "damaged.parquet: row 6 of row group 1 names unit 9, entry 0, part 0 of 2 units";
        foreach (var format in new[] { ReportFormat.Json, ReportFormat.Sarif })
        {
            // Totals first: counted before anything is printed, so nothing is.
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            Assert.Equal(2, MergeCommand.Run([path], format, false, null, stdout, stderr));
            Assert.Equal("", stdout.ToString());
            Assert.Contains(Damage, stderr.ToString());
        }

        // The readable report is printed as the files are read: it stops at the damage, without totals, and says so.
        var listed = new StringWriter();
        var said = new StringWriter();
        Assert.Equal(2, MergeCommand.Run([path], ReportFormat.Readable, false, null, listed, said));
        Assert.Contains("u0/0.info.json", listed.ToString());
        Assert.DoesNotContain("files checked", listed.ToString());
        Assert.Contains(Damage + "; the report stops there", said.ToString());

        var html = new StringWriter();
        Assert.Equal(2, ReportCommand.Run([path], Path.Combine(_dir, "r.html"), null, [], false, new StringWriter(), html));
        Assert.Contains("names unit 9", html.ToString());
        Assert.False(File.Exists(Path.Combine(_dir, "r.html")));
        Assert.Equal(2, MergeCommand.Run([path], ReportFormat.Readable, false, Path.Combine(_dir, "m.parquet"), new StringWriter(), html));
        Assert.False(File.Exists(Path.Combine(_dir, "m.parquet")));
    }

    [Fact]
    public void A_merge_written_out_is_the_runs_rows_in_order_and_reads_back_whole()
    {
        var header = new ShardHeader(2, new SortedSet<int> { 0 }, 4, "run");
        string a = Write("a.parquet", header, [Unit(0, 2), Unit(3, 1)]);
        string b = Write("b.parquet", header with { Covered = new SortedSet<int> { 1 } }, [Unit(1, 1), Unit(2, 3)]);
        string merged = Path.Combine(_dir, "merged.parquet");
        Assert.Equal(0, MergeCommand.Run([a, b], ReportFormat.Readable, false, merged, new StringWriter(), new StringWriter()));
        using var reader = ShardReader.OpenFile(merged, out string error) ?? throw new InvalidOperationException(error);
        Assert.True(reader.Header.IsComplete);
        Assert.Equal(7, reader.Rows);
        Assert.Equal([0, 1, 2, 3], reader.Units().Select(u => u.Unit));
    }
}
