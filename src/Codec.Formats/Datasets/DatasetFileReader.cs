using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Codec.Formats.Files;
using Codec.Formats.Findings;
using Codec.Runtime.Binary.Audio;
using Codec.Runtime.Binary.Maya;
using Codec.Runtime.Binary.Numpy;
using Codec.Runtime.Binary.PointCache;
using Codec.Runtime.Files;
using Codec.Runtime.Findings;
using Codec.Runtime.Json;

namespace Codec.Formats.Datasets;

/// <summary>
/// Reads one dataset file with the codec its kind calls for and checks what the file alone can show: dtype, rank
/// and fixed sizes, finite values and ranges, audio sample rate and depth. Dimensions are unified later, across files.
/// Caches are memory-mapped (.npy, .pc2, the Maya .mc converted once to float32); nothing is kept but facts and
/// the few arrays rules compare.
/// </summary>
public static class DatasetFileReader
{
    /// <param name="keep">Member keys (or "" for the file's own array) whose values a cross-file rule compares.</param>
    public static FileFacts Read(DatasetFile file, IReadOnlySet<string> keep, long maxFileBytes)
    {
        var facts = new FileFacts(file);
        var sink = new FindingSink();
        try
        {
            // A FIFO or a device where a file should be is refused before anything opens it (a FIFO would block).
            if (InputFile.Refusal(file.Path) is { } why)
            {
                facts.Error(FindingCodes.FileUnreadable, "", why);
                return facts;
            }

            // Caches and archives are mapped or streamed; only files read whole (WAV, JSON) are bounded by the limit.
            switch (file.Spec.Kind)
            {
                case FileKind.Wav: ReadWav(file, facts, sink, maxFileBytes); break;
                case FileKind.Npy: ReadNpy(file, facts, keep, sink); break;
                case FileKind.Npz: ReadNpz(file, facts, keep, sink); break;
                case FileKind.Pc2: ReadPc2(file, facts, keep, sink); break;
                case FileKind.Maya: ReadMaya(file, facts, keep, sink); break;
                case FileKind.Json: ReadJson(file, facts, sink, maxFileBytes); break;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var unreadable = InputFile.Unreadable(e);
            facts.Error(unreadable.Code, "", unreadable.Message);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A reader bug must not stop the other files of a dataset: it is this file's finding, reported as such.
            facts.Readable = false;
            facts.Error(FindingCodes.FileUnreadable, "", $"could not be checked ({e.GetType().Name}: {e.Message}); please report this file");
        }

        facts.Findings.InsertRange(0, sink.Findings);
        return facts;
    }

    private static void ReadWav(DatasetFile file, FileFacts facts, FindingSink sink, long maxFileBytes)
    {
        if (InputFile.ReadAll(file.Path, maxFileBytes, sink) is not { } bytes) return;
        var wav = WavFile.Decode(bytes, sink, file.Path);
        if (wav is null) return;
        facts.Readable = true;
        facts.SampleRate = wav.Format.SampleRate;
        facts.BitsPerSample = wav.Format.BitsPerSample;
        facts.DurationSeconds = wav.DurationSeconds;
        // The samples as floats (the file is bounded by the size limit, so they are too), measured once for the rules.
        var samples = new float[wav.FrameCount * wav.Format.Channels];
        wav.CopyTo(samples);
        facts.Levels = AudioLevels.Measure(samples, wav.Format.Channels, wav.Format.SampleRate, AudioLevels.FullScaleOf(wav.Format.BitsPerSample, wav.Format.IsFloat));
        if (wav.Format.SampleRate < file.Spec.MinSampleRate)
            facts.Warn(DatasetFindingCodes.AudioQuality, "", $"sampled at {wav.Format.SampleRate} Hz; the layout asks for at least {file.Spec.MinSampleRate} Hz ({file.Spec.Description})");
        if (wav.Format.BitsPerSample < file.Spec.MinBitsPerSample)
            facts.Warn(DatasetFindingCodes.AudioQuality, "", $"{wav.Format.BitsPerSample}-bit samples; the layout asks for at least {file.Spec.MinBitsPerSample} bits ({file.Spec.Description})");
    }

    // Small enough to stay in the core's L2 cache between the kernel's copy and the finiteness pass over it (a 4 MB
    // buffer made that pass read from memory again); large enough that system calls do not count.
    private const int ChunkBytes = 256 << 10;

    // Float32 caches are streamed through one pooled 256 KB buffer with sequential reads (as cat reads them, so the
    // kernel reads ahead); anything else, or an array a rule keeps, is memory-mapped.
    private static void ReadNpy(DatasetFile file, FileFacts facts, IReadOnlySet<string> keep, FindingSink sink)
    {
        using (var handle = InputFile.OpenRead(file.Path, FileOptions.SequentialScan))
        {
            long length = RandomAccess.GetLength(handle);
            var prefix = new byte[4096];
            int got = RandomAccess.Read(handle, prefix, 0);
            long headerEnd = NpyHeader.DeclaredEnd(prefix.AsSpan(0, got));
            bool shortHeader = headerEnd > got && got < length;
            if (!shortHeader && !keep.Contains(""))
            {
                var header = NpyHeader.Read(prefix.AsSpan(0, got), length, sink, file.Path);
                if (header is null) return;
                if (header.DType is { Kind: NpyKind.Float, ItemSize: 4, BigEndian: false })
                {
                    facts.Readable = true;
                    facts.DType = header.DType.Descr;
                    facts.Shape = header.Shape;
                    CheckDType(facts, "", header.DType.Descr, file.Spec.DType, []);
                    CheckShape(facts, "", header.Shape, file.Spec.Shape);
                    if (file.Spec.Finite || file.Spec.Min is not null || file.Spec.Max is not null) Stream(handle, header, file, facts);
                    return;
                }
            }
        }

        using var npy = NpyFile.Open(file.Path, sink);
        if (npy is null) return;
        facts.Readable = true;
        var array = npy.Array;
        facts.DType = array.DType.Descr;
        facts.Shape = array.Shape;
        CheckDType(facts, "", array.DType.Descr, file.Spec.DType, []);
        CheckShape(facts, "", array.Shape, file.Spec.Shape);
        CheckValues(facts, "", array, file.Spec, keep.Contains("") ? "" : null);
    }

    private static void Stream(Microsoft.Win32.SafeHandles.SafeFileHandle handle, NpyHeader header, DatasetFile file, FileFacts facts)
    {
        var check = new ValueCheck(file.Spec, header.Shape);
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            long offset = header.DataOffset, end = header.DataOffset + header.DataLength;
            while (offset < end)
            {
                int want = (int)Math.Min(ChunkBytes, end - offset);
                int filled = 0;
                while (filled < want)
                {
                    int n = RandomAccess.Read(handle, buffer.AsSpan(filled, want - filled), offset + filled);
                    if (n == 0) break;
                    filled += n;
                }

                check.Add(MemoryMarshal.Cast<byte, float>(buffer.AsSpan(0, filled & ~3)));
                if (filled < want)
                {
                    facts.Error(FindingCodes.DataTruncated, "", "the file shrank while it was read");
                    return;
                }

                offset += filled;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        check.Report(facts, "");
    }

    private static void ReadPc2(DatasetFile file, FileFacts facts, IReadOnlySet<string> keep, FindingSink sink)
    {
        using var mapped = PointCache2.Open(file.Path, sink);
        if (mapped is null) return;
        var pc2 = mapped.Cache;
        facts.Readable = true;
        facts.DType = "<f4";
        facts.Shape = [pc2.Frames, pc2.Vertices, 3];
        CheckShape(facts, "", facts.Shape, file.Spec.Shape);
        ValueCheck.Run(facts, "", pc2.Positions, file.Spec, facts.Shape);
        if (keep.Contains("")) facts.Values[""] = pc2.Positions.ToArray();
    }

    // Frame by frame from the mapped data: a Maya cache is held whole only when a rule compares its values.
    private static void ReadMaya(DatasetFile file, FileFacts facts, IReadOnlySet<string> keep, FindingSink sink)
    {
        using var cache = MayaCacheFile.Open(file.Path, sink);
        if (cache is null) return;
        var description = cache.Description;
        if (!description.OneFile)
            facts.Error(FindingCodes.CacheDescriptionMismatch, "", $"a {description.CacheType} cache; NVIDIA's training framework reads only OneFile caches");
        if (description.Format == "mcx")
            facts.Error(FindingCodes.CacheDescriptionMismatch, "", "an mcx (FOR8) cache; NVIDIA's training framework reads only mcc (FOR4) data and stops with \"Invalid cache file format: expected FOR4\"");
        var channel = TrainingChannel(cache, facts);
        if (channel is null) return;
        // Only a cache a rule compares is held whole; the others are checked frame by frame, whatever their size.
        bool whole = keep.Contains("");
        if (whole && !cache.FitsOneArray(channel, sink)) return;

        facts.Readable = true;
        facts.DType = "<f4";
        facts.Shape = [channel.Frames, channel.Elements, 3];
        facts.FramesPerSecond = description.FramesPerSecond;
        CheckShape(facts, "", facts.Shape, file.Spec.Shape);
        var check = new ValueCheck(file.Spec, facts.Shape);
        if (whole)
        {
            var positions = cache.Read(channel);
            check.Add(positions);
            facts.Values[""] = positions;
        }
        else
        {
            cache.Scan(channel, (_, _, values) => check.Add(values));
        }

        check.Report(facts, "");
    }

    /// <summary>
    /// The channel a dataset cache is checked by. NVIDIA's reader takes every FloatVectorArray and DoubleVectorArray
    /// channel of a sample as a frame of its own and stops at any other type, so a cache of one shape is what training
    /// reads right; anything else is an error that says what training would do and which channel was checked.
    /// </summary>
    private static MayaCacheChannel? TrainingChannel(MayaCacheFile cache, FileFacts facts)
    {
        foreach (var other in cache.Channels.Where(c => !c.IsVectorArray))
        {
            facts.Error(FindingCodes.CacheChannelChoice, "",
                $"channel {other.Summary} is not a vertex array; NVIDIA's training framework reads only FloatVectorArray and DoubleVectorArray channels and stops with \"Unsupported data format\"");
        }

        var vectors = cache.Channels.Where(c => c.IsVectorArray).ToList();
        var chosen = cache.GeometryChannel(null, out string why);
        if (vectors.Count > 1)
        {
            bool sameVertices = vectors.All(c => c.Elements == vectors[0].Elements);
            string training = sameVertices
                ? $"training would read {vectors.Sum(c => c.Frames)} frames that alternate between them"
                : "training stops with a numpy ValueError, as their vertex counts differ";
            string used = chosen is null ? $"none of them is checked: {why}" : $"channel '{chosen.Name}', its positions channel, is checked";
            facts.Error(FindingCodes.CacheChannelChoice, "",
                $"the cache holds {vectors.Count} vertex channels, {string.Join(", ", vectors.Select(c => c.Summary))}; NVIDIA's training framework takes each channel's array as a frame of its own, so {training}. Keep one shape per cache; {used}");
        }
        else if (chosen is null)
        {
            facts.Error(FindingCodes.CacheChannelChoice, "", why);
        }

        return chosen;
    }

    private static void ReadNpz(DatasetFile file, FileFacts facts, IReadOnlySet<string> keep, FindingSink sink)
    {
        using var npz = NpzArchive.Open(file.Path, sink);
        if (npz is null) return;
        facts.Readable = true;
        var specs = file.Spec.Members;
        foreach (var member in npz.Members)
        {
            var spec = MemberSpecs.Find(specs, member.Key);
            var array = npz.GetArray(member, sink);
            if (array is null) continue;
            string where = "/" + member.Key;
            facts.Members[member.Key] = new MemberFacts(member.Key, array.DType.Descr, array.Shape);
            if (array.DType.Kind is NpyKind.Bytes or NpyKind.Unicode && array.Length <= MaxStrings) facts.Strings[member.Key] = Strings(array);
            if (spec is null) continue;
            CheckDType(facts, where, array.DType.Descr, spec.DType, spec.WarnDTypes);
            CheckShape(facts, where, array.Shape, spec.Shape);
            if (array.DType.Kind == NpyKind.Float)
            {
                CheckValues(facts, where, array, file.Spec with { Finite = true, Min = null, Max = null }, keep.Contains(member.Key) ? member.Key : null);
            }

            if (spec.IndexBelow is not null && array.DType.Kind is NpyKind.Int or NpyKind.UInt && array.Length <= 1 << 24)
            {
                var indices = new long[array.Length];
                for (long i = 0; i < array.Length; i++) indices[i] = (long)array.GetDouble(i);
                facts.Indices[member.Key] = indices;
            }
        }

        foreach (var spec in specs.Where(s => !s.Optional && !MemberSpecs.IsPattern(s.Key)))
        {
            if (!facts.Members.ContainsKey(spec.Key)) facts.Error(DatasetFindingCodes.PartMissing, "/" + spec.Key, $"the archive has no '{spec.Key}' member");
        }
    }

    private static void ReadJson(DatasetFile file, FileFacts facts, FindingSink sink, long maxFileBytes)
    {
        if (InputFile.ReadAll(file.Path, maxFileBytes, sink) is not { } bytes) return;
        facts.JsonValues = DatasetJson.Decode(file.Spec, bytes, sink);
        facts.Readable = facts.JsonValues is not null;
    }

    // "|S" accepts any byte-string width; "<U" in warn accepts any unicode width with a warning.
    private static void CheckDType(FileFacts facts, string where, string actual, string? expected, IReadOnlyList<string> warn)
    {
        if (expected is null || DTypeMatches(actual, expected)) return;
        if (warn.Any(w => DTypeMatches(actual, w)))
        {
            facts.Warn(DatasetFindingCodes.WrongDType, where, $"dtype {actual}; {expected} is what NVIDIA's SDK reads (byte strings, as astype('S') writes them)");
            return;
        }

        facts.Error(DatasetFindingCodes.WrongDType, where, $"dtype {actual}, expected {expected}");
    }

    private static bool DTypeMatches(string actual, string expected) =>
        expected.Length == 2 ? actual.StartsWith(expected, StringComparison.Ordinal) && actual[2..].All(char.IsDigit) : actual == expected;

    private static void CheckShape(FileFacts facts, string where, IReadOnlyList<long> shape, IReadOnlyList<DimensionExpression>? expected)
    {
        if (expected is null) return;
        string Text() => "(" + string.Join(", ", shape) + ")";
        if (shape.Count != expected.Count)
        {
            facts.Error(DatasetFindingCodes.WrongShape, where, $"shape {Text()} has {shape.Count} dimensions; expected [{string.Join(", ", expected)}]");
            return;
        }

        for (int i = 0; i < shape.Count; i++)
        {
            if (expected[i].IsConstant && shape[i] != expected[i].Offset)
                facts.Error(DatasetFindingCodes.WrongShape, where, $"shape {Text()}: dimension {i} is {shape[i]}, expected {expected[i].Offset} ([{string.Join(", ", expected)}])");
        }
    }

    private static void CheckValues(FileFacts facts, string where, NpyArray array, FileSpec spec, string? keepAs)
    {
        if (array.DType.Kind != NpyKind.Float || !(spec.Finite || spec.Min is not null || spec.Max is not null || keepAs is not null)) return;
        if (array.CanView<float>())
        {
            ValueCheck.Run(facts, where, array.AsSpan<float>(), spec, array.Shape);
            if (keepAs is not null) facts.Values[keepAs] = array.AsSpan<float>().ToArray();
            return;
        }

        if (array.Length > 1 << 28) return;
        var values = new float[array.Length];
        array.CopyTo(values);
        ValueCheck.Run(facts, where, values, spec, array.Shape);
        if (keepAs is not null) facts.Values[keepAs] = values;
    }

    // String members longer than this are checked for dtype and shape but not decoded (names lists are short).
    private const int MaxStrings = 100_000;

    // Byte strings NUL-padded (as NVIDIA's SDK reads them), or UTF-32 (what the guide's own example writes).
    private static List<string> Strings(NpyArray array)
    {
        var result = new List<string>();
        int size = array.DType.ItemSize;
        if (size <= 0) return result;
        var bytes = array.Data.Span;
        for (int i = 0; i < array.Length; i++)
        {
            var item = bytes.Slice(i * size, size);
            if (array.DType.Kind == NpyKind.Bytes)
            {
                int end = item.IndexOf((byte)0);
                result.Add(Encoding.UTF8.GetString(end < 0 ? item : item[..end]));
            }
            else if (array.DType.Kind == NpyKind.Unicode)
            {
                var text = new StringBuilder();
                for (int c = 0; c + 4 <= size; c += 4)
                {
                    int code = array.DType.BigEndian ? System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(item[c..]) : System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(item[c..]);
                    if (code == 0) break;
                    text.Append(char.ConvertFromUtf32(code is >= 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF) ? code : 0xFFFD));
                }

                result.Add(text.ToString());
            }
        }

        return result;
    }
}
