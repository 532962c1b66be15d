using Codec.Formats.Synthesis.Info;
using Codec.Runtime.Binary.Exr;
using Codec.Runtime.Binary.Image;
using Codec.Runtime.Findings;
using Codec.Runtime.Geometry;

namespace Codec.Formats.Validation.Folders;

/// <summary>
/// What a render rule sees of one file (or one EXR pass): the file as it was decoded, the render's info.json, its
/// other files, its metadata line, the folder's tolerances, and where its findings go. A rule may end the file's
/// checks (<see cref="Stop"/>) when what the later rules would find would only repeat its finding.
/// </summary>
public sealed class RenderRuleContext
{
    private readonly RenderState _render;

    internal RenderRuleContext(RenderState render, RenderFileSpec file, string path, object? content, PixelChecks pixels, FindingSink sink)
    {
        _render = render;
        File = file;
        Path = path;
        Content = content;
        Pixels = pixels;
        Sink = sink;
    }

    /// <summary>The contract's declaration of the file.</summary>
    public RenderFileSpec File { get; }

    /// <summary>The file's path (for an EXR pass, the EXR's).</summary>
    public string Path { get; }

    /// <summary>The decoded file: an <see cref="ImagePixels"/>, <see cref="PngImage"/>, <see cref="ObjMesh"/>, <see cref="ExrContent"/> or the info.json's view.</summary>
    public object? Content { get; }

    /// <summary>The render's info.json as decoded, through its view; null when it did not decode.</summary>
    public IInfoDocument? Info => _render.Info;

    /// <summary>The info.json's file name, as findings name it.</summary>
    public string InfoName => _render.InfoName;

    /// <summary>The render's metadata line, when the folder has one that describes the render.</summary>
    public MetadataFacts? Line => _render.Line;

    /// <summary>Where findings about the metadata line go (reported in metadata.jsonl, at the line).</summary>
    public List<Finding> LineFindings => _render.LineFindings;

    public FindingSink Sink { get; }

    /// <summary>True once a rule has ended the file's checks.</summary>
    public bool Stopped { get; private set; }

    /// <summary>For a mask: its pixels per class, once a rule has counted them.</summary>
    public IReadOnlyList<ClassPixels>? MaskClasses { get; set; }

    internal PixelChecks Pixels { get; }

    internal RenderState Render => _render;

    /// <summary>The value of the contract's tolerance at <paramref name="index"/>, as the folder's settings give it.</summary>
    public double Tolerance(int index) => _render.Tolerances[index];

    /// <summary>The render's mask of that name in the contract, decoded; null when the render has none.</summary>
    public PngImage? Mask(string name) => _render.Masks.GetValueOrDefault(name);

    /// <summary>Ends the file's checks: the contract's later rules for it do not run.</summary>
    public void Stop() => Stopped = true;
}

/// <summary>What the rules of one render share: the decoded info.json, the masks read so far, the line, the tolerances.</summary>
internal sealed class RenderState(RenderContract contract, IInfoDocument? info, string infoName, double[] tolerances, MetadataFacts? line)
{
    public RenderContract Contract { get; } = contract;
    public IInfoDocument? Info { get; } = info;
    public string InfoName { get; } = infoName;
    public double[] Tolerances { get; } = tolerances;
    public MetadataFacts? Line { get; } = line;
    public List<Finding> LineFindings { get; } = [];
    public Dictionary<string, PngImage> Masks { get; } = new(StringComparer.Ordinal);

    /// <summary>The pixel checks of the render's image files (one scope: one surface).</summary>
    public PixelChecks Images { get; } = new(info, infoName);

    /// <summary>Runs the rules of <paramref name="file"/> on it, in the contract's order, until one stops them.</summary>
    public RenderRuleContext Run(RenderFileSpec file, string path, object? content, FindingSink sink, PixelChecks? pixels = null, IReadOnlyList<RenderRuleUse>? rules = null)
    {
        var context = new RenderRuleContext(this, file, path, content, pixels ?? Images, sink);
        foreach (var rule in rules ?? Contract.RulesOf(file.Name))
        {
            if (context.Stopped) break;
            rule.Run(context);
        }

        return context;
    }
}

/// <summary>
/// A render's EXR as the rules read it: the header, decoded, and the pixels of its first part, decoded when a rule
/// first asks (the file's bytes stay in the reading buffer while its rules run).
/// </summary>
public sealed class ExrContent
{
    private readonly ReadOnlyMemory<byte> _bytes;
    private IReadOnlyDictionary<string, ImagePixels>? _channels;
    private bool _decoded;

    internal ExrContent(ExrFile file, ReadOnlyMemory<byte> bytes)
    {
        File = file;
        _bytes = bytes;
    }

    public ExrFile File { get; }

    public ExrPart Part => File.Parts[0];

    /// <summary>
    /// The first part's channels by name, or null where codec does not decode them; a decoding problem other than an
    /// unsupported compression or sample type is reported in <paramref name="sink"/> once.
    /// </summary>
    public IReadOnlyDictionary<string, ImagePixels>? Channels(FindingSink sink, string path)
    {
        if (_decoded) return _channels;
        _decoded = true;
        var quiet = new FindingSink();
        _channels = ExrPixels.Decode(_bytes.Span, File, 0, quiet, path);
        if (_channels is null && quiet.Findings.Any(f => f.Code != FindingCodes.UnsupportedEntry && f.Code != FindingCodes.UnsupportedElementType))
        {
            foreach (var f in quiet.Findings) sink.Add(f);
        }

        return _channels;
    }

    /// <summary>A float attribute of the first part's header (<c>zmin</c>), or null.</summary>
    public double? Float(string name) => Part.Get(name)?.Value switch
    {
        float f => f,
        double d => d,
        _ => null,
    };
}
