using Codec.Runtime.Binary.Image;

namespace Codec.Tests.Runtime;

/// <summary>
/// The vectorised running sums and plane interleaving the image predictors share, against their scalar definitions,
/// for every stride and element size the decoders use and every length around the 16-byte blocks.
/// </summary>
public sealed class SampleLanesTests
{
    [Fact]
    public void Running_sums_of_bytes_equal_the_scalar_sum_for_every_stride_and_length()
    {
        var random = new Random(2026);
        for (int stride = 1; stride <= 16; stride++)
        {
            for (int length = 0; length <= 100; length++)
            {
                var row = new byte[length];
                random.NextBytes(row);
                var expected = (byte[])row.Clone();
                for (int i = stride; i < length; i++) expected[i] += expected[i - stride];
                SampleLanes.RunningSum(row.AsSpan(), stride);
                Assert.True(expected.AsSpan().SequenceEqual(row), $"stride {stride}, length {length}");
            }
        }
    }

    [Fact]
    public void Running_sums_of_16_bit_samples_equal_the_scalar_sum_for_every_stride_and_length()
    {
        var random = new Random(7);
        for (int stride = 1; stride <= 8; stride++)
        {
            for (int length = 0; length <= 60; length++)
            {
                var row = Enumerable.Range(0, length).Select(_ => (ushort)random.Next(65536)).ToArray();
                var expected = (ushort[])row.Clone();
                for (int i = stride; i < length; i++) expected[i] += expected[i - stride];
                SampleLanes.RunningSum(row.AsSpan(), stride);
                Assert.True(expected.AsSpan().SequenceEqual(row), $"stride {stride}, length {length}");
            }
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(3)]
    public void Planes_interleave_into_samples(int planes)
    {
        var random = new Random(planes);
        for (int samples = 0; samples <= 70; samples++)
        {
            var packed = new byte[samples * planes];
            random.NextBytes(packed);
            var output = new byte[packed.Length];
            SampleLanes.Interleave(packed, planes, output);
            for (int k = 0; k < samples; k++)
            {
                for (int p = 0; p < planes; p++) Assert.Equal(packed[(p * samples) + k], output[(k * planes) + p]);
            }
        }
    }

    [Theory]
    [InlineData(SampleKind.UInt8)]
    [InlineData(SampleKind.UInt16)]
    public void Integer_samples_convert_to_the_floats_of_their_values(SampleKind kind)
    {
        var random = new Random(11);
        foreach (var (width, height, channels) in new[] { (1, 1, 1), (17, 3, 3), (33, 5, 4), (64, 2, 1) })
        {
            int count = width * height * channels, size = kind == SampleKind.UInt8 ? 1 : 2;
            var data = new byte[count * size];
            random.NextBytes(data);
            var floats = new ImagePixels(width, height, channels, kind, data).ToSingles();
            for (int i = 0; i < count; i++) Assert.Equal(size == 1 ? data[i] : BitConverter.ToUInt16(data, 2 * i), floats[i]);
            Assert.Equal(count, floats.Length);
        }
    }
}
