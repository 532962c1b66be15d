using System.Text.RegularExpressions;

namespace Codec.Formats.Validation.Folders;

/// <summary>
/// The name of one file of a Synthesis render: <c>N.&lt;modality&gt;.&lt;ext&gt;</c> (until September 2021) or
/// <c>N.cam_&lt;camera&gt;.f_&lt;frame&gt;.&lt;modality&gt;.&lt;ext&gt;</c> (later), where N is the metadata line's render_id.
/// The render's multi-channel OpenEXR, which the other images are extracted from, has no modality: <c>N.exr</c>
/// (<see cref="Modality"/> is empty).
/// </summary>
public sealed record RenderFileName(long RenderId, string? Camera, long? Frame, string Modality, string Extension)
{
    private static readonly Regex Old = new(@"^(?<id>[0-9]{1,18})\.(?<modality>[A-Za-z0-9_]+)\.(?<ext>[A-Za-z0-9]+)$", RegexOptions.CultureInvariant);
    private static readonly Regex Exr = new(@"^(?<id>[0-9]{1,18})(\.cam_(?<camera>[^.]+)\.f_(?<frame>[0-9]{1,18}))?\.(?<ext>exr)$", RegexOptions.CultureInvariant);
    private static readonly Regex New = new(@"^(?<id>[0-9]{1,18})\.cam_(?<camera>[^.]+)\.f_(?<frame>[0-9]{1,18})\.(?<modality>[A-Za-z0-9_]+)\.(?<ext>[A-Za-z0-9]+)$", RegexOptions.CultureInvariant);

    /// <summary>True for names that follow either convention.</summary>
    public static bool TryParse(string fileName, out RenderFileName name)
    {
        var m = New.Match(fileName);
        if (m.Success)
        {
            name = new RenderFileName(long.Parse(m.Groups["id"].Value), m.Groups["camera"].Value, long.Parse(m.Groups["frame"].Value),
                m.Groups["modality"].Value, m.Groups["ext"].Value);
            return true;
        }

        m = Exr.Match(fileName);
        if (m.Success)
        {
            name = new RenderFileName(long.Parse(m.Groups["id"].Value), m.Groups["camera"].Success ? m.Groups["camera"].Value : null,
                m.Groups["frame"].Success ? long.Parse(m.Groups["frame"].Value) : null, "", m.Groups["ext"].Value);
            return true;
        }

        m = Old.Match(fileName);
        if (m.Success)
        {
            name = new RenderFileName(long.Parse(m.Groups["id"].Value), null, null, m.Groups["modality"].Value, m.Groups["ext"].Value);
            return true;
        }

        name = null!;
        return false;
    }

    /// <summary>What follows the render's part of the name: <c>segments.png</c>, or <c>exr</c> for the render's EXR.</summary>
    public string Suffix => Modality.Length == 0 ? Extension : Modality + "." + Extension;

    /// <summary>The suffix of a modality and extension, as <see cref="Suffix"/> gives it.</summary>
    public static string SuffixOf(string modality, string extension) => modality.Length == 0 ? extension : modality + "." + extension;

    /// <summary>The render this file belongs to.</summary>
    public RenderKey Key => new(RenderId, Camera, Frame);
}

/// <summary>
/// One render: a render id, and for files named the later way its camera and frame. A metadata line of version
/// 1.4 (camera and frame given) also matches files named the early way (the documentation's own samples do that).
/// </summary>
public readonly record struct RenderKey(long RenderId, string? Camera, long? Frame)
{
    /// <summary>What the render's file names start with: <c>24</c>, or <c>0.cam_default.f_1</c> (the two conventions <see cref="RenderFileName"/> reads).</summary>
    public string Prefix => Camera is null && Frame is null
        ? RenderId.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : FormattableString.Invariant($"{RenderId}.cam_{Camera}.f_{Frame}");

    /// <summary>The name of the render's file with <paramref name="suffix"/> (<c>segments.png</c>; <c>exr</c> for its EXR).</summary>
    public string FileName(string suffix) => Prefix + "." + suffix;

    public override string ToString() =>
        Camera is null && Frame is null ? RenderId.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{RenderId} (camera {Camera ?? "?"}, frame {Frame?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"})";
}
