using Codec.Formats.Files;

namespace Codec.Formats.Validation.Folders;

/// <summary>
/// A render contract generated from a <c>*.codec.json</c> render schema: the folder's metadata file, the shapes of a
/// render's part of a file name, the files of one render (named by what follows the render's part of the name), the tolerances of their checks, and the rules that
/// apply to which files. The folder check lists, reads and checks a Synthesis output folder by it.
/// </summary>
public sealed record RenderContract(
    string Id,
    string Description,
    string MetadataFile,
    IReadOnlyList<RenderNameShape> Names,
    IReadOnlyList<RenderFileSpec> Files,
    IReadOnlyList<ToleranceSpec> Tolerances,
    IReadOnlyList<RenderRuleUse> Rules)
{
    // Lookups built once with the contract (a generated contract is built once per process).
    private readonly Dictionary<string, RenderFileSpec> _bySuffix = Files.SelectMany(f => f.Suffixes.Select(s => (s, f))).ToDictionary(p => p.s, p => p.f, StringComparer.Ordinal);
    private readonly Dictionary<string, RenderRuleUse[]> _fileRules = Files.ToDictionary(f => f.Name, f => Rules.Where(r => r.In.Contains(f.Name)).ToArray(), StringComparer.Ordinal);
    private readonly Dictionary<string, RenderRuleUse[]> _passRules = Files.ToDictionary(f => f.Name, f => Rules.Where(r => r.ForPasses && r.In.Contains(f.Name)).ToArray(), StringComparer.Ordinal);

    // A file's suffix: a name and an extension (segments.png), or one of the declared suffixes without a dot (exr).
    private readonly (RenderNameShape Shape, System.Text.RegularExpressions.Regex Matcher)[] _names = Names
        .Select(n => (n, n.Matcher(string.Join("|", Files.SelectMany(f => f.Suffixes).Where(s => !s.Contains('.')).Select(System.Text.RegularExpressions.Regex.Escape)
            .Prepend(@"[A-Za-z0-9_]+\.[A-Za-z0-9]+"))))).ToArray();

    /// <summary>
    /// The render and suffix a file's name gives (the first of the contract's name shapes it has), or false for a name
    /// of no render.
    /// </summary>
    public bool TryParseName(string fileName, out RenderFileName name)
    {
        foreach (var (_, matcher) in _names)
        {
            var m = matcher.Match(fileName);
            if (!m.Success) continue;
            long? frame = m.Groups["frame"].Success ? long.Parse(m.Groups["frame"].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
            name = new RenderFileName(new RenderKey(long.Parse(m.Groups["render_id"].Value, System.Globalization.CultureInfo.InvariantCulture),
                m.Groups["camera"].Success ? m.Groups["camera"].Value : null, frame), m.Groups["suffix"].Value);
            return true;
        }

        name = null!;
        return false;
    }

    /// <summary>What a render's file names start with: <c>24</c>, or <c>0.cam_default.f_1</c> (the shape of its key).</summary>
    public string PrefixOf(RenderKey key)
    {
        bool full = key.Camera is not null || key.Frame is not null;
        return (_names.FirstOrDefault(n => n.Shape.HasCameraAndFrame == full).Shape ?? Names[0]).Format(key);
    }

    /// <summary>The name of the render's file with <paramref name="suffix"/> (<c>segments.png</c>; <c>exr</c> for its EXR).</summary>
    public string FileName(RenderKey key, string suffix) => PrefixOf(key) + "." + suffix;

    /// <summary>The shapes of a render's files' names as a user reads them, each with a suffix (<c>N.&lt;modality&gt;.&lt;ext&gt;</c>).</summary>
    public string NameShapes => string.Join(" or ", Names.Select(n => n.Display + ".<modality>.<ext>"));

    /// <summary>The file the others are checked against (the contract has exactly one).</summary>
    public RenderFileSpec Anchor => Files.First(f => f.Kind == FileKind.Info);

    /// <summary>The file a render file is, by what follows the render's part of its name (<c>rgb.png</c>); null for a file the contract does not declare.</summary>
    public RenderFileSpec? FileOf(string suffix) => _bySuffix.GetValueOrDefault(suffix);

    /// <summary>The file named <paramref name="name"/> in the contract, or null.</summary>
    public RenderFileSpec? File(string name) => Files.FirstOrDefault(f => f.Name == name);

    /// <summary>
    /// The mask a file is by its name's end (<c>24.clothing_segments.png</c>: the longest suffix that fits), or null for
    /// a file that is not one of the contract's masks.
    /// </summary>
    public RenderFileSpec? MaskOf(string path)
    {
        string name = System.IO.Path.GetFileName(path);
        return Files.Where(f => f.Kind == FileKind.Mask).SelectMany(f => f.Suffixes.Select(s => (Suffix: s, File: f)))
            .Where(m => name.EndsWith("." + m.Suffix, StringComparison.Ordinal)).OrderByDescending(m => m.Suffix.Length).Select(m => m.File).FirstOrDefault();
    }

    /// <summary>The render's main mask: the first the contract declares (what a mask outside the naming conventions is read as).</summary>
    public RenderFileSpec? MainMask => Files.FirstOrDefault(f => f.Kind == FileKind.Mask);

    /// <summary>The rules of a file, in the contract's order.</summary>
    public IReadOnlyList<RenderRuleUse> RulesOf(string file) => _fileRules.GetValueOrDefault(file) ?? [];

    /// <summary>The rules an EXR pass standing for <paramref name="file"/> is checked by: those of the file that apply to passes.</summary>
    public IReadOnlyList<RenderRuleUse> PassRulesOf(string file) => _passRules.GetValueOrDefault(file) ?? [];

    /// <summary>The tolerances' values: each declared default, or the setting <paramref name="settings"/> gives by the tolerance's name.</summary>
    public double[] ToleranceValues(IReadOnlyDictionary<string, double> settings) =>
        Tolerances.Select(t => settings.TryGetValue(t.Name, out double v) ? v : t.Default).ToArray();

    /// <summary>The tolerance named <paramref name="name"/>, or null.</summary>
    public ToleranceSpec? Tolerance(string name) => Tolerances.FirstOrDefault(t => t.Name == name);
}

/// <summary>
/// One file of a render: its name in the contract, the ends of the file names it has (<c>rgb.png</c>, <c>rgb.tif</c>;
/// <c>exr</c> for the render's EXR, <c>N.exr</c>), how it is read, for a mask the info.json member that names its
/// values (<c>segments_mapping</c>), and for an EXR the passes that stand for other files.
/// </summary>
public sealed record RenderFileSpec(string Name, IReadOnlyList<string> Suffixes, FileKind Kind, string Description, string? Mapping, IReadOnlyList<RenderPass> Passes);

/// <summary>Channels of an EXR that together are checked as the file <see cref="As"/> names.</summary>
public sealed record RenderPass(string As, IReadOnlyList<string> Channels);

/// <summary>A tolerance of the render's checks: its default, the range a setting may take (no maximum: null) and why it is what it is.</summary>
public sealed record ToleranceSpec(string Name, double Default, double Minimum, double? Maximum, string Description);

/// <summary>
/// A registered render rule as the contract uses it: the files it applies to (<see cref="ForPasses"/>: also to the
/// EXR passes standing for them), and the call into <see cref="RenderRules"/> with its typed arguments.
/// </summary>
public sealed record RenderRuleUse(string Name, string Description, IReadOnlyList<string> In, bool ForPasses, Action<RenderRuleContext> Run);
