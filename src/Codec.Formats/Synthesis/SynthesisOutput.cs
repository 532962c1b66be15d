using Codec.Formats.Synthesis.Metadata;
using Codec.Formats.Validation.Folders;
using Codec.Runtime.Files;
using Codec.Runtime.Findings;

namespace Codec.Formats.Synthesis;

/// <summary>
/// A Synthesis AI Human API output folder opened for reading, as training code uses it: its renders (<c>N</c> and
/// <c>N.cam_&lt;camera&gt;.f_&lt;frame&gt;</c>), each with its files by modality, its info.json and its metadata.jsonl line,
/// read when asked for. Opening lists the folder and nothing else; metadata.jsonl is indexed (line offsets only) on the
/// first <see cref="SynthesisRender.ReadMetadata"/>. Files are only read, never changed.
/// </summary>
public sealed class SynthesisOutput
{
    /// <summary>The name of the folder's metadata file, as the Synthesis render contract declares it.</summary>
    public static string MetadataFileName => SynthesisOutputContract.Contract.MetadataFile;

    /// <summary>Lines longer than this are not a metadata line (they are skipped by the index).</summary>
    public const int MaxLineBytes = 16 << 20;

    private readonly Lazy<LineIndex> _lines;
    private readonly Dictionary<RenderKey, SynthesisRender> _byKey = new();

    private SynthesisOutput(RenderContract contract, string folder, string? metadataPath, List<SynthesisRender> renders, IReadOnlyList<string> otherFiles)
    {
        Contract = contract;
        Folder = folder;
        MetadataPath = metadataPath;
        Renders = renders;
        OtherFiles = otherFiles;
        _lines = new Lazy<LineIndex>(IndexLines);
    }

    public string Folder { get; }

    /// <summary>What a render of the folder is: its files by name and kind (the Synthesis render contract unless given).</summary>
    public RenderContract Contract { get; }

    /// <summary>The folder's metadata.jsonl, or null when it has none.</summary>
    public string? MetadataPath { get; }

    /// <summary>Every render with at least one file, ordered by render id, camera and frame.</summary>
    public IReadOnlyList<SynthesisRender> Renders { get; }

    /// <summary>Files of the folder that belong to no render (metadata.jsonl aside).</summary>
    public IReadOnlyList<string> OtherFiles { get; }

    /// <summary>Renders grouped by scene (the render id: one scene, every camera and frame of it), as the synthesisai loader groups them.</summary>
    public IEnumerable<IGrouping<long, SynthesisRender>> ByScene() => Renders.GroupBy(r => r.RenderId);

    /// <summary>Renders grouped by camera name (renders named the early way have none).</summary>
    public IEnumerable<IGrouping<string?, SynthesisRender>> ByCamera() => Renders.GroupBy(r => r.Camera);

    /// <summary>Renders grouped by frame number (renders named the early way have none).</summary>
    public IEnumerable<IGrouping<long?, SynthesisRender>> ByFrame() => Renders.GroupBy(r => r.Frame);

    /// <summary>The render with this id, camera and frame (camera and frame null for files named the early way).</summary>
    public SynthesisRender? Find(long renderId, string? camera = null, long? frame = null) =>
        _byKey.GetValueOrDefault(new RenderKey(renderId, camera, frame));

    /// <summary>Opens one output folder (the files directly in it), its renders' files named by <paramref name="contract"/> (the Synthesis render contract unless given).</summary>
    public static SynthesisOutput Open(string folder, RenderContract? contract = null)
    {
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException("no such folder: " + folder);
        contract ??= SynthesisOutputContract.Contract;
        var byKey = new SortedDictionary<RenderKey, Dictionary<string, string>>(KeyOrder.Instance);
        var others = new List<string>();
        foreach (var path in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileName(path);
            if (name == contract.MetadataFile) continue;
            if (!contract.TryParseName(name, out var parsed))
            {
                if (!name.StartsWith('.')) others.Add(path);
                continue;
            }

            if (!byKey.TryGetValue(parsed.Key, out var files)) byKey[parsed.Key] = files = new Dictionary<string, string>(StringComparer.Ordinal);
            files[parsed.Suffix] = path;
        }

        string metadata = Path.Combine(folder, contract.MetadataFile);
        var renders = new List<SynthesisRender>(byKey.Count);
        var output = new SynthesisOutput(contract, Path.GetFullPath(folder), File.Exists(metadata) ? Path.GetFullPath(metadata) : null, renders, others);
        foreach (var (key, files) in byKey)
        {
            var render = new SynthesisRender(output, key, files);
            renders.Add(render);
            output._byKey[key] = render;
        }

        return output;
    }

