using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Codec.Runtime.Binary.Numpy;
using Codec.Runtime.Findings;
using Codec.Tests.Infrastructure;

namespace Codec.Tests.Binary;

/// <summary>.npy files written by NumPy itself: every dtype, order, version; re-encoded byte for byte; hostile headers.</summary>
public sealed class NpyTests
{
    public static TheoryData<string> ManifestEntries()
    {
        var data = new TheoryData<string>();
        foreach (var line in File.ReadAllLines(Path.Combine(TestPaths.NumpyFixtures, "manifest.txt")))
        {
            if (line.StartsWith('#') || !line.Contains(".npy\t", StringComparison.Ordinal)) continue;
            data.Add(line);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ManifestEntries))]
    public void NumPy_written_files_decode_as_NumPy_reads_them(string entry)
    {
        var f = entry.Split('\t');
        var sink = new FindingSink();
        using var file = NpyFile.Open(Path.Combine(TestPaths.NumpyFixtures, f[0]), sink);
        Assert.NotNull(file);
        Assert.Empty(sink.Findings);
        var array = file!.Array;
        if (f[1] != "record") Assert.Equal(f[1], array.DType.Descr);
        Assert.Equal(f[2] == "F", array.Header.FortranOrder);
        Assert.Equal(f[3].Length == 0 ? Array.Empty<long>() : f[3].Split(',').Select(long.Parse).ToArray(), array.Shape);
        if (f[4] != "-")
        {
            var values = new double[array.Length];
            array.CopyTo(values);
            double expected = double.Parse(f[4], CultureInfo.InvariantCulture);
            Assert.Equal(expected, values.Sum(), 9);
        }
    }

    [Theory]
    [MemberData(nameof(ManifestEntries))]
    public void Re_encoding_gives_NumPys_bytes_exactly(string entry)
    {
        string path = Path.Combine(TestPaths.NumpyFixtures, entry.Split('\t')[0]);
        byte[] original = File.ReadAllBytes(path);
        var array = NpyFile.Decode(original, new FindingSink())!;
        var output = new ArrayBufferWriter<byte>();
        NpyWriter.Write(output, array.DType, array.Shape.ToArray(), array.Header.FortranOrder, array.Data.Span);
        Assert.Equal(original, output.WrittenSpan.ToArray());
    }

    [Fact]
    public void Little_endian_float32_is_served_without_a_copy_and_big_endian_is_swapped_to_the_same_values()
    {
        var sink = new FindingSink();
        using var le = NpyFile.Open(Path.Combine(TestPaths.NumpyFixtures, "f4_le.npy"), sink)!;
        using var be = NpyFile.Open(Path.Combine(TestPaths.NumpyFixtures, "f4_be.npy"), sink)!;
        var view = le.Array.AsSpan<float>();
        Assert.Equal(60, view.Length);
        Assert.False(be.Array.CanView<float>());
        var swapped = new float[60];
        be.Array.CopyTo(swapped);
        Assert.Equal(view.ToArray(), swapped);
        Assert.Equal(0, Allocations.Measure(() => be.Array.CopyTo(swapped)));
        Assert.Throws<InvalidOperationException>(() => be.Array.AsSpan<float>());
    }

    [Fact]
    public void Versions_2_and_3_and_records_are_read()
    {
        var sink = new FindingSink();
        var v2 = NpyFile.Decode(File.ReadAllBytes(Path.Combine(TestPaths.NumpyFixtures, "v2_long_header.npy")), sink)!;
        Assert.Equal(2, v2.Header.Major);
        Assert.Equal(3000, v2.DType.Fields!.Count);
        var v3 = NpyFile.Decode(File.ReadAllBytes(Path.Combine(TestPaths.NumpyFixtures, "v3_unicode_field.npy")), sink)!;
        Assert.Equal(3, v3.Header.Major);
        Assert.Equal(new[] { "a", "δ" }, v3.DType.Fields!.Select(x => x.Name));
        Assert.Equal(12, v3.DType.ItemSize);
        Assert.Empty(sink.Findings);
    }

    [Fact]
    public void Strings_are_decoded_as_stored()
    {
        var u4 = NpyFile.Decode(File.ReadAllBytes(Path.Combine(TestPaths.NumpyFixtures, "U4.npy")), new FindingSink())!;
        var chars = u4.AsSpan<byte>();
        var second = Encoding.UTF32.GetString(chars.Slice(16, 16)).TrimEnd('\0');
        Assert.Equal("tête", second);
        var s5 = NpyFile.Decode(File.ReadAllBytes(Path.Combine(TestPaths.NumpyFixtures, "S5.npy")), new FindingSink())!;
        Assert.Equal("hello", Encoding.ASCII.GetString(s5.AsSpan<byte>().Slice(5, 5)));
    }

    [FixtureFact]
    public void An_object_array_is_refused_as_a_pickle()
    {
        var sink = new FindingSink();
        Assert.Null(NpyFile.Open(Path.Combine(TestPaths.A2fFixtures, "npy", "py3-objarr.npy"), sink));
        var f = Assert.Single(sink.Findings);
        Assert.Equal(FindingCodes.ObjectArray, f.Code);
        Assert.Contains("pickle", f.Message);
        Assert.True(f.Offset > 10);
    }

    [Fact]
    public void Written_floats_read_back_equal()
    {
        var values = Enumerable.Range(0, 24).Select(i => i * 0.5f - 3).ToArray();
        var output = new ArrayBufferWriter<byte>();
        NpyWriter.Write(output, values, new long[] { 2, 4, 3 });
        var array = NpyFile.Decode(output.WrittenMemory, new FindingSink())!;
        Assert.Equal(values, array.AsSpan<float>().ToArray());
        Assert.Equal(0, array.Header.DataOffset % 64);
    }

    // ------------------------------------------------------------------ hostile headers

    private static byte[] Npy(string header, int major = 1, int dataBytes = 0, int? claimedLength = null)
    {
        var text = (major == 3 ? Encoding.UTF8 : Encoding.Latin1).GetBytes(header + "\n");
        int lengthField = major == 1 ? 2 : 4;
        var bytes = new byte[8 + lengthField + text.Length + dataBytes];
        new byte[] { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', (byte)major, 0 }.CopyTo(bytes, 0);
        int length = claimedLength ?? text.Length;
        if (major == 1) BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), (ushort)length);
        else BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8), (uint)length);
        text.CopyTo(bytes, 8 + lengthField);
        return bytes;
    }

    public static TheoryData<string, string, string> Hostile() => new()
    {
        { "not npy", "B801", "PK\u0003\u0004 a zip, not npy" },
        { "version 4.0", "B802", "v4" },
        { "header beyond the file", "B806", "claim" },
        { "huge header claim", "B803", "huge" },
        { "shape product overflows", "B807", "{'descr': '<f4', 'fortran_order': False, 'shape': (4294967296, 4294967296, 16), }" },
        { "negative dimension", "B807", "{'descr': '<f4', 'fortran_order': False, 'shape': (3, -1), }" },
        { "truncated data", "B806", "{'descr': '<f8', 'fortran_order': False, 'shape': (1000,), }" },
        { "missing key", "B803", "{'descr': '<f4', 'shape': (3,), }" },
        { "extra key", "B803", "{'descr': '<f4', 'fortran_order': False, 'shape': (3,), 'x': 1, }" },
        { "not a dict", "B803", "[1, 2, 3]" },
        { "code in the header", "B803", "{'descr': __import__('os'), 'fortran_order': False, 'shape': (3,), }" },
        { "deep nesting", "B803", "{'descr': " + new string('(', 200) + new string(')', 200) + ", 'fortran_order': False, 'shape': (3,), }" },
        { "shape is a list", "B803", "{'descr': '<f4', 'fortran_order': False, 'shape': [3], }" },
        { "complex dtype", "B804", "{'descr': '<c8', 'fortran_order': False, 'shape': (3,), }" },
        { "datetime dtype", "B804", "{'descr': '<M8[ns]', 'fortran_order': False, 'shape': (3,), }" },
        { "object dtype", "B805", "{'descr': '|O', 'fortran_order': False, 'shape': (3,), }" },
        { "unterminated string", "B803", "{'descr': '<f4, 'fortran_order': False, 'shape': (3,), }" },
        { "escape naming a surrogate", "B804", "{'descr': '<f4\\U0000d800', 'fortran_order': False, 'shape': (3,), }" },
        { "escape beyond Unicode", "B803", "{'descr': '<f4\\UFFFFFFFF', 'fortran_order': False, 'shape': (3,), }" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void A_hostile_header_is_one_located_finding_with_small_allocation(string what, string code, string header)
    {
        byte[] bytes = what switch
        {
            "not npy" => Encoding.Latin1.GetBytes(header),
            "version 4.0" => Npy("{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }", major: 4),
            "header beyond the file" => Npy("{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }", claimedLength: 60000),
            "huge header claim" => Npy("{}", major: 2, claimedLength: int.MaxValue),
            _ => Npy(header),
        };

        var sink = new FindingSink();
        long allocated = Allocations.Measure(() =>
        {
            sink.Reset();
            Assert.Null(NpyFile.Decode(bytes, sink));
        });
        var f = Assert.Single(sink.Findings);
        Assert.Equal(code, f.Code);
        Assert.Equal(Severity.Error, f.Severity);
        Assert.True(f.Offset >= 0, what);
        Assert.True(allocated < 64 * 1024, $"{what}: allocated {allocated} bytes");
    }

    [Fact]
    public void Decoding_allocates_only_the_result_objects_whatever_the_array_size()
    {
        var small = File.ReadAllBytes(Path.Combine(TestPaths.NumpyFixtures, "f4_le.npy"));
        var output = new ArrayBufferWriter<byte>();
        NpyWriter.Write(output, new float[300 * 2000 * 3], new long[] { 300, 2000, 3 });
        var large = output.WrittenMemory;
        var sink = new FindingSink();
        long forSmall = Allocations.Measure(() => NpyFile.Decode(small, sink));
        long forLarge = Allocations.Measure(() => NpyFile.Decode(large, sink));
        // The header, the shape and the array object; the data is a view (7 MB here, not copied).
        Assert.True(forSmall < 512, $"allocated {forSmall} bytes");
        Assert.Equal(forSmall, forLarge);
        Assert.Empty(sink.Findings);
    }

    [Theory]
    [InlineData("f4_le.npy")]
    [InlineData("f4_be.npy")]
    [InlineData("f8_le_fortran.npy")]
    [InlineData("i4_le.npy")]
    [InlineData("v2_long_header.npy")]
    public void Reading_into_a_float_buffer_gives_the_decoded_values(string name)
    {
        string path = Path.Combine(TestPaths.NumpyFixtures, name);
        var sink = new FindingSink();
        using var file = NpyFile.Open(path, sink)!;
        if (file.Array.DType.Kind == NpyKind.Record)
        {
            Assert.Throws<InvalidOperationException>(() => NpyFile.ReadInto(path, new float[16], sink));
            return;
        }

        var expected = new float[file.Array.Length];
        file.Array.CopyTo(expected);
        var actual = new float[file.Array.Length];
        Assert.NotNull(NpyFile.ReadInto(path, actual, sink));
        Assert.Equal(expected, actual);
        Assert.Empty(sink.Findings);
    }
}
