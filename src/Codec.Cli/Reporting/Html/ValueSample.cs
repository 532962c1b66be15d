using System.Collections;

namespace Codec.Cli.Reporting.Html;

/// <summary>
/// The values of one of a report's distributions, in bounded memory: every value up to <see cref="Capacity"/>, then a
/// uniform sample of that many (reservoir sampling, with a fixed seed, so the same run in the same order gives the same
/// page). Quantiles, histograms and the drift test read the sample; <see cref="Seen"/> counts every value. A run of up to
/// <see cref="Capacity"/> renders is drawn from all its values; a larger one from a sample whose quantiles are within a
/// fraction of a percent of the whole's.
/// </summary>
public sealed class ValueSample : IReadOnlyList<double>
{
    /// <summary>Values kept: 2 MB a distribution at most.</summary>
    public const int Capacity = 1 << 18;

    private readonly List<double> _values = [];
    private ulong _state = 0x9E3779B97F4A7C15;

    /// <summary>Every value added, sampled or not.</summary>
    public long Seen { get; private set; }

    public int Count => _values.Count;

    public double this[int index] => _values[index];

    public void Add(double value)
    {
        Seen++;
        if (_values.Count < Capacity)
        {
            _values.Add(value);
            return;
        }

        // Algorithm R: the n-th value replaces a kept one with probability Capacity / n.
        ulong slot = Next() % (ulong)Seen;
        if (slot < Capacity) _values[(int)slot] = value;
    }

    // SplitMix64: a small deterministic generator, good enough to pick slots uniformly.
    private ulong Next()
    {
        ulong z = _state += 0x9E3779B97F4A7C15;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }

    public IEnumerator<double> GetEnumerator() => _values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