    /// <summary>Every output folder at or below <paramref name="root"/> (folders holding a metadata.jsonl or an info.json), by path.</summary>
    public static IEnumerable<SynthesisOutput> OpenAll(string root)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
        var folders = Directory.EnumerateDirectories(root, "*", options).Prepend(root).Where(SynthesisFolderChecker.IsOutputFolder)
            .Order(StringComparer.Ordinal);
        foreach (var folder in folders) yield return Open(folder);
    }

    // The metadata line of a render: exact key first; a 1.4 line also describes files named the early way.
    internal byte[]? ReadLine(RenderKey key)
    {
        var lines = _lines.Value;
        if (!lines.ByKey.TryGetValue(key, out var at) && !(key.Camera is null && key.Frame is null && lines.FirstOfRender.TryGetValue(key.RenderId, out at))) return null;
        var bytes = new byte[at.Length];
        using var handle = InputFile.OpenRead(MetadataPath!);
        int read = 0;
        while (read < bytes.Length)
        {
            int n = RandomAccess.Read(handle, bytes.AsSpan(read), at.Offset + read);
            if (n == 0) return null; // the file shrank since it was indexed
            read += n;
        }

        return bytes;
    }

    // Where each render's line is: by its full key, and the first line of each render id (files named the early way).
    private sealed class LineIndex
    {
        public readonly Dictionary<RenderKey, (long Offset, int Length)> ByKey = new();
        public readonly Dictionary<long, (long Offset, int Length)> FirstOfRender = new();
    }

    private LineIndex IndexLines()
    {
        var index = new LineIndex();
        if (MetadataPath is not { } path) return index;
        var format = BuiltInFormats.CreateSynthesisMetadata();
        var sink = new FindingSink();
        using var stream = InputFile.OpenStream(path, FileOptions.SequentialScan, 1 << 16);
        var buffer = new byte[1 << 20];
        var line = new MemoryStream();
        long lineStart = 0, position = 0;
        bool tooLong = false;
        void Append(int from, int count)
        {
            if (tooLong || line.Length + count > MaxLineBytes) tooLong = true;
            else line.Write(buffer, from, count);
        }

        void Flush()
        {
            if (!tooLong) Add(index, format, sink, line, lineStart);
            line.SetLength(0);
            tooLong = false;
        }

        int n;
        while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            int start = 0;
            for (int i = Array.IndexOf(buffer, (byte)'\n', 0, n); i >= 0; i = start < n ? Array.IndexOf(buffer, (byte)'\n', start, n - start) : -1)
            {
                Append(start, i - start);
                Flush();
                lineStart = position + i + 1;
                start = i + 1;
            }

            Append(start, n - start);
            position += n;
        }

        Flush();
        return index;
    }

    private static void Add(LineIndex index, SynthesisMetadataFormat format, FindingSink sink, MemoryStream line, long offset)
    {
        var bytes = line.GetBuffer().AsSpan(0, (int)line.Length);
        if (bytes.Trim((byte)'\r').IsEmpty) return;
        sink.Reset();
        if (format.Decode(bytes, sink, out _) is not { HasRenderId: true } decoded) return;
        var key = new RenderKey(decoded.RenderId, decoded.HasCameraName ? decoded.CameraName.ToString() : null, decoded.HasFrameNumber ? decoded.FrameNumber : null);
        index.ByKey.TryAdd(key, (offset, bytes.Length));
        index.FirstOfRender.TryAdd(key.RenderId, (offset, bytes.Length));
    }

    private sealed class KeyOrder : IComparer<RenderKey>
    {
        public static readonly KeyOrder Instance = new();

        public int Compare(RenderKey a, RenderKey b)
        {
            int c = a.RenderId.CompareTo(b.RenderId);
            if (c == 0) c = string.CompareOrdinal(a.Camera, b.Camera);
            if (c == 0) c = Nullable.Compare(a.Frame, b.Frame);
            return c;
        }
    }
}
