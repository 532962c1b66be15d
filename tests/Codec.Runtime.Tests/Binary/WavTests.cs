using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using Codec.Runtime.Binary.Audio;
using Codec.Runtime.Findings;
using Codec.Tests.Infrastructure;

namespace Codec.Tests.Binary;

/// <summary>WAV: files written by real tools (SoX, Python's wave, NVIDIA's samples, SciPy's tests), round trips, hostile chunks.</summary>
public sealed class WavTests
{
    public static TheoryData<string> Manifest()
    {
        var data = new TheoryData<string>();
        foreach (var line in File.ReadAllLines(Path.Combine(TestPaths.AudioFixtures, "manifest.txt")).Where(l => !l.StartsWith('#'))) data.Add(line);
        return data;
    }

    [Theory]
    [MemberData(nameof(Manifest))]
    public void Tool_written_files_decode_as_the_tool_describes_them(string entry)
    {
        var f = entry.Split('\t');
        var sink = new FindingSink();
        var wav = WavFile.Decode(File.ReadAllBytes(Path.Combine(TestPaths.AudioFixtures, f[0])), sink, f[0])!;
        Assert.DoesNotContain(sink.Findings, x => x.Severity != Severity.Info);
        Assert.Equal(int.Parse(f[1]), wav.Format.SampleRate);
        Assert.Equal(int.Parse(f[2]), wav.Format.Channels);
        Assert.Equal(int.Parse(f[3]), wav.Format.BitsPerSample);
        Assert.Equal(long.Parse(f[4]), wav.FrameCount);

        var samples = new float[wav.FrameCount * wav.Format.Channels];
        wav.CopyTo(samples);
        Assert.All(samples, s => Assert.InRange(s, -1f, 1f));
        Assert.True(samples.Max() > 0.3f, "a sine at half volume peaks near 0.5");
    }

    [Theory]
    [InlineData("sox_rifx_s24_stereo_48k.wav", "sox_s24_stereo_48k.wav")]
    [InlineData("sox_rifx_f32_mono_44k.wav", "sox_f32_mono_44k.wav")]
    public void Rifx_files_decode_to_the_samples_of_their_little_endian_twin(string rifx, string riff)
    {
        // SoX wrote both from the same synthesis: only the byte order differs.
        static (WavFile Wav, float[] Samples) Read(string name)
        {
            var wav = WavFile.Decode(File.ReadAllBytes(Path.Combine(TestPaths.AudioFixtures, name)), new FindingSink())!;
            var samples = new float[wav.FrameCount * wav.Format.Channels];
            wav.CopyTo(samples);
            return (wav, samples);
        }

        var (big, bigSamples) = Read(rifx);
        var (little, littleSamples) = Read(riff);
        Assert.True(big.Format.IsBigEndian);
        Assert.False(little.Format.IsBigEndian);
        Assert.Equal(littleSamples, bigSamples);
    }

    public static TheoryData<string, int, int, int> SharedFiles() => new()
    {
        { "Claire_neutral.wav", 16000, 1, 16 },
        { "Mark_joy.wav", 16000, 1, 16 },
        { "Claire_sadness_44.1khz_5_sec.wav", 44100, 1, 16 },
        { "test-44100Hz-le-1ch-4bytes.wav", 44100, 1, 32 },
        { "test-44100Hz-2ch-32bit-float-le.wav", 44100, 2, 32 },
        { "test-48000Hz-2ch-64bit-float-le-wavex.wav", 48000, 2, 64 },
        { "test-8000Hz-le-3ch-5S-24bit.wav", 8000, 3, 24 },
    };

    [FixtureTheory]
    [MemberData(nameof(SharedFiles))]
    public void Real_files_with_extra_chunks_extensible_formats_and_odd_sizes_decode(string name, int rate, int channels, int bits)
    {
        var sink = new FindingSink();
        var wav = WavFile.Decode(File.ReadAllBytes(Path.Combine(TestPaths.A2fFixtures, "wav", name)), sink, name)!;
        Assert.NotNull(wav);
        Assert.Equal((rate, channels, bits), (wav.Format.SampleRate, wav.Format.Channels, wav.Format.BitsPerSample));
        Assert.DoesNotContain(sink.Findings, x => x.Severity == Severity.Error);
        Assert.True(wav.FrameCount > 0);
        var samples = new float[wav.FrameCount * channels];
        wav.CopyTo(samples);
        Assert.All(samples, s => Assert.True(float.IsFinite(s)));
    }

