using System.Globalization;
using System.Text.RegularExpressions;
using Codec.Runtime.Files;
using Codec.Runtime.Findings;

namespace Codec.Runtime.Binary.Maya;

/// <summary>One channel of a cache across the samples that hold it: what the XML says of it and what the data holds.</summary>
public sealed record MayaCacheChannel(MayaChannelDescription Description, string DataType, int Elements, int Frames)
{
    public string Name => Description.Name;

    /// <summary>Vertex data (FVCA, DVCA): x y z per element. The other types (FBCA, DBLA) hold one number per element.</summary>
    public bool IsVectorArray => DataType is "FVCA" or "DVCA";

    public int Components => IsVectorArray ? 3 : 1;

    /// <summary>As messages name it: <c>name (FloatVectorArray positions, 40 vertices)</c>.</summary>
    public string Summary => string.Create(CultureInfo.InvariantCulture,
        $"{Name} ({Description.Type}{(Description.Interpretation.Length > 0 ? " " + Description.Interpretation : "")}, {Elements} {(IsVectorArray ? "vertices" : "values")})");
}

/// <summary>
/// A Maya cache opened whole: its <c>.xml</c> description and its data — one <c>&lt;base&gt;.mc</c> (or <c>.mcx</c>)
/// for OneFile, or <c>&lt;base&gt;Frame&lt;N&gt;[Tick&lt;T&gt;].mc</c> per sample for OneFilePerFrame — mapped, never
/// copied, and cross-checked: channel names and types, each channel's sample count and times, array lengths.
/// Maya writes several channels into one cache (two shapes, or positions and normals): every one is described, and
/// any one can be read.
/// </summary>
public sealed class MayaCacheFile : IDisposable
{
    /// <summary>The data file a OneFile cache's description names beside it: <c>shot.mc</c> (mcc) or <c>shot.mcx</c> (64-bit mcx).</summary>
    public static string DataPathOf(string xmlPath, bool wide = false) => System.IO.Path.ChangeExtension(xmlPath, wide ? ".mcx" : ".mc");

    private static readonly Regex FrameFile = new(@"Frame(?<frame>-?[0-9]+)(Tick(?<tick>[0-9]+))?\.(mc|mcx)$", RegexOptions.CultureInvariant);

    private readonly List<MappedFile> _mapped;
    private readonly List<Sample> _samples;

    private MayaCacheFile(string path, MayaCacheDescription description, IReadOnlyList<MayaCacheChannel> channels, List<Sample> samples, List<MappedFile> mapped)
    {
        Path = path;
        Description = description;
        Channels = channels;
        _samples = samples;
        _mapped = mapped;
    }

    /// <summary>The description's path (the <c>.xml</c>).</summary>
    public string Path { get; }

    public MayaCacheDescription Description { get; }

    /// <summary>Every channel the description lists that the data holds, in the description's order.</summary>
    public IReadOnlyList<MayaCacheChannel> Channels { get; }

    public void Dispose()
    {
        foreach (var file in _mapped) file.Dispose();
    }

    // One MYCH group: the data file it is in, and its time in ticks (its TIME chunk, or its file's name).
    private sealed record Sample(MayaCacheData Data, MayaSample Content, int? Tick, string Path);

    /// <summary>Opens the cache described by <paramref name="xmlPath"/>; null (with findings) when it cannot be used.</summary>
    public static MayaCacheFile? Open(string xmlPath, FindingSink sink)
    {
        MayaCacheDescription? description;
        using (var handle = InputFile.TryOpenRead(xmlPath, sink))
        {
            if (handle is null) return null;
            using var xml = new FileStream(handle, FileAccess.Read);
            description = MayaCacheDescription.Parse(xml, sink, xmlPath);
        }

        if (description is null) return null;
        var files = DataFiles(xmlPath, description, sink);
        if (files is null) return null;

        var mapped = new List<MappedFile>();
        try
        {
            var samples = new List<Sample>();
            foreach (var (path, tick) in files)
            {
                var file = MappedFile.Open(path, sink);
                if (file is null) return Fail(mapped);
                mapped.Add(file);
                var data = MayaCacheData.Decode(file.Memory, sink, path);
                if (data is null) return Fail(mapped);
                if (data.Is64 != (description.Format == "mcx")) Mismatch(sink, path, $"the XML says {description.Format}, the data is {(data.Is64 ? "FOR8 (mcx)" : "FOR4 (mcc)")}");
                if (!description.OneFile && data.Samples.Count != 1) Mismatch(sink, path, $"a one-file-per-frame file holds one sample; this one holds {data.Samples.Count}");
                foreach (var sample in data.Samples) samples.Add(new Sample(data, sample, sample.Time ?? tick, path));
            }

            // Every channel is checked before the cache is refused, so each disagreement is said.
            var channels = description.Channels.Select(described => Index(xmlPath, described, samples, sink)).ToList();
            UndescribedChannels(description, samples, sink);
            if (channels.Contains(null)) return Fail(mapped);
            return new MayaCacheFile(xmlPath, description, channels.OfType<MayaCacheChannel>().ToList(), samples, mapped);
        }
        catch
        {
            Fail(mapped);
            throw;
        }
    }

