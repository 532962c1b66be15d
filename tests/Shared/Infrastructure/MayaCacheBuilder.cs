using System.Buffers.Binary;
using System.Text;
using Codec.Runtime.Binary.Maya;

namespace Codec.Tests.Infrastructure;

/// <summary>One channel a test cache holds: its Maya type, interpretation, element count and the value at (frame, index).</summary>
public sealed record TestMayaChannel(string Name, string Type, string Interpretation, int Elements, Func<int, int, double> Value)
{
    public int Components => Type.Contains("Vector", StringComparison.Ordinal) ? 3 : 1;
    public bool IsDouble => Type.StartsWith("Double", StringComparison.Ordinal);

    public string Tag => Type switch
    {
        "FloatVectorArray" => "FVCA",
        "DoubleVectorArray" => "DVCA",
        "FloatArray" => "FBCA",
        "DoubleArray" => "DBLA",
        _ => throw new ArgumentException(Type),
    };

    /// <summary>The channel's frame <paramref name="frame"/> as float32, as the reader hands it out.</summary>
    public float[] Frame(int frame) => Enumerable.Range(0, Elements * Components).Select(i => (float)Value(frame, i)).ToArray();
}

/// <summary>
/// Writes Maya caches the way Maya lays them out, for tests: several channels per sample, FOR4 (mcc) or FOR8 (mcx),
/// float or double, OneFile (TIME per sample) or OneFilePerFrame (<c>&lt;stem&gt;Frame&lt;N&gt;[Tick&lt;T&gt;].mc</c>,
/// no TIME), samples every <c>samplingRate</c> ticks. Tags, sizes and alignment follow Autodesk's cache example.
/// </summary>
public static class MayaCacheBuilder
{
    /// <summary>Writes <c>&lt;stem&gt;.xml</c> and its data into <paramref name="folder"/>; returns the .xml's path.</summary>
    public static string Write(string folder, string stem, IReadOnlyList<TestMayaChannel> channels, int samples,
        int timePerFrame = 250, int samplingRate = 250, int startTime = 0, bool for8 = false, bool perFrame = false)
    {
        int end = startTime + ((samples - 1) * samplingRate);
        string extension = for8 ? ".mcx" : ".mc";
        var description = new MayaCacheDescription(perFrame ? "OneFilePerFrame" : "OneFile", for8 ? "mcx" : "mcc", startTime, end, timePerFrame, "2.0",
            channels.Select(c => new MayaChannelDescription(c.Name, c.Type, c.Interpretation, "Regular", samplingRate, startTime, end)).ToList());
        string xml = Path.Combine(folder, stem + ".xml");
        File.WriteAllText(xml, description.ToXml());
        if (perFrame)
        {
            for (int s = 0; s < samples; s++)
            {
                int time = startTime + (s * samplingRate);
                string name = $"{stem}Frame{time / timePerFrame}{(time % timePerFrame == 0 ? "" : $"Tick{time % timePerFrame}")}{extension}";
                File.WriteAllBytes(Path.Combine(folder, name), Data(channels, [s], startTime, end, samplingRate, for8, withTime: false));
            }
        }
        else
        {
            File.WriteAllBytes(Path.Combine(folder, stem + extension), Data(channels, Enumerable.Range(0, samples).ToArray(), startTime, end, samplingRate, for8, withTime: true));
        }

        return xml;
    }

    private static byte[] Data(IReadOnlyList<TestMayaChannel> channels, int[] samples, int start, int end, int samplingRate, bool for8, bool withTime)
    {
        var file = new List<byte>();
        var header = new Group(for8);
        header.Chunk("VRSN", "0.1\0"u8.ToArray());
        header.Chunk("STIM", header.Int(start));
        header.Chunk("ETIM", header.Int(end));
        header.WriteTo(file, "CACH");
        foreach (int s in samples)
        {
            var sample = new Group(for8);
            if (withTime) sample.Chunk("TIME", sample.Int(start + (s * samplingRate)));
            foreach (var channel in channels)
            {
                sample.Chunk("CHNM", Encoding.UTF8.GetBytes(channel.Name + "\0"));
                // SIZE is the element count in the first 4 bytes (then 4 of padding in FOR8).
                var size = new byte[for8 ? 8 : 4];
                BinaryPrimitives.WriteInt32BigEndian(size, channel.Elements);
                sample.Chunk("SIZE", size);
                var values = new byte[channel.Elements * channel.Components * (channel.IsDouble ? 8 : 4)];
                for (int i = 0; i < channel.Elements * channel.Components; i++)
                {
                    if (channel.IsDouble) BinaryPrimitives.WriteDoubleBigEndian(values.AsSpan(i * 8), channel.Value(s, i));
                    else BinaryPrimitives.WriteSingleBigEndian(values.AsSpan(i * 4), (float)channel.Value(s, i));
                }

                sample.Chunk(channel.Tag, values);
            }

            sample.WriteTo(file, "MYCH");
        }

        return file.ToArray();
    }

    // A FOR4/FOR8 group's children: tags of 4 (FOR8: 4 + 4 of padding) bytes, sizes of 4 (FOR8: 8), payloads padded to 4 (8).
    private sealed class Group(bool for8)
    {
        private readonly List<byte> _content = [];
        private int Align => for8 ? 8 : 4;

        public byte[] Int(int value)
        {
            var bytes = new byte[for8 ? 8 : 4];
            BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(for8 ? 4 : 0), value);
            return bytes;
        }

        public void Chunk(string tag, byte[] payload)
        {
            Tag(_content, tag);
            Size(_content, payload.Length);
            _content.AddRange(payload);
            while (_content.Count % Align != 0) _content.Add(0);
        }

        public void WriteTo(List<byte> file, string type)
        {
            Tag(file, for8 ? "FOR8" : "FOR4");
            Size(file, 4 + _content.Count);
            file.AddRange(Encoding.ASCII.GetBytes(type));
            file.AddRange(_content);
        }

        private void Tag(List<byte> to, string tag)
        {
            to.AddRange(Encoding.ASCII.GetBytes(tag));
            if (for8) to.AddRange(new byte[4]);
        }

        private void Size(List<byte> to, long size)
        {
            var bytes = new byte[for8 ? 8 : 4];
            if (for8) BinaryPrimitives.WriteInt64BigEndian(bytes, size);
            else BinaryPrimitives.WriteInt32BigEndian(bytes, (int)size);
            to.AddRange(bytes);
        }
    }
}
