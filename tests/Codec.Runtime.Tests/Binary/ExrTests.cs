using System.Buffers.Binary;
using System.Text;
using Codec.Runtime.Binary.Exr;
using Codec.Runtime.Findings;
using Codec.Tests.Infrastructure;

namespace Codec.Tests.Binary;

/// <summary>
/// EXR headers: files the OpenEXR library wrote (Fixtures/exr, with exrheader's own listing beside each) read
/// attribute for attribute; Cryptomatte manifests checked; every truncation and corruption a located finding.
/// </summary>
public sealed class ExrTests
{
    private static string Fixture(string name) => Path.Combine(TestPaths.TestFixtures, "exr", name);

    private static ExrFile Read(string name)
    {
        var sink = new FindingSink();
        var file = ExrFile.Read(Fixture(name), sink);
        Assert.True(sink.Count == 0, string.Join("\n", sink.Findings));
        return file!;
    }

    private static (ExrFile? File, IReadOnlyList<Finding> Findings) Decode(byte[] bytes)
    {
        var sink = new FindingSink();
        return (ExrFile.Decode(bytes, sink), sink.Findings);
    }

    [Fact]
    public void A_vray_style_scanline_file_reads_every_attribute_as_exrheader_lists_it()
    {
        var exr = Read("vray_like.exr");
        var part = Assert.Single(exr.Parts);
        Assert.Equal((2, false, false, false), (exr.Version, exr.IsTiled, exr.IsMultiPart, exr.IsDeep));
        // exrheader (vray_like.exrheader.txt) lists the same 14 channels, in the same (sorted) order, with these types.
        Assert.Equal(14, part.Channels.Count);
        Assert.Equal(("A", ExrPixelType.Half), (part.Channels[0].Name, part.Channels[0].Type));
        Assert.Equal(("Z", ExrPixelType.Float), (part.Channels[4].Name, part.Channels[4].Type));
        Assert.Equal(("objectId", ExrPixelType.Uint), (part.Channels[12].Name, part.Channels[12].Type));
        Assert.Equal(ExrCompression.Zips, part.Compression);
        Assert.Equal(new ExrBox(4, 2, 19, 9), part.DataWindow);
        Assert.Equal(new ExrBox(0, 0, 31, 15), part.DisplayWindow);
        Assert.Equal(8, part.ChunkCount); // ZIPS: one scanline per chunk, 8 lines
        Assert.Equal("4.30.03", part.Get("vrayInfo/vraycore")!.Value);
        Assert.Equal(35f, part.Get("cameraFocalLength")!.Value);
        Assert.Equal(100f, part.Get("zmax")!.Value);
        Assert.Equal(new[] { "beauty", "Z", "normals", "cryptomatte" }, part.Get("renderPasses")!.Value);
        Assert.Equal(-1.5f, ((float[])part.Get("worldToCamera")!.Value)[14]);
        Assert.Equal("(0 1.6 1.5)", ExrValues.Describe(part.Get("cameraPosition")!));

        var listing = File.ReadAllText(Fixture("vray_like.exrheader.txt"));
        foreach (var attribute in part.Attributes) Assert.Contains(attribute.Name + " (type " + attribute.Type + ")", listing);
    }

    [Fact]
    public void Cryptomatte_layers_are_found_and_their_manifest_ids_verified()
    {
        var layer = Assert.Single(Read("vray_like.exr").Cryptomattes);
        Assert.Equal(("3ae39a5", "CryptoObject", "MurmurHash3_32", "uint32_to_float32"), (layer.Id, layer.Name, layer.Hash, layer.Conversion));
        Assert.Equal(new[] { "head", "hair", "body", "background" }, layer.Manifest.Select(m => m.Name));
    }

    [Fact]
    public void MurmurHash3_matches_the_cryptomatte_specifications_examples()
    {
        // The specification's manifest example: {"bunny": "13851a76", "default": "42c9679f"}.
        Assert.Equal(0x13851a76u, MurmurHash3.CryptomatteId("bunny"u8));
        Assert.Equal(0x42c9679fu, MurmurHash3.CryptomatteId("default"u8));
        Assert.Equal(0u, MurmurHash3.Hash32([]));
    }

    [Fact]
    public void Tiled_and_multi_part_files_read_with_their_chunk_counts()
    {
        var tiled = Read("tiled_piz.exr");
        Assert.True(tiled.IsTiled);
        Assert.Equal(new ExrTiles(16, 16, 0, 0), tiled.Parts[0].Tiles);
        Assert.Equal(ExrCompression.Piz, tiled.Parts[0].Compression);
        Assert.Equal((byte)1, tiled.Parts[0].LineOrder);
        Assert.Equal(1, tiled.Parts[0].ChunkCount);

        var multi = Read("multipart.exr");
        Assert.True(multi.IsMultiPart);
        Assert.Equal(new[] { "beauty", "depth" }, multi.Parts.Select(p => p.Name));
        Assert.All(multi.Parts, p => Assert.Equal(("scanlineimage", 1, 1L), (p.Type, p.DeclaredChunkCount, p.ChunkCount)));
    }

