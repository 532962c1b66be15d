using System.Buffers.Binary;
using System.IO.Compression;
using Codec.Runtime.Binary.Numpy;
using Codec.Runtime.Binary.Zip;
using Codec.Runtime.Findings;
using Codec.Tests.Infrastructure;

namespace Codec.Tests.Binary;

/// <summary>.npz archives: NumPy's stored and deflated archives, our writer, and hostile archives.</summary>
public sealed class NpzTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("codec-npz-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static float[] Cache()
    {
        using var file = NpyFile.Open(Path.Combine(TestPaths.NumpyFixtures, "f4_le.npy"), new FindingSink())!;
        return file.Array.AsSpan<float>().ToArray();
    }

    [Theory]
    [InlineData("stored.npz", false)]
    [InlineData("deflated.npz", true)]
    public void NumPy_archives_decode_to_the_arrays_saved(string name, bool compressed)
    {
        var sink = new FindingSink();
        using var npz = NpzArchive.Open(Path.Combine(TestPaths.NumpyFixtures, name), sink)!;
        Assert.Equal(new[] { "cache", "ids" }, npz.Members.Select(m => m.Key));
        Assert.All(npz.Members, m => Assert.Equal(compressed, m.IsCompressed));
        var cache = npz.GetArray(npz.Find("cache")!, sink)!;
        Assert.Equal(new long[] { 4, 5, 3 }, cache.Shape);
        Assert.Equal(Cache(), cache.AsSpan<float>().ToArray());
        Assert.Equal(new long[] { 0, 1, 2, 3, 4 }, npz.GetArray(npz.Find("ids")!, sink)!.AsSpan<long>().ToArray());
        Assert.Empty(sink.Findings);
    }

    [FixtureFact]
    public void A_scipy_test_archive_decodes_every_member()
    {
        var sink = new FindingSink();
        using var npz = NpzArchive.Open(Path.Combine(TestPaths.A2fFixtures, "npy", "gcvspl.npz"), sink)!;
        Assert.NotEmpty(npz.Members);
        foreach (var member in npz.Members) Assert.NotNull(npz.GetArray(member, sink));
        Assert.Empty(sink.Findings);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Written_archives_read_back_and_are_valid_zip_files(bool compress)
    {
        var npy = File.ReadAllBytes(Path.Combine(TestPaths.NumpyFixtures, "f4_le.npy"));
        var ids = File.ReadAllBytes(Path.Combine(TestPaths.NumpyFixtures, "i8_le.npy"));
        string path = Path.Combine(_dir, "out.npz");
        using (var output = File.Create(path)) NpzWriter.Write(output, new (string, ReadOnlyMemory<byte>)[] { ("cache", npy), ("ids", ids) }, compress);

        var sink = new FindingSink();
        using (var npz = NpzArchive.Open(path, sink)!)
        {
            Assert.Equal(Cache(), npz.GetArray(npz.Find("cache")!, sink)!.AsSpan<float>().ToArray());
            Assert.Empty(sink.Findings);
        }

        // An independent reader agrees (names, sizes, CRCs, data).
        using var zip = ZipFile.OpenRead(path);
        Assert.Equal(new[] { "cache.npy", "ids.npy" }, zip.Entries.Select(e => e.FullName));
        using var stream = zip.GetEntry("ids.npy")!.Open();
        var copy = new MemoryStream();
        stream.CopyTo(copy);
        Assert.Equal(ids, copy.ToArray());
    }

    // ------------------------------------------------------------------ hostile archives

    private static byte[] Stored(params (string Name, byte[] Data)[] members)
    {
        var output = new MemoryStream();
        NpzWriter.Write(output, members.Select(m => (m.Name, (ReadOnlyMemory<byte>)m.Data)), compress: false);
        return output.ToArray();
    }

    private static byte[] SmallNpy() => File.ReadAllBytes(Path.Combine(TestPaths.NumpyFixtures, "i8_le.npy"));

    // Offsets in the single-member archive Stored(("a", npy)): local header at 0, central directory after the data.
    private static int CentralAt(byte[] zip) => (int)BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(zip.Length - 6));

    [Fact]
    public void A_zip_bomb_is_refused_before_anything_is_allocated()
    {
        var output = new MemoryStream();
        NpzWriter.Write(output, new (string, ReadOnlyMemory<byte>)[] { ("a", SmallNpy()) }, compress: true);
        var zip = output.ToArray();
        // Declare 1.5 GB uncompressed for a member of a few hundred bytes, in both headers.
        BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(22), 1_500_000_000);
        BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(CentralAt(zip) + 24), 1_500_000_000);

        var sink = new FindingSink();
        var npz = NpzArchive.Read(zip, sink)!;
        long allocated = Allocations.Measure(() => Assert.Null(npz.GetArray(npz.Members[0], sink)), warmups: 1, runs: 2);
        Assert.Contains(sink.Findings, f => f.Code == FindingCodes.CompressionBomb);
        Assert.True(allocated < 64 * 1024, $"allocated {allocated}");
    }

    [Fact]
    public void A_member_that_declares_more_than_it_inflates_to_costs_what_it_holds_not_what_it_declares()
    {
        var output = new MemoryStream();
        NpzWriter.Write(output, new (string, ReadOnlyMemory<byte>)[] { ("a", SmallNpy()) }, compress: true);
        var zip = output.ToArray();
        // Within what deflate could produce from its compressed bytes (1,000:1), but far more than it does.
        uint compressed = BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(18));
        uint declared = compressed * 1000;
        BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(22), declared);
        BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(CentralAt(zip) + 24), declared);

        var sink = new FindingSink();
        var npz = NpzArchive.Read(zip, sink)!;
        long allocated = Allocations.Measure(() => Assert.Null(npz.GetArray(npz.Members[0], sink)), warmups: 1, runs: 2);
        Assert.Contains(sink.Findings, f => f.Code == FindingCodes.EntrySizeMismatch);
        Assert.True(allocated < declared / 8, $"allocated {allocated} of the {declared} declared");
    }

    [Fact]
    public void A_deflated_member_larger_than_declared_is_a_size_mismatch()
    {
        var output = new MemoryStream();
        NpzWriter.Write(output, new (string, ReadOnlyMemory<byte>)[] { ("a", SmallNpy()) }, compress: true);
        var zip = output.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(CentralAt(zip) + 24), 100);
        var sink = new FindingSink();
        var npz = NpzArchive.Read(zip, sink)!;
        Assert.Null(npz.GetArray(npz.Members[0], sink));
        Assert.Equal(FindingCodes.EntrySizeMismatch, Assert.Single(sink.Findings).Code);
    }

    [Fact]
    public void A_corrupted_member_fails_its_checksum()
    {
        var zip = Stored(("a", SmallNpy()));
        zip[30 + 5 + 140] ^= 0xFF; // a data byte of the array
        var sink = new FindingSink();
        var npz = NpzArchive.Read(zip, sink)!;
        Assert.Null(npz.GetArray(npz.Members[0], sink));
        Assert.Equal(FindingCodes.ChecksumMismatch, Assert.Single(sink.Findings).Code);
    }

    public static TheoryData<string, string> Broken() => new()
    {
        { "no end record", FindingCodes.BadSignature },
        { "directory beyond the end", FindingCodes.BadArchive },
        { "impossible member count", FindingCodes.BadArchive },
        { "local header offset beyond the end", FindingCodes.BadArchive },
        { "data beyond the end", FindingCodes.EntrySizeMismatch },
        { "stored sizes disagree", FindingCodes.EntrySizeMismatch },
        { "encrypted", FindingCodes.UnsupportedEntry },
        { "bzip2", FindingCodes.UnsupportedEntry },
        { "zip64 local header offset near 2^63", FindingCodes.BadArchive },
    };

    // The central entry of Stored(("a", …)) with a ZIP64 extra field naming its local header at 0x7FFFFFFFFFFFFFF0.
    private static byte[] WithZip64LocalOffset(byte[] zip, int central)
    {
        int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(central + 28));
        int extraLength = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(central + 30));
        var extra = new byte[12];
        BinaryPrimitives.WriteUInt16LittleEndian(extra, 1);
        BinaryPrimitives.WriteUInt16LittleEndian(extra.AsSpan(2), 8);
        BinaryPrimitives.WriteUInt64LittleEndian(extra.AsSpan(4), 0x7FFFFFFFFFFFFFF0);
        int at = central + 46 + nameLength + extraLength;
        var result = zip[..at].Concat(extra).Concat(zip[at..]).ToArray();
        BinaryPrimitives.WriteUInt16LittleEndian(result.AsSpan(central + 30), (ushort)(extraLength + 12));
        BinaryPrimitives.WriteUInt32LittleEndian(result.AsSpan(central + 42), 0xFFFFFFFF);
        int directorySize = (int)BinaryPrimitives.ReadUInt32LittleEndian(result.AsSpan(result.Length - 10));
        BinaryPrimitives.WriteUInt32LittleEndian(result.AsSpan(result.Length - 10), (uint)(directorySize + 12));
        return result;
    }

    [Theory]
    [MemberData(nameof(Broken))]
    public void A_broken_archive_is_a_located_finding(string what, string code)
    {
        var zip = Stored(("a", SmallNpy()));
        int central = CentralAt(zip);
        switch (what)
        {
            case "no end record": zip = zip[..^22]; break;
            case "directory beyond the end": BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(zip.Length - 6), 0x7FFFFF00); break;
            case "impossible member count": BinaryPrimitives.WriteUInt16LittleEndian(zip.AsSpan(zip.Length - 12), 60000); break;
            case "local header offset beyond the end": BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(central + 42), 0x10000000); break;
            case "data beyond the end":
                BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(central + 20), 0x10000000);
                BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(central + 24), 0x10000000);
                break;
            case "stored sizes disagree": BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(central + 24), 12); break;
            case "encrypted": zip[central + 8] |= 1; break;
            case "bzip2": zip[central + 10] = 12; break;
            case "zip64 local header offset near 2^63": zip = WithZip64LocalOffset(zip, central); break;
        }

        var sink = new FindingSink();
        var npz = NpzArchive.Read(zip, sink);
        var f = Assert.Single(sink.Findings);
        Assert.Equal(code, f.Code);
        Assert.True(f.Offset >= 0);
        Assert.True(npz is null || npz.Members.Count == 0, what);
    }

    [Fact]
    public void Duplicate_and_path_like_names_are_findings_and_not_read()
    {
        var npy = SmallNpy();
        var zip = Stored(("a", npy), ("b", npy), ("c", npy));
        // Rename member b to "a.npy" (a duplicate) and c to "../x.npy"-like ("..x" keeps the length).
        int central = CentralAt(zip);
        int second = central + 46 + 5, third = second + 46 + 5;
        "a.npy"u8.CopyTo(zip.AsSpan(second + 46));
        "..npy"u8.CopyTo(zip.AsSpan(third + 46));
        var sink = new FindingSink();
        var npz = NpzArchive.Read(zip, sink)!;
        Assert.Equal(new[] { "a" }, npz.Members.Select(m => m.Key));
        Assert.Contains(sink.Findings, f => f.Code == FindingCodes.DuplicateEntry);
        Assert.Contains(sink.Findings, f => f.Code == FindingCodes.UnsafeEntryName);
    }

    [Fact]
    public void Crc32_matches_the_standard_check_value()
    {
        Assert.Equal(0xCBF43926u, Crc32.Compute("123456789"u8));
        Assert.Equal(0u, Crc32.Compute(ReadOnlySpan<byte>.Empty));
    }
}
