using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Codec.Runtime.Files;
using Codec.Runtime.Findings;

namespace Codec.Runtime.Binary.Maya;

/// <summary>A geometry cache read whole: its description, its positions as <c>[frames, vertices, 3]</c> float32.</summary>
public sealed record MayaGeometryCache(MayaCacheDescription Description, string ChannelName, int Frames, int Vertices, float[] Positions);

/// <summary>Receives one frame of a geometry cache: its index, the frame count, and x y z per vertex.</summary>
public delegate void FrameVisitor(int frame, int frameCount, ReadOnlySpan<float> positions);

/// <summary>What a geometry cache holds, without its positions.</summary>
public sealed record MayaCacheShape(MayaCacheDescription Description, string ChannelName, int Frames, int Vertices);

/// <summary>
/// Maya geometry caches as a whole: the <c>.xml</c> plus its data — one <c>&lt;base&gt;.mc</c> (or <c>.mcx</c>) for
/// OneFile, or <c>&lt;base&gt;Frame&lt;N&gt;[Tick&lt;T&gt;].mc</c> per sample for OneFilePerFrame — cross-checked:
/// channel names and types, sample count and times, array lengths. Writes OneFile FOR4 mcc caches with their XML.
/// </summary>
public static class MayaCache
{
    private static readonly Regex FrameFile = new(@"Frame(?<frame>-?[0-9]+)(Tick(?<tick>[0-9]+))?\.(mc|mcx)$", RegexOptions.CultureInvariant);

    /// <summary>Reads the cache described by <paramref name="xmlPath"/>; null (with findings) when it cannot be used.</summary>
    public static MayaGeometryCache? Read(string xmlPath, FindingSink sink)
    {
        // Each frame is converted straight into its place in the whole array.
        float[]? positions = null;
        var shape = Load(xmlPath, sink, (frame, frameCount, length) =>
        {
            positions ??= new float[(long)length * frameCount];
            return positions.AsSpan(frame * length, length);
        }, null);
        return shape is null ? null : new MayaGeometryCache(shape.Description, shape.ChannelName, shape.Frames, shape.Vertices, positions ?? []);
    }

    /// <summary>
    /// Checks the cache described by <paramref name="xmlPath"/> and hands each frame's positions (float32, x y z per
    /// vertex) to <paramref name="visit"/> from one reused buffer: the data files are mapped, never copied whole.
    /// Returns the cache's shape, or null (with findings) when it cannot be used; nothing is visited then.
    /// </summary>
    public static MayaCacheShape? Scan(string xmlPath, FindingSink sink, FrameVisitor? visit)
    {
        float[]? frame = null;
        // Without a visitor only the structure is checked: no frame is converted.
        return Load(xmlPath, sink, visit is null ? null : (_, _, length) => frame ??= new float[length], visit);
    }

    // Where frame i of n (length floats) is converted to: a slice of one array (Read) or one reused buffer (Scan).
    private delegate Span<float> FrameBuffer(int frame, int frameCount, int length);

    private static MayaCacheShape? Load(string xmlPath, FindingSink sink, FrameBuffer? buffer, FrameVisitor? visit)
    {
        MayaCacheDescription? description;
        using (var handle = InputFile.TryOpenRead(xmlPath, sink))
        {
            if (handle is null) return null;
            using var xml = new FileStream(handle, FileAccess.Read);
            description = MayaCacheDescription.Parse(xml, sink, xmlPath);
        }

        if (description is null) return null;

        var vectorChannels = description.Channels.Where(c => c.DataType is "FVCA" or "DVCA").ToList();
        if (vectorChannels.Count != 1)
        {
            Mismatch(sink, xmlPath, $"a geometry cache has one vector-array channel; this one describes {vectorChannels.Count} ({string.Join(", ", description.Channels.Select(c => c.Name + ":" + c.Type))})");
            return null;
        }

        var channel = vectorChannels[0];
        string directory = Path.GetDirectoryName(Path.GetFullPath(xmlPath))!;
        string stem = Path.GetFileNameWithoutExtension(xmlPath);
        string extension = description.Format == "mcx" ? ".mcx" : ".mc";
        var files = new List<(string Path, int? Tick)>();
        if (description.OneFile)
        {
            files.Add((Path.Combine(directory, stem + extension), null));
        }
        else
        {
            foreach (var candidate in Directory.EnumerateFiles(directory, stem + "Frame*" + extension))
            {
                var m = FrameFile.Match(Path.GetFileName(candidate));
                if (!m.Success || Path.GetFileName(candidate)[..m.Index] != stem) continue;
                // Maya's times are 32-bit ticks: a file naming a frame beyond them is not one of the cache's frames.
                bool parsed = long.TryParse(m.Groups["frame"].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long frame)
                    & long.TryParse(m.Groups["tick"].Success ? m.Groups["tick"].Value : "0", NumberStyles.None, CultureInfo.InvariantCulture, out long tick);
                long time = parsed && Math.Abs(frame) <= int.MaxValue ? frame * description.TimePerFrame + tick : long.MaxValue;
                if (time is < int.MinValue or > int.MaxValue)
                {
                    sink.Add(new Finding(FindingCodes.CacheDescriptionMismatch, Severity.Error, candidate,
                        $"{Path.GetFileName(candidate)} names a time beyond the 32-bit ticks a Maya cache counts in; it is not read"));
                    continue;
                }

                files.Add((candidate, (int)time));
            }

            files.Sort((a, b) => a.Tick!.Value.CompareTo(b.Tick!.Value));
        }

        if (files.Count == 0 || !File.Exists(files[0].Path))
        {
            sink.Add(new Finding(FindingCodes.FileUnreadable, Severity.Error, xmlPath, $"the cache data {(description.OneFile ? files[0].Path : stem + "Frame<N>" + extension)} is not there"));
            return null;
        }

        // The data files are mapped, not read: the positions below are the only copy of the cache in memory.
        var mapped = new List<MappedFile>();
        try
        {
            return Assemble(xmlPath, description, channel, files, mapped, sink, buffer, visit);
        }
        finally
        {
            foreach (var file in mapped) file.Dispose();
        }
    }