    [Fact]
    public void Every_truncation_is_a_located_finding_never_an_exception()
    {
        foreach (var name in new[] { "vray_like.exr", "tiled_piz.exr", "multipart.exr" })
        {
            var bytes = File.ReadAllBytes(Fixture(name));
            var exr = Read(name);
            long tablesEnd = exr.HeaderBytes + 8 * exr.Parts.Sum(p => p.ChunkCount);
            for (int length = 0; length < tablesEnd; length++)
            {
                var (file, findings) = Decode(bytes[..length]);
                Assert.Null(file);
                var f = Assert.Single(findings);
                Assert.Contains(f.Code, new[] { FindingCodes.BadSignature, FindingCodes.DataTruncated });
                Assert.True(f.Offset is >= 0 && f.Offset <= length, $"{name}[..{length}]: {f}");
            }

            // Cut inside the last chunk: the headers read, and the last chunk's declared size gives the cut away.
            var (cut, cutFindings) = Decode(bytes[..(bytes.Length - 1)]);
            Assert.NotNull(cut);
            Assert.Contains($"the file ends at {bytes.Length - 1}: it is truncated", Assert.Single(cutFindings).Message);

            // Cut just after the tables: later chunks' offsets point past the end (or the only chunk is cut).
            var (early, earlyFindings) = Decode(bytes[..(int)(tablesEnd + 1)]);
            Assert.NotNull(early);
            Assert.Contains("truncated", Assert.Single(earlyFindings).Message);
        }
    }

