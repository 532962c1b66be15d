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
}
