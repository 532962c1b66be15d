namespace Codec.Formats.Validation.Folders;

/// <summary>
/// The name of one file of a render, as the render contract's name shapes read it (<see cref="RenderContract.TryParseName"/>):
/// the render it belongs to and what follows the render's part of the name — <c>segments.png</c>, or <c>exr</c> for
/// the render's multi-channel OpenEXR, which has no modality (<see cref="Modality"/> is empty).
/// </summary>
public sealed record RenderFileName(RenderKey Key, string Suffix)
{
    /// <summary>The file's modality: what its suffix says before the extension (<c>segments</c>); empty for the render's EXR.</summary>
    public string Modality => Suffix.LastIndexOf('.') is var dot and >= 0 ? Suffix[..dot] : "";

    /// <summary>The file's extension (<c>png</c>).</summary>
    public string Extension => Suffix[(Suffix.LastIndexOf('.') + 1)..];

    public long RenderId => Key.RenderId;

    /// <summary>The suffix of a modality and extension, as <see cref="Suffix"/> gives it.</summary>
    public static string SuffixOf(string modality, string extension) => modality.Length == 0 ? extension : modality + "." + extension;
}

/// <summary>
/// One render: a render id, and for files named the later way its camera and frame. A metadata line of version
/// 1.4 (camera and frame given) also matches files named the early way (the documentation's own samples do that).
/// </summary>
public readonly record struct RenderKey(long RenderId, string? Camera, long? Frame)
{
    public override string ToString() =>
        Camera is null && Frame is null ? RenderId.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{RenderId} (camera {Camera ?? "?"}, frame {Frame?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"})";
}
