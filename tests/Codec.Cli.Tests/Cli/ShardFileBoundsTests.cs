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

    // One row group of one row, one column chunk (Snappy unless told) at byte 4 whose page holds 'data' bytes. The
    // pages' data below starts with 10, which Snappy reads as the length of the data inflated: what their headers say.
    private static byte[] Footer(int chunkBytes, int codec = 1) =>
    [
        .. Field(1, 5, Int(1)),                                       // version
        .. Field(3, 9, ListOf(12, [
            .. Field(1, 9, ListOf(12, [
                .. Field(2, 6, Int(4)),                               // file_offset
                .. Field(1, 12, [
                    .. Field(4, 5, Int(codec)),                       // codec
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

    // A data page (type 0, header field 5) of 'values' values in 'encoding' (PLAIN unless told).
    private static byte[] Page(long uncompressed, long compressed, long values, int encoding = 0) =>
    [
        .. Field(1, 5, Int(0)), .. Field(1, 5, Int(uncompressed)), .. Field(1, 5, Int(compressed)),
        .. Field(2, 12, [.. Field(1, 5, Int(values)), .. Field(1, 5, Int(encoding)), .. End]), .. End,
    ];

    [Fact]
    public void A_structure_within_its_bytes_passes()
    {
        var page = (byte[])[.. Page(10, 3, 1), 10, 2, 3];
        Assert.Null(Check(File(page, Footer(page.Length))));
    }

    [Fact]
    public void Sizes_and_counts_beyond_the_bytes_are_refused_where_they_are()
    {
        var page = (byte[])[.. Page(10, 3, 1), 10, 2, 3];
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

        var inflating = (byte[])[.. Page(1L << 30, 3, 1), 10, 2, 3];
        Assert.Contains("a page of 3 bytes claims 1073741824 uncompressed", Check(File(inflating, Footer(inflating.Length))));
        var pastItsChunk = (byte[])[.. Page(10, 300, 1), 10, 2, 3];
        Assert.Contains("runs past its column chunk's end", Check(File(pastItsChunk, Footer(pastItsChunk.Length))));
        Assert.Contains("lies outside the data", Check(File(page, Footer(page.Length + 100))));
        var manyValues = (byte[])[.. Page(10, 3, 1_000_000), 10, 2, 3];
        Assert.Contains("declares 1000000 values", Check(File(manyValues, Footer(manyValues.Length))));
        // RLE (3) on a column the library would then decode by writing integers over its values' buffer, whatever
        // the column's type (strings: object references); the same page in RLE_DICTIONARY (8) is what writers write.
        var rle = (byte[])[.. Page(10, 3, 1, encoding: 3), 10, 2, 3];
        Assert.Contains("a data page of encoding RLE", Check(File(rle, Footer(rle.Length))));
        var indices = (byte[])[.. Page(10, 3, 1, encoding: 8), 10, 2, 3];
        Assert.Null(Check(File(indices, Footer(indices.Length))));
        // A page holding more values than its chunk declares for its rows, and pages holding fewer.
        var twoValues = (byte[])[.. Page(10, 3, 2), 10, 2, 3];
        Assert.Contains("declares 2 values; its column chunk has 1", Check(File(twoValues, Footer(twoValues.Length))));
        var noValues = (byte[])[.. Page(10, 3, 0), 10, 2, 3];
        Assert.Contains("a column chunk's pages hold 0 values; it declares 1", Check(File(noValues, Footer(noValues.Length))));
        // Snappy data whose own length (its first bytes: 2^28 here) is not what the page header says: the library
        // allocates what the data says.
        var snappyBomb = (byte[])[.. Page(10, 4, 1), 0x80, 0x80, 0x80, 0x01];
        Assert.Contains("a Snappy page whose data gives another length than the 10 bytes", Check(File(snappyBomb, Footer(snappyBomb.Length))));
        // ZSTD (6): a few bytes can inflate to any size, so no declared size can be checked against them.
        Assert.Contains("compressed with ZSTD", Check(File(page, Footer(page.Length, codec: 6))));
        Assert.Null(Check(File(page, Footer(page.Length, codec: 0))));
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
