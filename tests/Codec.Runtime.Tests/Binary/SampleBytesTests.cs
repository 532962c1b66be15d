using Codec.Runtime.Binary.Exr;
using Codec.Runtime.Binary.Image;
using Codec.Runtime.Findings;

namespace Codec.Tests.Runtime;

/// <summary>The byte helpers the image decoders share: zlib on what a coverage-guided campaign fed it, 16-bit floats.</summary>
public sealed class SampleBytesTests
{
    [Fact]
    public void No_bytes_inflate_to_nothing()
    {
        var output = new byte[16];
        Assert.Equal(0, SampleBytes.Inflate(ReadOnlySpan<byte>.Empty, output, out bool more));
        Assert.False(more);
    }

    [Fact]
    public void An_exr_whose_zip_chunk_is_empty_is_a_finding_not_an_exception()
    {
        // Found by AFL++ on the exr target (fuzz/afl.sh): a ZIP-compressed chunk of zero bytes reached the inflater,
        // which read from the address of an empty span (null) and threw.
        var file = Convert.FromBase64String("di8xAQIQAABjaGFubmVscwBjaGxpc3QANwAAAEIAAQAAAAAAAAABAAAAAQAAAEcAAQAAAAAAAAABAAAAAQAAAFIAAQAAAAAAAAABAAAAAQAAAABjaHVua0NvdW50AGludAAEAAAAAQAAAGNvbXByZXNzaW9uAGNvbXByZXNzaW9uAAEAAAADZGF0YVdpbmRvdwBib3gyaQAQAAAAAAAAAAAAAAAPAAAABwAAAGRpc3BsYXlXaW5kb3cAYm94MmkAEAAAAAAAAAAAAAAADwAAAAcAAABsaW5lT3JkZXIAbGluZU9yZGVyAAEAAAAAbmFtZQBzdHJpbmcABgAAAFtlYXV0eXBpeGVsQXNwZWN0UmF0aW8AZmxvYXQABAAAAAAAgD9zY3JlZW5XaW5kb3dDZW50ZXIAdjJmAAgAAAAAAAAAAAAAAHNjcmVlbldpbmRvd1dpZHRoAGZsb2F0AAQAAAAAAIA/dHlwZQBzdHJpbmcADQAAAHNjYW5saW5laW1hZ2UAY2hhbm5lbHMAY2hsaXN0ABMAAABaAAIAAAAAAAAAAQAAAAEAAAAAY2h1bmtDb3VudABpbnQABAAAAAEAAABjb21wcmVzc2lvbgBjb21wcmVzc2lvbgABAAAAA2RhdGFXaW5kb3cAYm94MmkAEAAAAAAAAAAAAAAADwAAAAcAAABkaXNwbGF5V2luZG93AGJveDJpABAAAAAAAAAAAAAAAA8AAAAHAAAAbGluZU9yZGVyAGxpbmVPcmRlcgABAAAAAG5hbWUAc3RyaW5nAAUAAABkZXB0aHBpeGVsQXNwZWN0UmF0aW8AZmxvYXQABAAAAAAAgD9zY3JlZW5XaW5kb3dDZW50ZXIAdjJmAAgAAAAAAAAAAAAAAHNjcmVlbldpbmRvd1dpZHRoAGZsb2F0AAQAAAAAAIA/dHlwZQBzdHJpbmcADQAAAHNjYW5saW5laW1hZ2UAAOoCAAAAAAAACgMAAAAAAAAAAAAAAAAAAAAAAAAAABQAAAB4XmNoGAUDCXahC4wCugIAu7F/ygEAAAAAAAAAEAAAAHheY2gY4eCAw4iGALDx/8E=");
        var sink = new FindingSink();
        var exr = ExrFile.Decode(file, sink);
        Assert.NotNull(exr);
        for (int p = 0; p < exr!.Parts.Count; p++) ExrPixels.Decode(file, exr, p, sink);
        Assert.NotEmpty(sink.Findings);
    }

    [Fact]
    public void Every_16_bit_float_converts_to_the_value_it_holds()
    {
        // All 65,536 bit patterns (sixteen at a time where there are 256-bit vectors), then a tail of 13: eight for the
        // 128-bit path, five for the scalar one.
        var bits = new ushort[(1 << 16) + 13];
        for (int i = 0; i < bits.Length; i++) bits[i] = (ushort)i;
        var floats = new float[bits.Length];
        SampleBytes.HalvesToSingles(bits, floats);
        for (int i = 0; i < bits.Length; i++)
        {
            float expected = (float)BitConverter.UInt16BitsToHalf(bits[i]);
            if (float.IsNaN(expected)) Assert.True(float.IsNaN(floats[i]), $"0x{bits[i]:X4} is a NaN, not {floats[i]}");
            else Assert.True(BitConverter.SingleToUInt32Bits(expected) == BitConverter.SingleToUInt32Bits(floats[i]), $"0x{bits[i]:X4} is {expected}, not {floats[i]}");
        }
    }
}
