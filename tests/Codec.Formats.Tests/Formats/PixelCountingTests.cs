using Codec.Formats.Validation.Folders;

namespace Codec.Tests.Formats;

/// <summary>The render checks' per-pixel counts, several pixels at a time, against the pixel-by-pixel loop they replace.</summary>
public sealed class PixelCountingTests
{
    // Values of every kind a render's image holds, each length leaving a different tail after the vectors.
    private static float[] Values(Random random, int length) => Enumerable.Range(0, length).Select(_ => random.Next(12) switch
    {
        0 => float.NaN,
        1 => float.PositiveInfinity,
        2 => float.NegativeInfinity,
        3 => 1.0f,
        4 => MathF.BitIncrement(1.0f),
        5 => MathF.BitDecrement(1.0f),
        _ => (float)(random.NextDouble() * 4 - 1),
    }).ToArray();

    public static TheoryData<int> Lengths => new() { 0, 1, 7, 16, 31, 64, 1000, 4099 };

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Non_finite_values_are_counted(int length)
    {
        var values = Values(new Random(length), length);
        Assert.Equal(values.LongCount(v => !float.IsFinite(v)), PixelCounting.NonFinite(values));
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Surface_values_outside_a_range_are_counted(int length)
    {
        var random = new Random(length + 1);
        var values = Values(random, length);
        var surface = Enumerable.Range(0, length).Select(_ => random.Next(3) > 0).ToArray();
        // Bounds of doubles between floats, on floats, and unbounded.
        foreach (var (low, high) in new[] { (0.1, 1.0), (1.0000000001, 2.9999999), (double.NegativeInfinity, double.PositiveInfinity), (-1e300, 1e300), (0.5, 0.25) })
        {
            long inside = 0, outside = 0;
            for (int i = 0; i < length; i++)
            {
                if (!surface[i] || !float.IsFinite(values[i])) continue;
                inside++;
                if (values[i] < low || values[i] > high) outside++;
            }

            Assert.Equal((inside, outside), PixelCounting.OnSurface(values, surface, PixelCounting.LowBound(low), PixelCounting.HighBound(high)));
        }
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Values_at_least_a_threshold_are_flagged(int length)
    {
        var values = Values(new Random(length + 2), length);
        foreach (double threshold in new[] { 1.0, 0.3333333333, 255.0, double.PositiveInfinity })
        {
            var flags = new bool[length];
            PixelCounting.AtLeast(values, PixelCounting.LowBound(threshold), flags);
            Assert.Equal(values.Select(v => v >= threshold), flags);
        }
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Disagreements_with_the_mask_are_counted(int length)
    {
        var random = new Random(length + 3);
        var values = Values(random, length);
        var labels = Enumerable.Range(0, length).Select(_ => (ushort)(random.Next(4) == 0 ? 0 : random.Next(3) == 0 ? 65535 : random.Next(1, 5))).ToArray();
        foreach (ushort? label in new ushort?[] { null, 2, 65535, 0 })
        {
            long expected = Enumerable.Range(0, length).LongCount(i => (values[i] > 0.5f) != (label is { } l ? labels[i] == l : labels[i] != 0));
            Assert.Equal(expected, PixelCounting.Disagreements(values, 0.5f, labels, label));
        }
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void The_surface_less_some_classes_is_the_surface_where_the_label_is_none_of_them(int length)
    {
        var random = new Random(length + 4);
        var surface = Enumerable.Range(0, length).Select(_ => random.Next(3) > 0).ToArray();
        var labels = Enumerable.Range(0, length).Select(_ => (ushort)(random.Next(2) == 0 ? random.Next(0, 12) : random.Next(65536))).ToArray();
        // A few classes (compared in vectors), and more than the vectors take (a table).
        foreach (var dropped in new[] { new ushort[] { 3 }, new ushort[] { 0, 5, 65535 }, Enumerable.Range(0, 12).Select(v => (ushort)v).ToArray() })
        {
            var held = new bool[length];
            PixelCounting.Without(surface, labels, dropped, held);
            Assert.Equal(Enumerable.Range(0, length).Select(i => surface[i] && !dropped.Contains(labels[i])), held);
        }
    }

    [Theory]
    [InlineData(0.05)]
    [InlineData(0.02)]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(3.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_normal_is_unit_by_its_squared_length_exactly_when_it_is_by_its_length(double tolerance)
    {
        static bool Unit(float squared, double tolerance) => Math.Abs(Math.Sqrt(squared) - 1) <= tolerance;
        var (low, high) = PixelCounting.UnitLengthSquares(tolerance);
        var random = new Random(9);
        // Every float within a few thousand steps of both bounds, and random lengths, NaN and infinity.
        var near = new[] { low, high, 1f, (float)((1 - tolerance) * (1 - tolerance)), (float)((1 + tolerance) * (1 + tolerance)) }
            .Where(float.IsFinite).SelectMany(b => Enumerable.Range(-2000, 4001).Select(k => BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(b) + k)));
        var others = Enumerable.Range(0, 20000).Select(_ => (float)(random.NextDouble() * 4)).Append(0f).Append(float.NaN).Append(float.PositiveInfinity).Append(float.MaxValue);
        foreach (float squared in near.Concat(others).Where(v => !(v < 0)))
        {
            Assert.True(Unit(squared, tolerance) == (squared >= low && squared <= high), $"{squared:R}: bounds {low:R}..{high:R}");
        }
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(33, 31)]
    [InlineData(64, 64)]
    [InlineData(1000, 3)]
    public void Normals_off_unit_length_are_counted_and_the_first_is_named_as_a_loop_over_the_pixels_finds_them(int width, int height)
    {
        const double tolerance = 0.05, share = 0.01;
        var random = new Random(width * height);
        int pixels = width * height;
        var values = new float[pixels * 3];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = random.Next(50) switch { 0 => float.NaN, 1 => float.PositiveInfinity, _ => (float)((random.NextDouble() * 2) - 1) };
        }

        // Most pixels unit length (within the tolerance or just beyond its bounds), some not.
        for (int p = 0; p < pixels; p++)
        {
            if (random.Next(3) == 0) continue;
            double x = values[p * 3], y = values[p * 3 + 1], z = values[p * 3 + 2], length = Math.Sqrt((x * x) + (y * y) + (z * z));
            double target = 1 + ((random.NextDouble() - 0.5) * 0.11);
            for (int c = 0; c < 3; c++) values[p * 3 + c] = (float)(values[p * 3 + c] / length * target);
        }

        var surface = Enumerable.Range(0, pixels).Select(_ => random.Next(4) > 0).ToArray();
        var data = new byte[values.Length * 4];
        Buffer.BlockCopy(values, 0, data, 0, data.Length);
        var image = new Codec.Runtime.Binary.Image.ImagePixels(width, height, 3, Codec.Runtime.Binary.Image.SampleKind.Float32, data);

        long off = 0, inside = 0;
        int first = -1;
        for (int p = 0; p < pixels; p++)
        {
            if (!surface[p]) continue;
            inside++;
            double length = Math.Sqrt((values[p * 3] * values[p * 3]) + (values[p * 3 + 1] * values[p * 3 + 1]) + (values[p * 3 + 2] * values[p * 3 + 2]));
            if (Math.Abs(length - 1) <= tolerance) continue;
            off++;
            if (first < 0) first = p;
        }

        var sink = new Codec.Runtime.Findings.FindingSink();
        PixelChecks.CheckNormals(image, surface, tolerance, share, sink);
        if (off <= share * inside)
        {
            Assert.Empty(sink.Findings);
            return;
        }

        string message = Assert.Single(sink.Findings).Message;
        Assert.StartsWith(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{off:N0} of {inside:N0} surface pixels"), message, StringComparison.Ordinal);
        Assert.Contains($"(first at ({first % width}, {first / width})", message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Values_outside_a_range_on_the_surface_are_counted_NaN_among_them(int length)
    {
        var random = new Random(length + 5);
        var values = Values(random, length);
        var surface = Enumerable.Range(0, length).Select(_ => random.Next(3) > 0).ToArray();
        long expected = Enumerable.Range(0, length).LongCount(i => surface[i] && !(values[i] >= -0.5f && values[i] <= 2f));
        Assert.Equal(expected, PixelCounting.OutsideOnSurface(values, surface, -0.5f, 2f));
    }

    [Fact]
    public void Squared_lengths_may_be_written_over_the_values_they_come_from()
    {
        var random = new Random(6);
        foreach (int channels in new[] { 3, 4 })
        {
            var values = Enumerable.Range(0, 300 * channels).Select(_ => (float)((random.NextDouble() * 4) - 2)).ToArray();
            var expected = Enumerable.Range(0, 300).Select(p => (values[p * channels] * values[p * channels]) + (values[p * channels + 1] * values[p * channels + 1]) + (values[p * channels + 2] * values[p * channels + 2])).ToArray();
            PixelCounting.SquaredLengths(values, channels, values.AsSpan(0, 300));
            Assert.Equal(expected, values[..300]);
        }
    }
}
