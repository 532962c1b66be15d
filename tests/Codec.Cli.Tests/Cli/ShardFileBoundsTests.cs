using Codec.Cli.Commands;
using Codec.Cli.Reporting;
using Codec.Cli.Sharding;
using Codec.Formats.Validation.Runs;
using Codec.Formats.Validation;
using Codec.Tests.Infrastructure;

namespace Codec.Tests.Cli;

/// <summary>
/// Shard files whose structure declares more than they hold — a footer length, a string or list length in the
/// footer's Thrift metadata, a page's sizes — are refused with a message before the Parquet library allocates or loops
/// by what they declare.
/// </summary>
public sealed class ShardFileBoundsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("codec-bounds-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // Thrift's compact protocol, as much of it as the cases need.
    private static byte[] Varint(ulong value)
    {
        var bytes = new List<byte>();
        do
        {
            byte b = (byte)(value & 0x7F);
            value >>= 7;
            bytes.Add(value == 0 ? b : (byte)(b | 0x80));
        }
        while (value != 0);
        return [.. bytes];
    }

    private static byte[] Int(long value) => Varint((ulong)((value << 1) ^ (value >> 63)));

    // A field of id 'delta' after the previous one, of compact type 'type', with its encoded value.
    private static byte[] Field(int delta, int type, params byte[][] value) => [(byte)((delta << 4) | type), .. value.SelectMany(v => v)];

    private static byte[] ListOf(int type, params byte[][] items) =>
        [.. (items.Length < 15 ? new[] { (byte)((items.Length << 4) | type) } : [(byte)(0xF0 | type), .. Varint((ulong)items.Length)]), .. items.SelectMany(i => i)];

    private static readonly byte[] End = [0];

    private static byte[] File(byte[] pages, byte[] footer) =>
        [.. "PAR1"u8, .. pages, .. footer, .. BitConverter.GetBytes(footer.Length), .. "PAR1"u8];

    private static string? Check(byte[] file) => ParquetBounds.Check(new MemoryStream(file), 1 << 20, 64L * file.Length);

    // One row group of one row, one Snappy column chunk at byte 4 whose page holds 'data' bytes.
    private static byte[] Footer(int chunkBytes) =>
    [
        .. Field(1, 5, Int(1)),                                       // version
        .. Field(3, 9, ListOf(12, [
            .. Field(1, 9, ListOf(12, [
                .. Field(2, 6, Int(4)),                               // file_offset
                .. Field(1, 12, [
                    .. Field(4, 5, Int(1)),                           // codec: Snappy
                    .. Field(1, 6, Int(1)),                           // num_values
                    .. Field(1, 6, Int(10)),                          // total_uncompressed_size
                    .. Field(1, 6, Int(chunkBytes)),                  // total_compressed_size
                    .. Field(2, 6, Int(4)),                           // data_page_offset
                    .. End]),
                .. End])),
            .. Field(2, 6, Int(1)),                                   // num_rows
            .. End])),
        .. End,
    ];

    private static byte[] Page(long uncompressed, long compressed, long values) =>
    [
        .. Field(1, 5, Int(0)), .. Field(1, 5, Int(uncompressed)), .. Field(1, 5, Int(compressed)),
        .. Field(2, 12, [.. Field(1, 5, Int(values)), .. End]), .. End,
    ];

    [Fact]
    public void A_structure_within_its_bytes_passes()
    {
        var page = (byte[])[.. Page(10, 3, 1), 1, 2, 3];
        Assert.Null(Check(File(page, Footer(page.Length))));
    }

    [Fact]
    public void Sizes_and_counts_beyond_the_bytes_are_refused_where_they_are()
    {
        var page = (byte[])[.. Page(10, 3, 1), 1, 2, 3];
        var good = File(page, Footer(page.Length));

        var longFooter = (byte[])good.Clone();
        BitConverter.GetBytes(int.MaxValue).CopyTo(longFooter, longFooter.Length - 8);
        Assert.Contains("its footer claims 2147483647 bytes", Check(longFooter));

        // created_by (field 6) declares a string of 2^31 - 1 bytes; a schema list (field 2) 2^31 - 1 elements.
        Assert.Contains("2147483647 elements or bytes declared", Check(File([], [.. Field(6, 8, Varint(int.MaxValue)), .. End])));
        Assert.Contains("2147483647 elements or bytes declared", Check(File([], [.. Field(2, 9, [0xFC, .. Varint(int.MaxValue)]), .. End])));
        // Structures nested past any real metadata.
        var deep = Enumerable.Repeat(Field(1, 12), 200).SelectMany(b => b).ToArray();
        Assert.Contains("nested too deep", Check(File([], deep)));

        var inflating = (byte[])[.. Page(1L << 30, 3, 1), 1, 2, 3];
        Assert.Contains("a page of 3 bytes claims 1073741824 uncompressed", Check(File(inflating, Footer(inflating.Length))));
        var pastItsChunk = (byte[])[.. Page(10, 300, 1), 1, 2, 3];
        Assert.Contains("runs past its column chunk's end", Check(File(pastItsChunk, Footer(pastItsChunk.Length))));
        Assert.Contains("lies outside the data", Check(File(page, Footer(page.Length + 100))));
        var manyValues = (byte[])[.. Page(10, 3, 1_000_000), 1, 2, 3];
        Assert.Contains("declares 1000000 values", Check(File(manyValues, Footer(manyValues.Length))));
    }

    [Fact]
    public void A_shard_file_whose_footer_lies_is_refused_by_merge_report_and_baseline()
    {
        string shard = Path.Combine(_dir, "run.parquet");
        Assert.Equal(0, ValidateCommand.Run([Path.Combine(TestPaths.SampleData, "synthesis")], new ValidateSettings { Out = shard }, new StringWriter(), new StringWriter()));
        var bytes = System.IO.File.ReadAllBytes(shard);
        BitConverter.GetBytes(int.MaxValue).CopyTo(bytes, bytes.Length - 8);
        System.IO.File.WriteAllBytes(shard, bytes);

        var stderr = new StringWriter();
        Assert.Equal(2, MergeCommand.Run([shard], ReportFormat.Readable, false, null, new StringWriter(), stderr));
        Assert.Contains("its footer claims 2147483647 bytes", stderr.ToString());
        Assert.Null(ShardFile.ReadFile(shard, out string error));
        Assert.Contains("run.parquet", error);
    }

    [Fact]
    public void Unlisted_counts_that_no_file_can_have_are_refused_not_added_up()
    {
        var report = new FileCheckResult("a.info.json", null, []) { Unlisted = new Codec.Runtime.Findings.FindingCounts(long.MaxValue, 0, 0) };
        var result = new ShardResult(1, new HashSet<int> { 0 }, 2, "run", [UnitReports.Whole(0, [report]), UnitReports.Whole(1, [report])]);
        using var file = new MemoryStream();
        ShardFile.Write(file, result);
        file.Position = 0;
        Assert.Null(ShardFile.Read(file, out string error));
        Assert.Contains("unlisted findings; a file has between 0 and", error);
    }
}
