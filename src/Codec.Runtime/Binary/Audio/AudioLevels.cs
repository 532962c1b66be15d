namespace Codec.Runtime.Binary.Audio;

/// <summary>
/// What a recording's samples say about its quality, measured once when it is read: its peak and mean level, its DC
/// offset, how many samples sit at full scale in runs (clipping), and the level of each short window (silence). The
/// thresholds that make these a problem are the caller's (a dataset contract declares them).
/// </summary>
public sealed class AudioLevels
{
    /// <summary>The length of a window whose level counts for silence: 50 ms, a syllable's scale.</summary>
    public const double WindowSeconds = 0.05;

    // Runs at full scale longer than this are counted here: no threshold asks for more.
    private const int LongestRunCounted = 64;

    private readonly long[] _samplesInRunsOf = new long[LongestRunCounted + 1];

    private AudioLevels(long samples) => Samples = samples;

    /// <summary>Samples measured (every channel's).</summary>
    public long Samples { get; }

    /// <summary>The largest magnitude of any sample, as a share of full scale.</summary>
    public double Peak { get; private set; }

    /// <summary>The level of the whole track (root mean square), in dB below full scale; negative infinity for silence.</summary>
    public double RmsDb { get; private set; }

    /// <summary>The largest mean of one channel's samples, as a share of full scale (a DC offset of the recording chain).</summary>
    public double DcOffset { get; private set; }

    /// <summary>Each 50 ms window's level (all channels), in dB below full scale, in order.</summary>
    public IReadOnlyList<double> WindowDb { get; private set; } = [];

    /// <summary>The peak in dB below full scale; negative infinity for silence.</summary>
    public double PeakDb => Decibels(Peak);

    /// <summary>Samples at full scale in runs of at least <paramref name="run"/> consecutive samples of one channel.</summary>
    public long ClippedSamples(int run)
    {
        long total = 0;
        for (int r = Math.Clamp(run, 1, LongestRunCounted); r <= LongestRunCounted; r++) total += _samplesInRunsOf[r];
        return total;
    }

    /// <summary>The share of windows quieter than <paramref name="db"/> dB below full scale.</summary>
    public double SilentShare(double db) => WindowDb.Count == 0 ? 1 : WindowDb.Count(w => w < db) / (double)WindowDb.Count;

    /// <summary>
    /// Measures <paramref name="interleaved"/> samples of <paramref name="channels"/> channels at
    /// <paramref name="sampleRate"/>; a sample counts as full scale from <paramref name="fullScale"/> (the largest
    /// magnitude the encoding holds: 32767/32768 for 16-bit PCM).
    /// </summary>
    public static AudioLevels Measure(ReadOnlySpan<float> interleaved, int channels, int sampleRate, double fullScale)
    {
        channels = Math.Max(1, channels);
        var levels = new AudioLevels(interleaved.Length);
        var sums = new double[channels];
        var runs = new int[channels];
        int frames = interleaved.Length / channels, window = Math.Max(1, (int)(sampleRate * WindowSeconds));
        var windows = new List<double>(frames / window + 1);
        double peak = 0, squares = 0, windowSquares = 0;
        for (int frame = 0, at = 0; frame < frames; frame++)
        {
            for (int ch = 0; ch < channels; ch++, at++)
            {
                double v = interleaved[at];
                double magnitude = Math.Abs(v);
                if (!(magnitude <= peak)) peak = double.IsNaN(magnitude) ? peak : magnitude;
                sums[ch] += v;
                squares += v * v;
                windowSquares += v * v;
                if (magnitude >= fullScale) runs[ch]++;
                else levels.EndRun(ref runs[ch]);
            }

            if ((frame + 1) % window == 0)
            {
                windows.Add(Decibels(Math.Sqrt(windowSquares / ((double)window * channels))));
                windowSquares = 0;
            }
        }

        for (int ch = 0; ch < channels; ch++) levels.EndRun(ref runs[ch]);
        levels.Peak = peak;
        levels.RmsDb = interleaved.Length == 0 ? double.NegativeInfinity : Decibels(Math.Sqrt(squares / interleaved.Length));
        levels.DcOffset = frames == 0 ? 0 : sums.Max(s => Math.Abs(s / frames));
        levels.WindowDb = windows;
        return levels;
    }

    /// <summary>The magnitude a sample of an encoding reaches at full scale: the largest positive code of PCM, 1 for float.</summary>
    public static double FullScaleOf(int bitsPerSample, bool isFloat) =>
        isFloat || bitsPerSample < 2 ? 1.0 : (Math.Pow(2, bitsPerSample - 1) - 1) / Math.Pow(2, bitsPerSample - 1);

    private void EndRun(ref int run)
    {
        if (run > 0) _samplesInRunsOf[Math.Min(run, LongestRunCounted)] += run;
        run = 0;
    }

    private static double Decibels(double share) => share > 0 ? 20 * Math.Log10(share) : double.NegativeInfinity;
}
