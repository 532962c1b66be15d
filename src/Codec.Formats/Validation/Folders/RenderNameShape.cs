using System.Globalization;
using System.Text.RegularExpressions;
using System.Text;

namespace Codec.Formats.Validation.Folders;

/// <summary>
/// One shape of a render's part of its files' names, as a render contract declares it:
/// <c>{render_id}</c> (<c>24.segments.png</c>) or <c>{render_id}.cam_{camera}.f_{frame}</c>
/// (<c>0.cam_default.f_1.segments.png</c>). What follows it, after a dot, is the file's suffix.
/// </summary>
public sealed record RenderNameShape(string Shape, string Description)
{
    private static readonly Regex Placeholder = new(@"\{(render_id|camera|frame)\}", RegexOptions.CultureInvariant);

    // Each placeholder as the files write it: the render id and the frame as decimal numbers, the camera as any text without a dot.
    private static readonly Dictionary<string, string> Patterns = new(StringComparer.Ordinal)
    {
        ["render_id"] = "(?<render_id>[0-9]{1,18})",
        ["camera"] = "(?<camera>[^.]+)",
        ["frame"] = "(?<frame>[0-9]{1,18})",
    };

    /// <summary>True when the shape names a camera and a frame (renders of a multi-camera, multi-frame job).</summary>
    public bool HasCameraAndFrame => Shape.Contains("{camera}", StringComparison.Ordinal);

    /// <summary>The shape as a user reads it: <c>N.cam_&lt;camera&gt;.f_&lt;frame&gt;</c>.</summary>
    public string Display => Placeholder.Replace(Shape, m => m.Groups[1].Value == "render_id" ? "N" : "<" + m.Groups[1].Value + ">");

    /// <summary>A pattern matching the whole of a file name of this shape, given the pattern of a suffix (group <c>suffix</c>).</summary>
    internal Regex Matcher(string suffix)
    {
        var pattern = new StringBuilder("^");
        int at = 0;
        foreach (Match m in Placeholder.Matches(Shape))
        {
            pattern.Append(Regex.Escape(Shape[at..m.Index])).Append(Patterns[m.Groups[1].Value]);
            at = m.Index + m.Length;
        }

        pattern.Append(Regex.Escape(Shape[at..])).Append(@"\.(?<suffix>").Append(suffix).Append(")$");
        return new Regex(pattern.ToString(), RegexOptions.CultureInvariant);
    }

    /// <summary>The render's part of its files' names, for a render of this shape.</summary>
    public string Format(RenderKey key) => Placeholder.Replace(Shape, m => m.Groups[1].Value switch
    {
        "render_id" => key.RenderId.ToString(CultureInfo.InvariantCulture),
        "camera" => key.Camera ?? "",
        _ => key.Frame?.ToString(CultureInfo.InvariantCulture) ?? "",
    });
}
