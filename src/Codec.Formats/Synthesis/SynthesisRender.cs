using Codec.Formats.Files;
using Codec.Formats.Synthesis.Info;
using Codec.Formats.Synthesis.Metadata;
using Codec.Formats.Validation.Folders;
using Codec.Formats.Validation;
using Codec.Runtime.Binary.Exr;
using Codec.Runtime.Binary.Image;
using Codec.Runtime.Files;
using Codec.Runtime.Findings;
using Codec.Runtime.Geometry;
using Codec.Runtime.Json;

namespace Codec.Formats.Synthesis;

/// <summary>A render's info.json, decoded: the version-independent view, and the version the file itself declares.</summary>
/// <param name="Document">The document's view (cast to the version's model for the rest); owned by the caller.</param>
/// <param name="DeclaredVersion">The version member as the file writes it (<c>"1.5"</c>, <c>1</c>), or null for files without one.</param>
/// <param name="Findings">What decoding found (structural findings; run <c>codec validate</c> for every rule).</param>
public sealed record RenderInfo(IInfoDocument Document, string? DeclaredVersion, IReadOnlyList<Finding> Findings);

/// <summary>
/// One render of a Synthesis output: its files (<c>info.json</c>, <c>rgb.png</c>, <c>segments.png</c>,
/// <c>mediapipe_dense.obj</c>, …), named and read as the folder's render contract declares them, lazily — each Read
/// call reads and decodes its file anew, into objects the caller owns.
/// </summary>
public sealed class SynthesisRender
{
    /// <summary>The largest mask or mesh file read (a 4K 16-bit mask is a few MB; anything far larger is not one).</summary>
    public const long MaxModalityBytes = InputFile.DefaultMaxBytes;

    private readonly SynthesisOutput _output;

    internal SynthesisRender(SynthesisOutput output, RenderKey key, IReadOnlyDictionary<string, string> files)
    {
        _output = output;
        RenderId = key.RenderId;
        Camera = key.Camera;
        Frame = key.Frame;
        Files = files;
    }

    /// <summary>The render id: N of the file names, render_id of its metadata line.</summary>
    public long RenderId { get; }

    /// <summary>The camera of files named <c>N.cam_&lt;camera&gt;.f_&lt;frame&gt;.*</c>; null for files named <c>N.*</c>.</summary>
    public string? Camera { get; }

    public long? Frame { get; }

    /// <summary>The name its files start with: <c>24</c> or <c>0.cam_default.f_1</c>.</summary>
    public string Name => _output.Contract.PrefixOf(new RenderKey(RenderId, Camera, Frame));

    /// <summary>The render's files: <c>"modality.ext"</c> (<c>info.json</c>, <c>segments.png</c>; <c>exr</c> for <c>N.exr</c>) → path.</summary>
    public IReadOnlyDictionary<string, string> Files { get; }

    /// <summary>The path of one modality's file, or null when the render has none.</summary>
    public string? FileOf(string modalityAndExtension) => Files.TryGetValue(modalityAndExtension, out var path) ? path : null;

    /// <summary>
    /// The path of the render's file the contract names <paramref name="name"/> (<c>rgb</c>: <c>N.rgb.png</c> or
    /// <c>N.rgb.tif</c>, the first of its suffixes the render has), or null when the render has none, or when it is not
    /// a file of that <paramref name="kind"/>.
    /// </summary>
    public string? PathOf(string name, FileKind? kind = null) =>
        _output.Contract.File(name) is { } spec && (kind is null || spec.Kind == kind) ? spec.Suffixes.Select(FileOf).FirstOrDefault(p => p is not null) : null;

    /// <summary>
    /// Reads and decodes the render's info.json (any version); null when it has none, or when it cannot be read or is
    /// not a Human API info.json (the reasons are in <paramref name="sink"/>).
    /// </summary>
    public RenderInfo? ReadInfo(FindingSink? sink = null)
    {
        if (PathOf(_output.Contract.Anchor.Name) is not { } path) return null;
        sink ??= new FindingSink();
        var reader = new InfoDocumentReader(new DecodeOptions());
        if (reader.Read(path, sink) is not { } document) return null;
        return new RenderInfo(document, reader.DeclaredVersion, reader.DecodeFindings.ToArray());
    }