    private static MayaCacheShape? Assemble(string xmlPath, MayaCacheDescription description, MayaChannelDescription channel,
        List<(string Path, int? Tick)> files, List<MappedFile> mapped, FindingSink sink, FrameBuffer? buffer, FrameVisitor? visit)
    {
        var samples = new List<(MayaCacheData Data, MayaSample Sample, int? Tick, string Path)>();
        foreach (var (path, tick) in files)
        {
            var file = MappedFile.Open(path, sink);
            if (file is null) return null;
            mapped.Add(file);
            var data = MayaCacheData.Decode(file.Memory, sink, path);
            if (data is null) return null;
            if (data.Is64 != (description.Format == "mcx")) Mismatch(sink, path, $"the XML says {description.Format}, the data is {(data.Is64 ? "FOR8 (mcx)" : "FOR4 (mcc)")}");
            if (!description.OneFile && data.Samples.Count != 1) Mismatch(sink, path, $"a one-file-per-frame file holds one sample; this one holds {data.Samples.Count}");
            foreach (var sample in data.Samples) samples.Add((data, sample, sample.Time ?? tick, path));
        }

        int vertices = -1;
        for (int i = 0; i < samples.Count; i++)
        {
            var (_, sample, tick, path) = samples[i];
            var names = sample.Channels.Select(c => c.Name).ToList();
            if (!names.SequenceEqual(description.Channels.Select(c => c.Name)))
            {
                Mismatch(sink, path, $"sample {i} holds channels {string.Join(", ", names)}; the XML describes {string.Join(", ", description.Channels.Select(c => c.Name))}");
            }

            var data = sample.Channels.FirstOrDefault(c => c.Name == channel.Name);
            if (data is null) return Missing(sink, path, i, channel.Name);
            if (data.DataType != channel.DataType) Mismatch(sink, path, $"sample {i}: channel '{channel.Name}' is stored as {data.DataType}; the XML says {channel.Type}");
            if (vertices < 0) vertices = data.ArrayLength;
            else if (data.ArrayLength != vertices)
            {
                Mismatch(sink, path, $"sample {i} has {data.ArrayLength} vertices; sample 0 has {vertices}");
                return null;
            }

            if (channel.SamplingType == "Regular" && channel.SamplingRate > 0 && tick is { } t && t != channel.StartTime + (i * channel.SamplingRate))
            {
                Mismatch(sink, path, $"sample {i} is at tick {t}; regular sampling from {channel.StartTime} every {channel.SamplingRate} puts it at {channel.StartTime + (i * channel.SamplingRate)}");
            }
        }

        if (channel.SamplingType == "Regular" && channel.SamplingRate > 0)
        {
            long expected = ((long)channel.EndTime - channel.StartTime) / channel.SamplingRate + 1;
            if (expected != samples.Count) Mismatch(sink, xmlPath, $"the XML's {channel.StartTime}-{channel.EndTime} every {channel.SamplingRate} ticks is {expected} samples; the data has {samples.Count}");
        }

        long floats = (long)samples.Count * vertices * 3;
        if (floats > Array.MaxLength)
        {
            sink.Add(new Finding(FindingCodes.SizeOverflow, Severity.Error, xmlPath, $"{samples.Count} frames of {vertices} vertices are more than one array holds"));
            return null;
        }

        for (int i = 0; buffer is not null && i < samples.Count; i++)
        {
            var (data, sample, _, _) = samples[i];
            var frame = buffer(i, samples.Count, vertices * 3);
            data.CopyTo(sample.Channels.First(c => c.Name == channel.Name), frame);
            visit?.Invoke(i, samples.Count, frame);
        }

        return new MayaCacheShape(description, channel.Name, samples.Count, vertices);
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
        string mcPath = Path.ChangeExtension(xmlPath, ".mc");
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

    private static MayaCacheShape? Missing(FindingSink sink, string path, int sample, string channel)
    {
        Mismatch(sink, path, $"sample {sample} has no channel '{channel}'");
        return null;
    }

    private static void Mismatch(FindingSink sink, string path, string message) =>
        sink.Add(new Finding(FindingCodes.CacheDescriptionMismatch, Severity.Error, path, message));
}
