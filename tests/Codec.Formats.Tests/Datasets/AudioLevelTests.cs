using System.Buffers;
using Codec.Formats.A2f;
using Codec.Formats.Datasets;
using Codec.Formats.Findings;
using Codec.Runtime.Binary.Audio;
using Codec.Runtime.Findings;
using Codec.Tests.Infrastructure;

namespace Codec.Tests.Formats;

/// <summary>
/// An Audio2Face-3D track is fit to learn from: clipping, mostly silence, a DC offset and a track far too quiet are
/// warnings at the track (D908), with the thresholds the layout declares; NVIDIA's real speech clips pass.
/// </summary>
public sealed class AudioLevelTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("codec-audio-").FullName;

    public AudioLevelTests()
    {
        string from = Path.Combine(TestPaths.SampleData, "a2f");
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories)) Directory.CreateDirectory(_root + dir[from.Length..]);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories)) File.Copy(file, _root + file[from.Length..]);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private const string Track = "audio/cp1_neutral.wav";

    // Speech-like: a tone whose loudness comes and goes (a syllable every quarter second), at its own peak level.
    private static float[] Speech(int count, int rate, double peak) =>
        Enumerable.Range(0, count).Select(i => (float)(peak * Math.Abs(Math.Sin(Math.PI * i / (rate / 4.0))) * Math.Sin(2 * Math.PI * 220 * i / rate))).ToArray();

    // Replaces the sample's track by samples of the same length and rate (so that its duration still matches its shot).
    private void Write(string relative, Func<int, int, float[]> samples)
    {
        string path = Path.Combine(_root, relative);
        var original = WavFile.Decode(File.ReadAllBytes(path), new FindingSink())!;
        var output = new ArrayBufferWriter<byte>();
        WavFile.Write(output, samples((int)original.FrameCount, original.Format.SampleRate), 1, original.Format.SampleRate, asFloat32: false);
        File.WriteAllBytes(path, output.WrittenSpan.ToArray());
    }

    private List<string> LevelFindings(string relative = Track) => DatasetValidator.Check(A2fDataset.Contract, _root)
        .Where(r => r.Path.EndsWith(relative.Replace('/', Path.DirectorySeparatorChar), StringComparison.Ordinal))
        .SelectMany(r => r.Findings).Where(f => f.Code == DatasetFindingCodes.AudioQuality).Select(f => $"{f.Severity} {f.Message}").ToList();

    [Fact]
    public void A_clean_track_is_fit()
    {
        Write(Track, (n, rate) => Speech(n, rate, 0.5));
        Assert.Empty(LevelFindings());
    }

    [Fact]
    public void A_clipped_track_is_a_warning_with_the_share_clipped()
    {
        Write(Track, (n, rate) => Speech(n, rate, 3).Select(v => Math.Clamp(v, -1f, 1f)).ToArray());
        var finding = Assert.Single(LevelFindings());
        Assert.StartsWith("Warning clips: ", finding);
        Assert.Contains("in runs of 3 or more; at most 0.1% may", finding);
    }

    [Fact]
    public void A_silent_track_is_mostly_silence_and_far_too_quiet()
    {
        Write(Track, (n, _) => new float[n]);
        var findings = LevelFindings();
        Assert.Equal(2, findings.Count);
        Assert.Contains(findings, f => f.Contains("mostly silence: 100% of its 50 ms windows are below -50 dBFS"));
        Assert.Contains(findings, f => f.Contains("far too quiet: its loudest sample is at silence"));
    }

    [Fact]
    public void A_dc_offset_is_named()
    {
        Write(Track, (n, rate) => Speech(n, rate, 0.4).Select(v => v + 0.05f).ToArray());
        Assert.Contains("a DC offset of 0.05", Assert.Single(LevelFindings()));
    }

    [Fact]
    public void A_track_far_too_quiet_is_named_with_its_peak()
    {
        Write(Track, (n, rate) => Speech(n, rate, 0.01));
        Assert.Contains("far too quiet: its loudest sample is at -40 dBFS; a usable track reaches -30 dBFS", Assert.Single(LevelFindings()));
    }

    [Fact]
    public void Augmented_tracks_are_held_to_the_same_levels()
    {
        Write("audio/aug/voice1/cp2_anger.wav", (n, _) => new float[n]);
        Assert.Equal(2, LevelFindings("audio/aug/voice1/cp2_anger.wav").Count);
    }

    [FixtureFact]
    public void NVIDIAs_real_speech_clips_are_fit()
    {
        // The real clips, measured: what the layout's thresholds were calibrated on.
        foreach (var name in new[] { "Claire_neutral.wav", "Claire_sadness_44.1khz_5_sec.wav", "Mark_joy.wav" })
        {
            var wav = WavFile.Decode(File.ReadAllBytes(Path.Combine(TestPaths.A2fFixtures, "wav", name)), new FindingSink())!;
            var samples = new float[wav.FrameCount * wav.Format.Channels];
            wav.CopyTo(samples);
            var levels = AudioLevels.Measure(samples, wav.Format.Channels, wav.Format.SampleRate, AudioLevels.FullScaleOf(wav.Format.BitsPerSample, wav.Format.IsFloat));
            Assert.Equal(0, levels.ClippedSamples(3));
            Assert.InRange(levels.SilentShare(-50), 0.1, 0.3);
            Assert.True(levels.DcOffset < 0.001, $"{name}: DC {levels.DcOffset}");
            Assert.InRange(levels.PeakDb, -3, 0);
        }

        // And as a dataset's track, none is a finding (its length is another matter: D910).
        File.Copy(Path.Combine(TestPaths.A2fFixtures, "wav", "Claire_neutral.wav"), Path.Combine(_root, Track), overwrite: true);
        Assert.Empty(LevelFindings());
    }
}