    /// <summary>The render's line of metadata.jsonl, decoded (any version); null when the folder has none for it.</summary>
    public IMetadataDocument? ReadMetadata(FindingSink? sink = null) =>
        _output.ReadLine(new RenderKey(RenderId, Camera, Frame)) is { } line ? BuiltInFormats.CreateSynthesisMetadata().Decode(line, sink ?? new FindingSink(), out _) : null;

    /// <summary>
    /// A segmentation mask of the render decoded — the contract's main mask (<c>N.segments.png</c>) unless
    /// <paramref name="mask"/> names another (<c>clothing_segments</c>) — as labels (<see cref="PngImage.Labels"/>,
    /// row-major); null when the render has none or it cannot be decoded.
    /// </summary>
    public PngImage? ReadMask(string? mask = null, FindingSink? sink = null) =>
        PathOf(mask ?? _output.Contract.MainMask?.Name ?? "", FileKind.Mask) is { } path ? Decode(path, sink, PngImage.Decode) : null;

    /// <summary>
    /// One image of the render decoded — <c>rgb</c>, <c>depth</c>, <c>normals</c>, <c>alpha</c> or another image the
    /// contract declares, in PNG or TIFF (<see cref="ImageFile"/>; the EXR's passes are <see cref="ReadExr"/>'s) — as typed pixels for a training pipeline:
    /// <c>ReadImage("depth").Samples&lt;Half&gt;()</c>. Null when the render has no such file or it cannot be decoded
    /// (the reasons are in <paramref name="sink"/>).
    /// </summary>
    public ImagePixels? ReadImage(string modality, FindingSink? sink = null) =>
        PathOf(modality, FileKind.Image) is { } path ? Decode(path, sink, ImageFile.Decode) : null;

    /// <summary>
    /// The render's EXR (<c>N.exr</c>) decoded: every channel of its first part by name (<c>"Z"</c>,
    /// <c>"CameraNormals.R"</c>, <c>"CryptoObject00.R"</c>, …) as typed pixels of the data window,
    /// <c>ReadExr()["Z"].Samples&lt;float&gt;()</c>; <see cref="ImagePixels.Interleave"/> joins passes. Null when the
    /// render has none or its pixels cannot be decoded (the reasons, a compression codec does not decode among them,
    /// are in <paramref name="sink"/>).
    /// </summary>
    public IReadOnlyDictionary<string, ImagePixels>? ReadExr(FindingSink? sink = null)
    {
        if (_output.Contract.Files.FirstOrDefault(f => f.Kind == FileKind.Exr) is not { } exrFile || PathOf(exrFile.Name) is not { } path) return null;
        sink ??= new FindingSink();
        byte[] buffer = [];
        int length = InputFile.ReadAll(path, MaxModalityBytes, ref buffer, sink);
        if (length < 0) return null;
        var bytes = buffer.AsSpan(0, length);
        return ExrFile.Decode(bytes, sink, path) is { Parts.Count: > 0 } exr ? ExrPixels.Decode(bytes, exr, 0, sink, path) : null;
    }

    /// <summary>A mesh the contract declares (<c>mediapipe_dense</c>, 468 vertices, or <c>sai_dense</c>, 4840), decoded; null when absent.</summary>
    public ObjMesh? ReadMesh(string name, FindingSink? sink = null) =>
        PathOf(name, FileKind.Mesh) is { } path ? Decode(path, sink, ObjMesh.Decode) : null;

    public override string ToString() => Name;

    private delegate T? Decoder<T>(ReadOnlySpan<byte> bytes, FindingSink sink, string path);

    private static T? Decode<T>(string path, FindingSink? sink, Decoder<T> decode) where T : class
    {
        sink ??= new FindingSink();
        byte[] buffer = [];
        int length = InputFile.ReadAll(path, MaxModalityBytes, ref buffer, sink);
        return length < 0 ? null : decode(buffer.AsSpan(0, length), sink, path);
    }
}