    /// <summary>The channel named <paramref name="name"/> (names are case-sensitive, as in Maya), or null.</summary>
    public MayaCacheChannel? Channel(string name) => Channels.FirstOrDefault(c => c.Name == name);

    /// <summary>
    /// The channel that holds the vertex positions: the one named <paramref name="requested"/>, else the only
    /// vector-array channel, else the only one whose interpretation is <c>positions</c>. Null, with
    /// <paramref name="why"/> naming the channels, when there is no such channel or more than one could be meant.
    /// </summary>
    public MayaCacheChannel? GeometryChannel(string? requested, out string why)
    {
        why = "";
        string all = string.Join(", ", Channels.Select(c => c.Summary));
        if (requested is not null)
        {
            var named = Channel(requested);
            if (named is null) why = $"the cache has no channel '{requested}'; its channels are {all}";
            else if (!named.IsVectorArray) why = $"channel {named.Summary} holds single numbers, not vertices (a FloatVectorArray or DoubleVectorArray channel does)";
            else return named;
            return null;
        }

        var vectors = Channels.Where(c => c.IsVectorArray).ToList();
        if (vectors.Count == 1) return vectors[0];
        if (vectors.Count == 0)
        {
            why = $"the cache has no vertex channel (FloatVectorArray or DoubleVectorArray); its channels are {all}";
            return null;
        }

        var positions = vectors.Where(c => IsPositions(c.Description)).ToList();
        if (positions.Count == 1) return positions[0];
        why = $"the cache holds {vectors.Count} vertex channels, {string.Join(", ", vectors.Select(c => c.Summary))}, and which one is meant cannot be told";
        return null;
    }

    /// <summary>Maya interprets a vertex channel as <c>positions</c> (geometry caches), or e.g. <c>normals</c>, <c>velocity</c>.</summary>
    public static bool IsPositions(MayaChannelDescription channel) =>
        channel.Interpretation.Equals("positions", StringComparison.OrdinalIgnoreCase) || channel.Interpretation.Equals("position", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether one array of <c>[frames, elements × components]</c> float32 can hold the channel.</summary>
    public bool FitsOneArray(MayaCacheChannel channel, FindingSink sink)
    {
        if ((long)channel.Frames * channel.Elements * channel.Components <= Array.MaxLength) return true;
        sink.Add(new Finding(FindingCodes.SizeOverflow, Severity.Error, Path, $"channel '{channel.Name}': {channel.Frames} frames of {channel.Elements} elements are more than one array holds"));
        return false;
    }

    /// <summary>Every frame of <paramref name="channel"/> as float32 (x y z per vertex for a vector array), frame after frame.</summary>
    public float[] Read(MayaCacheChannel channel)
    {
        int length = channel.Elements * channel.Components;
        var values = new float[(long)channel.Frames * length];
        Scan(channel, (frame, _, _) => values.AsSpan(frame * length, length), null);
        return values;
    }

    /// <summary>Hands each frame of <paramref name="channel"/> to <paramref name="visit"/> from one reused float32 buffer.</summary>
    public void Scan(MayaCacheChannel channel, FrameVisitor visit)
    {
        float[]? buffer = null;
        Scan(channel, (_, _, length) => buffer ??= new float[length], visit);
    }

    // Where frame i of n (length floats) is converted to: a slice of one array (Read) or one reused buffer (Scan).
    private delegate Span<float> FrameBuffer(int frame, int frameCount, int length);

    private void Scan(MayaCacheChannel channel, FrameBuffer buffer, FrameVisitor? visit)
    {
        int frame = 0, length = channel.Elements * channel.Components;
        foreach (var sample in _samples)
        {
            var data = sample.Content.Channels.FirstOrDefault(c => c.Name == channel.Name);
            if (data is null) continue;
            var target = buffer(frame, channel.Frames, length);
            sample.Data.CopyTo(data, target);
            visit?.Invoke(frame, channel.Frames, target);
            frame++;
        }
    }

    // The data files the description calls for, in time order; null (with a finding) when there are none.
    private static List<(string Path, int? Tick)>? DataFiles(string xmlPath, MayaCacheDescription description, FindingSink sink)
    {
        string directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(xmlPath))!;
        string stem = System.IO.Path.GetFileNameWithoutExtension(xmlPath);
        string extension = System.IO.Path.GetExtension(DataPathOf(xmlPath, description.Format == "mcx"));
        var files = new List<(string Path, int? Tick)>();
        if (description.OneFile)
        {
            files.Add((System.IO.Path.Combine(directory, stem + extension), null));
        }
        else
        {
            foreach (var candidate in Directory.EnumerateFiles(directory, stem + "Frame*" + extension))
            {
                string name = System.IO.Path.GetFileName(candidate);
                var m = FrameFile.Match(name);
                if (!m.Success || name[..m.Index] != stem) continue;
                // Maya's times are 32-bit ticks: a file naming a frame beyond them is not one of the cache's frames.
                bool parsed = long.TryParse(m.Groups["frame"].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long frame)
                    & long.TryParse(m.Groups["tick"].Success ? m.Groups["tick"].Value : "0", NumberStyles.None, CultureInfo.InvariantCulture, out long tick);
                long time = parsed && Math.Abs(frame) <= int.MaxValue ? frame * description.TimePerFrame + tick : long.MaxValue;
                if (time is < int.MinValue or > int.MaxValue)
                {
                    Mismatch(sink, candidate, $"{name} names a time beyond the 32-bit ticks a Maya cache counts in; it is not read");
                    continue;
                }

                files.Add((candidate, (int)time));
            }

            files.Sort((a, b) => a.Tick!.Value.CompareTo(b.Tick!.Value));
        }

        if (files.Count == 0 || !File.Exists(files[0].Path))
        {
            // The description's defect, not an I/O problem: it names data that is not beside it.
            sink.Add(new Finding(FindingCodes.CacheDescriptionMismatch, Severity.Error, xmlPath, $"the cache data {(description.OneFile ? files[0].Path : stem + "Frame<N>" + extension)} is not there"));
            return null;
        }

        return files;
    }