    [FixtureFact]
    public void Chunks_after_the_data_are_walked_and_skipped()
    {
        var wav = WavFile.Decode(File.ReadAllBytes(Path.Combine(TestPaths.A2fFixtures, "wav", "Claire_neutral.wav")), new FindingSink())!;
        var ids = wav.Chunks.Select(c => c.Id).ToList();
        Assert.True(ids.IndexOf("data") < ids.IndexOf("LIST"), string.Join(",", ids));
        Assert.Contains("id3 ", ids);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Written_files_read_back(bool asFloat)
    {
        var samples = Enumerable.Range(0, 2 * 301).Select(i => MathF.Sin(i * 0.05f) * 0.8f).ToArray();
        var output = new ArrayBufferWriter<byte>();
        WavFile.Write(output, samples, channels: 2, sampleRate: 16000, asFloat);
        var wav = WavFile.Decode(output.WrittenMemory, new FindingSink())!;
        Assert.Equal(301, wav.FrameCount);
        var back = new float[samples.Length];
        wav.CopyTo(back);
        for (int i = 0; i < samples.Length; i++) Assert.Equal(samples[i], back[i], asFloat ? 0f : 1f / 32768);
    }

    // ------------------------------------------------------------------ hostile

    private static byte[] Riff(params (string Id, byte[] Body)[] chunks)
    {
        var body = new MemoryStream();
        body.Write("WAVE"u8);
        foreach (var (id, data) in chunks)
        {
            body.Write(Encoding.ASCII.GetBytes(id));
            var size = new byte[4];
            BinaryPrimitives.WriteUInt32LittleEndian(size, (uint)data.Length);
            body.Write(size);
            body.Write(data);
            if ((data.Length & 1) != 0) body.WriteByte(0);
        }

        var file = new MemoryStream();
        file.Write("RIFF"u8);
        var riffSize = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(riffSize, (uint)body.Length);
        file.Write(riffSize);
        body.Position = 0;
        body.CopyTo(file);
        return file.ToArray();
    }

    private static byte[] Fmt(int tag = 1, int channels = 1, int rate = 16000, int bits = 16)
    {
        var fmt = new byte[16];
        BinaryPrimitives.WriteUInt16LittleEndian(fmt, (ushort)tag);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(2), (ushort)channels);
        BinaryPrimitives.WriteUInt32LittleEndian(fmt.AsSpan(4), (uint)rate);
        BinaryPrimitives.WriteUInt32LittleEndian(fmt.AsSpan(8), (uint)(rate * channels * bits / 8));
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(12), (ushort)(channels * bits / 8));
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(14), (ushort)bits);
        return fmt;
    }

    [Fact]
    public void An_odd_sized_chunk_before_the_data_is_padded_and_skipped()
    {
        var wav = WavFile.Decode(Riff(("LIST", new byte[7]), ("fmt ", Fmt()), ("data", new byte[40])), new FindingSink())!;
        Assert.Equal(20, wav.FrameCount);
    }

    [Fact]
    public void A_data_size_beyond_the_end_is_a_finding_and_what_is_there_is_kept()
    {
        var file = Riff(("fmt ", Fmt()), ("data", new byte[40]));
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(file.Length - 44), 0x7FFFFFF0);
        var sink = new FindingSink();
        long allocated = Allocations.Measure(() => { sink.Reset(); WavFile.Decode(file, sink); });
        var wav = WavFile.Decode(file, sink)!;
        Assert.Equal(20, wav.FrameCount);
        Assert.Contains(sink.Findings, f => f.Code == FindingCodes.DataTruncated && f.Severity == Severity.Error && f.Offset == file.Length - 48);
        Assert.True(allocated < 16 * 1024, $"allocated {allocated}");
    }

    [Theory]
    [InlineData("not riff", "B801")]
    [InlineData("no fmt", "B803")]
    [InlineData("no data", "B803")]
    [InlineData("short fmt", "B803")]
    [InlineData("mp3 inside", "B804")]
    [InlineData("12-bit", "B804")]
    [InlineData("zero channels", "B803")]
    [InlineData("block align lies", "B803")]
    public void A_broken_file_is_one_located_error(string what, string code)
    {
        byte[] file = what switch
        {
            "not riff" => "RIFQ\0\0\0\0WAVE"u8.ToArray(),
            "no fmt" => Riff(("data", new byte[4])),
            "no data" => Riff(("fmt ", Fmt())),
            "short fmt" => Riff(("fmt ", new byte[10]), ("data", new byte[4])),
            "mp3 inside" => Riff(("fmt ", Fmt(tag: 0x55)), ("data", new byte[4])),
            "12-bit" => Riff(("fmt ", Fmt(bits: 12)), ("data", new byte[4])),
            "zero channels" => Riff(("fmt ", Fmt(channels: 0)), ("data", new byte[4])),
            _ => BlockAlignLie(),
        };
        var sink = new FindingSink();
        Assert.Null(WavFile.Decode(file, sink));
        var f = Assert.Single(sink.Findings, x => x.Severity == Severity.Error);
        Assert.Equal(code, f.Code);
        Assert.True(f.Offset >= 0);
    }

    private static byte[] BlockAlignLie()
    {
        var fmt = Fmt(channels: 2);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(12), 3);
        return Riff(("fmt ", fmt), ("data", new byte[12]));
    }

    [Fact]
    public void Rf64_takes_the_data_size_from_ds64()
    {
        var ds64 = new byte[28];
        BinaryPrimitives.WriteUInt64LittleEndian(ds64.AsSpan(8), 40);
        var file = Riff(("ds64", ds64), ("fmt ", Fmt()), ("data", new byte[40]));
        "RF64"u8.CopyTo(file);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(4), 0xFFFFFFFF);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(file.Length - 44), 0xFFFFFFFF);
        var wav = WavFile.Decode(file, new FindingSink())!;
        Assert.Equal(20, wav.FrameCount);
    }
}
