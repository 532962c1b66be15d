using Codec.Cli.Reporting.Html;

namespace Codec.Tests.Cli;

/// <summary>A report's distributions keep every value up to their capacity, then a uniform, repeatable sample of them.</summary>
public sealed class ValueSampleTests
{
    [Fact]
    public void Every_value_is_kept_up_to_the_capacity_in_order()
    {
        var sample = new ValueSample();
        for (int i = 0; i < 1000; i++) sample.Add(i);
        Assert.Equal(1000, sample.Count);
        Assert.Equal(1000, sample.Seen);
        Assert.Equal(Enumerable.Range(0, 1000).Select(i => (double)i), sample);
    }

    [Fact]
    public void Past_the_capacity_a_uniform_sample_is_kept_the_same_way_every_time()
    {
        const int N = 4 * ValueSample.Capacity;
        ValueSample Fill()
        {
            var s = new ValueSample();
            for (int i = 0; i < N; i++) s.Add(i);
            return s;
        }

        var sample = Fill();
        Assert.Equal(ValueSample.Capacity, sample.Count);
        Assert.Equal(N, sample.Seen);
        Assert.Equal(sample, Fill());
        // Uniform over [0, N): its quartiles are the whole's to within half a percent of the range, and values from
        // every quarter of the stream were kept.
        foreach (double q in new[] { 0.25, 0.5, 0.75 }) Assert.InRange(RunStats.Quantile(sample, q), (q - 0.005) * N, (q + 0.005) * N);
        Assert.True(sample.Count(v => v >= 0.75 * N) > ValueSample.Capacity / 5);
    }
}
