using System.Text.Json;
using Codec.Formats.Files;
using Codec.Formats.Synthesis;
using Codec.Formats.Synthesis.Info;
using Codec.Formats.Synthesis.Metadata;
using Codec.Runtime.Findings;

namespace Codec.Native;

/// <summary>A Synthesis output folder, open: its renders as the CLI names them, their views as JSON, their files as arrays.</summary>
internal sealed class SynthesisBinding(SynthesisOutput output) : Opened
{
    // A mesh is handed out as three arrays and an EXR as one per channel, each its own call: the file decoded last is
    // kept, so that those calls decode it once.
    private readonly Lock _recentGate = new();
    private (string Key, object Value)? _recent;

    protected override void List(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("kind", "synthesis");
        w.WriteString("path", output.Folder);
        w.WriteString("metadata", output.MetadataPath);
        w.WriteStartArray("contract");
        foreach (var file in output.Contract.Files)
        {
            w.WriteStartObject();
            w.WriteString("name", file.Name);
            w.WriteString("kind", FileKinds.Get(file.Kind).Word);
            w.WriteStartArray("suffixes");
            foreach (var suffix in file.Suffixes) w.WriteStringValue(suffix);
            w.WriteEndArray();
            w.WriteString("description", file.Description);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("renders");
        foreach (var render in output.Renders)
        {
            w.WriteStartObject();
            w.WriteString("name", render.Name);
            w.WriteNumber("render_id", render.RenderId);
            w.WriteString("camera", render.Camera);
            if (render.Frame is { } frame) w.WriteNumber("frame", frame);
            else w.WriteNull("frame");
            w.WriteStartObject("files");
            foreach (var (suffix, path) in render.Files.OrderBy(f => f.Key, StringComparer.Ordinal)) w.WriteString(suffix, path);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("other_files");
        foreach (var path in output.OtherFiles) w.WriteStringValue(path);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public override void Query(Request request, Utf8JsonWriter w)
    {
        var render = RenderOf(request);
        switch (request.Op)
        {
            case "info":
            {
                var sink = new FindingSink();
                var info = render.ReadInfo(sink);
                w.WriteStartObject();
                w.WriteString("file", render.PathOf(output.Contract.Anchor.Name));
                w.WriteString("declared_version", info?.DeclaredVersion);
                w.WriteString("schema_version", info?.Document.SchemaVersion);
                w.WritePropertyName("view");
                InfoDocumentJson.Write(w, info?.Document);
                w.WritePropertyName("findings");
                Json.Findings(w, render.PathOf(output.Contract.Anchor.Name) ?? "", info?.Findings ?? sink.Findings);
                w.WriteEndObject();
                break;
            }

            case "metadata":
            {
                var sink = new FindingSink();
                var line = render.ReadMetadata(sink);
                w.WriteStartObject();
                w.WriteString("file", output.MetadataPath);
                w.WriteString("schema_version", line?.SchemaVersion);
                w.WritePropertyName("view");
                MetadataDocumentJson.Write(w, line);
                w.WritePropertyName("findings");
                Json.Findings(w, output.MetadataPath ?? "", sink.Findings);
                w.WriteEndObject();
                break;
            }

            case "exr_channels":
            {
                var channels = Recent(render, "exr", () => Decoded(render, "exr", "exr", sink => render.ReadExr(sink)));
                w.WriteStartArray();
                foreach (var name in channels.Keys) w.WriteStringValue(name);
                w.WriteEndArray();
                break;
            }

            default:
                throw new BindingException($"no query {request.Op} on a Synthesis output (info, metadata, exr_channels)");
        }
    }

    public override NativeArray Read(Request request, Utf8JsonWriter w)
    {
        var render = RenderOf(request);
        string name = request.Text("name") ?? (request.Op == "mask" ? output.Contract.MainMask?.Name : null) ?? throw new BindingException($"a {request.Op} is read by name");
        NativeArray answer;
        switch (request.Op)
        {
            case "image":
                answer = Arrays.Give(Decoded(render, name, "image", sink => render.ReadImage(name, sink), FileKind.Image), w);
                break;
            case "mask":
            {
                var mask = Decoded(render, name, "mask", sink => render.ReadMask(name, sink), FileKind.Mask);
                // Labels are decoded as 16-bit; a mask written with 8-bit samples is handed out as the bytes it holds.
                answer = mask.BitDepth <= 8
                    ? Arrays.Give(Array.ConvertAll(mask.Labels, label => (byte)label), w, mask.Height, mask.Width)
                    : Arrays.Give(mask.Labels, w, mask.Height, mask.Width);
                break;
            }

            case "mesh":
            {
                var mesh = Recent(render, "mesh:" + name, () => Decoded(render, name, "mesh", sink => render.ReadMesh(name, sink), FileKind.Mesh));
                answer = request.Text("part") switch
                {
                    "vertices" => Arrays.Give(mesh.Vertices, Arrays.TypeOf<double>(), sizeof(double), mesh.Vertices.LongLength * 3 * sizeof(double), w, mesh.Vertices.Length, 3),
                    "indices" => Arrays.Give(mesh.Indices, w, mesh.Indices.Length),
                    "face_starts" => Arrays.Give(mesh.FaceStarts, w, mesh.FaceStarts.Length),
                    var part => throw new BindingException($"a mesh's part is vertices, indices or face_starts, not {part ?? "none"}"),
                };
                break;
            }

            case "exr":
            {
                var channels = Recent(render, "exr", () => Decoded(render, "exr", "exr", sink => render.ReadExr(sink)));
                answer = Arrays.Give(channels.TryGetValue(name, out var channel) ? channel
                    : throw new BindingException($"{render.Name}'s EXR has no channel {name} (it has {string.Join(", ", channels.Keys)})"), w);
                break;
            }

            default:
                throw new BindingException($"no read {request.Op} on a Synthesis output (image, mask, mesh, exr)");
        }

        w.WriteEndObject();
        return answer;
    }

    private T Recent<T>(SynthesisRender render, string what, Func<T> decode) where T : class
    {
        string key = render.Name + "/" + what;
        lock (_recentGate)
        {
            if (_recent is { } recent && recent.Key == key) return (T)recent.Value;
        }

        var value = decode();
        lock (_recentGate) _recent = (key, value);
        return value;
    }

    private SynthesisRender RenderOf(Request request) => output.Renders[request.Index("render", output.Renders.Count)];

    // A file of the render decoded, or why not: the render has no such file, or the decoder's findings.
    private T Decoded<T>(SynthesisRender render, string name, string what, Func<FindingSink, T?> decode, FileKind? kind = null) where T : class
    {
        var spec = name == "exr" ? output.Contract.Files.FirstOrDefault(f => f.Kind == FileKind.Exr) : output.Contract.File(name);
        if (spec is null || (kind is { } k && spec.Kind != k))
        {
            var known = output.Contract.Files.Where(f => kind is null || f.Kind == kind).Select(f => f.Name);
            throw new BindingException($"a render has no {what} named {name} (the contract's: {string.Join(", ", known)})");
        }

        string? path = spec.Suffixes.Select(render.FileOf).FirstOrDefault(p => p is not null);
        if (path is null) throw new BindingException($"render {render.Name} has no {name} file ({string.Join(" or ", spec.Suffixes.Select(s => render.Name + "." + s))})");
        var sink = new FindingSink();
        return decode(sink) ?? throw BindingException.Undecoded(path, path, sink.Findings);
    }
}