    [Fact]
    public void Corrupt_headers_are_located_findings()
    {
        var good = File.ReadAllBytes(Fixture("vray_like.exr"));
        byte[] With(Action<byte[]> change)
        {
            var copy = (byte[])good.Clone();
            change(copy);
            return copy;
        }

        int At(string text) => Encoding.ASCII.GetString(good).IndexOf(text, StringComparison.Ordinal);

        var cases = new (byte[] Bytes, string Code, string Message)[]
        {
            (With(b => b[0] = 0), FindingCodes.BadSignature, "magic number"),
            (With(b => b[4] = 3), FindingCodes.UnsupportedFormatVersion, "format version 3"),
            (With(b => b[6] = 0x40), FindingCodes.UnsupportedFormatVersion, "unknown flag bits"),
            (With(b => b[At("compression\0compression\0") + 27] = 0xFF), FindingCodes.BadHeader, "declares a negative size"),
            (With(b => BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(At("compression\0compression\0") + 24), 1 << 30)), FindingCodes.DataTruncated, "attribute \"compression\" (1073741824 bytes)"),
            (With(b => b[At("compression\0compression\0") + 28] = 42), FindingCodes.BadHeader, "unknown compression 42"),
            (With(b => Encoding.ASCII.GetBytes("compressiox").CopyTo(b, At("compression\0compression\0"))), FindingCodes.BadHeader, "\"compression\" is missing"),
            (With(b => b.AsSpan(At("zmin\0"), 40).Fill((byte)'x')), FindingCodes.BadHeader, "an attribute name longer than 31 bytes (the long-names flag 0x400 is not set)"),
            (With(b => b[At("A\0") + 2] = 7), FindingCodes.BadHeader, "pixel type 7"),
            (With(b => Encoding.ASCII.GetBytes("zmin\0").CopyTo(b, At("zmax\0"))), FindingCodes.DuplicateEntry, "\"zmin\" appears twice"),
            (With(b => BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(At("dataWindow\0box2i\0") + 21), 100)), FindingCodes.BadHeader, "maximum is below its minimum"),
            // Same size, another type: "box2f" holds 16 bytes as "box2i" does.
            (With(b => Encoding.ASCII.GetBytes("box2f").CopyTo(b, At("dataWindow\0box2i\0") + 11)), FindingCodes.BadHeader, "the required attribute \"dataWindow\" is a box2f; OpenEXR makes it a box2i"),
            (With(b => BinaryPrimitives.WriteUInt64LittleEndian(b.AsSpan((int)Read("vray_like.exr").HeaderBytes + 16), 1UL << 40)), FindingCodes.DataTruncated, "1 of 8 chunk offsets"),
        };

        foreach (var (bytes, code, message) in cases)
        {
            var (_, findings) = Decode(bytes);
            Assert.True(findings.Any(f => f.Code == code && f.Message.Contains(message, StringComparison.Ordinal) && f.Offset >= 0),
                $"expected {code} '{message}', got: {string.Join("; ", findings)}");
        }
    }

    [Fact]
    public void A_tampered_manifest_is_a_warning_naming_the_name_and_both_ids()
    {
        var bytes = File.ReadAllBytes(Fixture("vray_like.exr"));
        int at = Encoding.ASCII.GetString(bytes).IndexOf("95a53fc9", StringComparison.Ordinal);
        bytes[at] = (byte)'0';
        var (file, findings) = Decode(bytes);
        Assert.NotNull(file);
        var f = Assert.Single(findings);
        Assert.Equal((FindingCodes.CryptomatteMismatch, Severity.Warning), (f.Code, f.Severity));
        Assert.Contains("1 of 4 manifest ids are not their name's hash (\"head\" is 05a53fc9, MurmurHash3_32 gives 95a53fc9)", f.Message);
    }

    [Fact]
    public void A_manifest_with_a_lone_surrogate_is_a_warning()
    {
        var bytes = File.ReadAllBytes(Fixture("vray_like.exr"));
        int at = Encoding.ASCII.GetString(bytes).IndexOf("\"background\"", StringComparison.Ordinal);
        Encoding.ASCII.GetBytes("\"\\ud800abcd\"").CopyTo(bytes, at); // the same twelve bytes, a lone surrogate escape in a name
        var (file, findings) = Decode(bytes);
        Assert.NotNull(file);
        var f = Assert.Single(findings);
        Assert.Equal((FindingCodes.CryptomatteMismatch, Severity.Warning), (f.Code, f.Severity));
        Assert.Contains("unpaired surrogate", f.Message);
    }

    [Fact]
    public void Headers_longer_than_the_first_read_are_read_in_growing_steps()
    {
        // The manifest grows to 300 KB (V-Ray writes large ones): the reader must go past its first 64 KiB.
        var bytes = File.ReadAllBytes(Fixture("vray_like.exr"));
        var exr = Read("vray_like.exr");
        var manifest = exr.Parts[0].Get("cryptomatte/3ae39a5/manifest")!;
        var names = Enumerable.Range(0, 12000).Select(i => "object_" + i).ToList();
        string json = "{" + string.Join(",", names.Select(n => $"\"{n}\":\"{MurmurHash3.CryptomatteId(Encoding.UTF8.GetBytes(n)):x8}\"")) + "}";
        byte[] value = Encoding.UTF8.GetBytes(json);
        int delta = value.Length - manifest.Size;

        var grown = new List<byte>();
        grown.AddRange(bytes[..(int)(manifest.Offset - 4)]);
        grown.AddRange(BitConverter.GetBytes(value.Length));
        grown.AddRange(value);
        grown.AddRange(bytes[(int)(manifest.Offset + manifest.Size)..]);
        var result = grown.ToArray();
        int tables = (int)exr.HeaderBytes + delta;
        for (int c = 0; c < exr.Parts[0].ChunkCount; c++)
        {
            var slot = result.AsSpan(tables + 8 * c);
            BinaryPrimitives.WriteUInt64LittleEndian(slot, BinaryPrimitives.ReadUInt64LittleEndian(slot) + (ulong)delta);
        }

        string path = Path.Combine(Path.GetTempPath(), $"codec-exr-{Guid.NewGuid():N}.exr");
        File.WriteAllBytes(path, result);
        try
        {
            var sink = new FindingSink();
            var file = ExrFile.Read(path, sink);
            Assert.Empty(sink.Findings);
            Assert.Equal(12000, file!.Cryptomattes[0].Manifest.Count);
            Assert.True(file.HeaderBytes > 64 << 10);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_header_of_many_cryptomatte_layers_reads_in_linear_time()
    {
        // 20,000 layers of one attribute each, inserted before the manifest: a lookup that scanned every attribute
        // would make this 20,000 × 5 scans of 20,000 attributes.
        const int layers = 20_000;
        var bytes = File.ReadAllBytes(Fixture("vray_like.exr"));
        var exr = Read("vray_like.exr");
        var manifest = exr.Parts[0].Get("cryptomatte/3ae39a5/manifest")!;
        int attributeStart = (int)manifest.Offset - 4 - "string\0".Length - (manifest.Name.Length + 1);
        var inserted = new List<byte>();
        for (int i = 0; i < layers; i++)
        {
            inserted.AddRange(Encoding.ASCII.GetBytes($"cryptomatte/l{i:x7}/name\0string\0"));
            inserted.AddRange(BitConverter.GetBytes(1));
            inserted.Add((byte)'n');
        }

        var result = bytes[..attributeStart].Concat(inserted).Concat(bytes[attributeStart..]).ToArray();
        int tables = (int)exr.HeaderBytes + inserted.Count;
        for (int c = 0; c < exr.Parts[0].ChunkCount; c++)
        {
            var slot = result.AsSpan(tables + 8 * c);
            BinaryPrimitives.WriteUInt64LittleEndian(slot, BinaryPrimitives.ReadUInt64LittleEndian(slot) + (ulong)inserted.Count);
        }

        string path = Path.Combine(Path.GetTempPath(), $"codec-exr-{Guid.NewGuid():N}.exr");
        File.WriteAllBytes(path, result);
        try
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var file = ExrFile.Read(path, new FindingSink());
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
            Assert.Equal(layers + 1, file!.Cryptomattes.Count);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
