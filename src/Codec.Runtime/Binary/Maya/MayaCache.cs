using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using Codec.Runtime.Findings;

namespace Codec.Runtime.Binary.Maya;

/// <summary>A geometry cache's positions read whole: <c>[frames, vertices, 3]</c> float32 of the channel <see cref="ChannelName"/>.</summary>
public sealed record MayaGeometryCache(MayaCacheDescription Description, string ChannelName, int Frames, int Vertices, float[] Positions)
{
    /// <summary>Every channel the cache holds, the one read among them.</summary>
    public IReadOnlyList<MayaCacheChannel> Channels { get; init; } = [];
}

/// <summary>Receives one frame of a geometry cache: its index, the frame count, and x y z per vertex.</summary>
public delegate void FrameVisitor(int frame, int frameCount, ReadOnlySpan<float> positions);

/// <summary>
/// Maya geometry caches as vertex animation: the positions of one channel of a <see cref="MayaCacheFile"/> — the one
/// asked for by name, or the one that holds the vertex positions when that can be told. Writes OneFile FOR4 mcc
/// caches with their XML.
/// </summary>
public static class MayaCache
{
    /// <summary>
    /// Reads the positions of <paramref name="channel"/> (by name; by default the cache's vertex positions channel,
    /// see <see cref="MayaCacheFile.GeometryChannel"/>); null (with findings) when the cache cannot be used or the
    /// channel cannot be chosen — that finding names every channel.
    /// </summary>
    public static MayaGeometryCache? Read(string xmlPath, FindingSink sink, string? channel = null)
    {
        using var cache = MayaCacheFile.Open(xmlPath, sink);
        if (cache is null) return null;
        var chosen = cache.GeometryChannel(channel, out string why);
        if (chosen is null)
        {
            sink.Add(new Finding(FindingCodes.CacheChannelChoice, Severity.Error, xmlPath, why));
            return null;
        }

        if (!cache.FitsOneArray(chosen, sink)) return null;
        return new MayaGeometryCache(cache.Description, chosen.Name, chosen.Frames, chosen.Elements, cache.Read(chosen)) { Channels = cache.Channels };
    }

    /// <summary>
    /// Writes a OneFile FOR4 mcc cache: <paramref name="xmlPath"/> and the <c>.mc</c> beside it, one MYCH per frame
    /// with TIME, CHNM, SIZE and FVCA. Existing files are not overwritten unless <paramref name="overwrite"/>.
    /// </summary>
    public static void Write(string xmlPath, ReadOnlySpan<float> positions, int vertices, double framesPerSecond, string channelName = "meshShape", bool overwrite = false)
    {
        if (vertices <= 0 || positions.Length % (vertices * 3) != 0) throw new ArgumentException($"{positions.Length} floats are not whole frames of {vertices} vertices × 3");
        if (!(framesPerSecond > 0)) throw new ArgumentOutOfRangeException(nameof(framesPerSecond));
        int frames = positions.Length / (vertices * 3);
        int perFrame = (int)Math.Round(MayaCacheDescription.TicksPerSecond / framesPerSecond);
        string mcPath = MayaCacheFile.DataPathOf(xmlPath);
        var mode = overwrite ? FileMode.Create : FileMode.CreateNew;

        var output = new ArrayBufferWriter<byte>();
        WriteData(output, positions, vertices, frames, perFrame, channelName);
        using (var mc = new FileStream(mcPath, mode, FileAccess.Write)) mc.Write(output.WrittenSpan);

        var description = new MayaCacheDescription("OneFile", "mcc", 0, (frames - 1) * perFrame, perFrame, "2.0",
            new[] { new MayaChannelDescription(channelName, "FloatVectorArray", "positions", "Regular", perFrame, 0, (frames - 1) * perFrame) });
        using var xml = new FileStream(xmlPath, mode, FileAccess.Write);
        xml.Write(Encoding.UTF8.GetBytes(description.ToXml()));
    }

    /// <summary>The FOR4 data of a OneFile cache (header group, then a MYCH group per frame).</summary>
    public static void WriteData(IBufferWriter<byte> output, ReadOnlySpan<float> positions, int vertices, int frames, int ticksPerFrame, string channelName)
    {
        var name = Encoding.UTF8.GetBytes(channelName + "\0");
        int namePadded = (name.Length + 3) & ~3;
        Group(output, "CACH", 40);
        Chunk(output, "VRSN", 4);
        output.Write("0.1\0"u8);
        Chunk(output, "STIM", 4);
        Int(output, 0);
        Chunk(output, "ETIM", 4);
        Int(output, (frames - 1) * ticksPerFrame);
        for (int f = 0; f < frames; f++)
        {
            int dataBytes = vertices * 12;
            Group(output, "MYCH", 4 + 12 + (8 + namePadded) + 12 + 8 + dataBytes);
            Chunk(output, "TIME", 4);
            Int(output, f * ticksPerFrame);
            Chunk(output, "CHNM", name.Length);
            var padded = output.GetSpan(namePadded)[..namePadded];
            padded.Clear();
            name.CopyTo(padded);
            output.Advance(namePadded);
            Chunk(output, "SIZE", 4);
            Int(output, vertices);
            Chunk(output, "FVCA", dataBytes);
            var target = output.GetSpan(dataBytes)[..dataBytes];
            BinaryPrimitives.ReverseEndianness(
                System.Runtime.InteropServices.MemoryMarshal.Cast<float, int>(positions.Slice(f * vertices * 3, vertices * 3)),
                System.Runtime.InteropServices.MemoryMarshal.Cast<byte, int>(target));
            output.Advance(dataBytes);
        }
    }

    private static void Group(IBufferWriter<byte> output, string type, int size)
    {
        output.Write("FOR4"u8);
        Int(output, size);
        output.Write(Encoding.ASCII.GetBytes(type));
    }

    private static void Chunk(IBufferWriter<byte> output, string tag, int size)
    {
        output.Write(Encoding.ASCII.GetBytes(tag));
        Int(output, size);
    }

    private static void Int(IBufferWriter<byte> output, int value)
    {
        BinaryPrimitives.WriteInt32BigEndian(output.GetSpan(4), value);
        output.Advance(4);
    }
}