    // One described channel across the samples: its type and length agree in every sample, its times with its sampling.
    private static MayaCacheChannel? Index(string xmlPath, MayaChannelDescription described, List<Sample> samples, FindingSink sink)
    {
        int elements = -1, frames = 0;
        string? dataType = null;
        foreach (var sample in samples)
        {
            var data = sample.Content.Channels.FirstOrDefault(c => c.Name == described.Name);
            if (data is null) continue;
            if (data.DataType != described.DataType) Mismatch(sink, sample.Path, $"frame {frames}: channel '{described.Name}' is stored as {data.DataType}; the XML says {described.Type}");
            if (dataType is null)
            {
                dataType = data.DataType;
                elements = data.ArrayLength;
            }
            else if (data.DataType != dataType || data.ArrayLength != elements)
            {
                Mismatch(sink, sample.Path, $"frame {frames} of channel '{described.Name}' has {data.ArrayLength} elements of {data.DataType}; frame 0 has {elements} of {dataType}");
                return null;
            }

            if (IsRegular(described) && sample.Tick is { } tick && tick != described.StartTime + ((long)frames * described.SamplingRate))
            {
                Mismatch(sink, sample.Path, $"frame {frames} of channel '{described.Name}' is at tick {tick}; regular sampling from {described.StartTime} every {described.SamplingRate} puts it at {described.StartTime + ((long)frames * described.SamplingRate)}");
            }

            frames++;
        }

        if (dataType is null)
        {
            Mismatch(sink, xmlPath, $"the XML describes channel '{described.Name}'; no sample holds it");
            return null;
        }

        if (IsRegular(described))
        {
            long expected = ((long)described.EndTime - described.StartTime) / described.SamplingRate + 1;
            if (expected != frames) Mismatch(sink, xmlPath, $"channel '{described.Name}': the XML's {described.StartTime}-{described.EndTime} every {described.SamplingRate} ticks is {expected} samples; the data has {frames}");
        }

        return new MayaCacheChannel(described, dataType, elements, frames);
    }

    private static bool IsRegular(MayaChannelDescription channel) => channel.SamplingType == "Regular" && channel.SamplingRate > 0;

    // A channel in the data that the XML does not describe is said once, at the first sample holding it.
    private static void UndescribedChannels(MayaCacheDescription description, List<Sample> samples, FindingSink sink)
    {
        var described = description.Channels.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var said = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < samples.Count; i++)
        {
            foreach (var channel in samples[i].Content.Channels)
            {
                if (!described.Contains(channel.Name) && said.Add(channel.Name))
                {
                    Mismatch(sink, samples[i].Path, $"sample {i} holds channel '{channel.Name}', which the XML does not describe ({string.Join(", ", described)})");
                }
            }
        }
    }

    private static MayaCacheFile? Fail(List<MappedFile> mapped)
    {
        foreach (var file in mapped) file.Dispose();
        mapped.Clear();
        return null;
    }

    internal static void Mismatch(FindingSink sink, string path, string message) =>
        sink.Add(new Finding(FindingCodes.CacheDescriptionMismatch, Severity.Error, path, message));
}
