using Codec.Formats.Synthesis.Metadata;

namespace Codec.Formats.Validation;

/// <summary>
/// What the cross-file checks of a Synthesis output folder need from one metadata line, whatever its version:
/// which render it describes, the image size and lens it asked for, and its identity and face settings (as values,
/// to compare with the render's info.json).
/// </summary>
public sealed record MetadataFacts(
    long LineNumber,
    long RenderId,
    long? FrameNumber,
    string? CameraName,
    long? Width,
    long? Height,
    double? FocalLength,
    double? SensorWidth,
    RequestedSettings? Identity,
    RequestedSettings? Face)
{
    /// <summary>
    /// The items the line requests by style (<c>glasses</c>, <c>headwear</c>, <c>mask</c>, <c>headphones</c> and
    /// <c>facial_hair</c>), where it names them: what the render's masks should show.
    /// </summary>
    public IReadOnlyDictionary<string, string> RequestedItems { get; init; } = new Dictionary<string, string>();

    /// <summary>The facts of a decoded line (any version, read through its view); null for a line without render_id.</summary>
    public static MetadataFacts? From(IMetadataDocument line, long lineNumber)
    {
        if (!line.HasRenderId) return null;
        string? camera = line.HasCameraName ? line.CameraName.ToString() : null;
        long? width = Value(line.HasResolutionW, line.ResolutionW), height = Value(line.HasResolutionH, line.ResolutionH);
        double? focal = Value(line.HasFocalLength, line.FocalLength), sensor = Value(line.HasSensorWidth, line.SensorWidth);
        if (line.Rigs is { } rigs && FindCamera(rigs, line.HasCameraName, line.CameraName) is { } requested)
        {
            width = Value(requested.HasResolutionW, requested.ResolutionW);
            height = Value(requested.HasResolutionH, requested.ResolutionH);
            focal = Value(requested.HasFocalLength, requested.FocalLength);
            sensor = Value(requested.HasSensorWidth, requested.SensorWidth);
        }

        return new MetadataFacts(lineNumber, line.RenderId, line.HasFrameNumber ? line.FrameNumber : null, camera, width, height, focal, sensor,
            RequestedSettings.Identity(line.Identity), RequestedSettings.Face(line.Face)) { RequestedItems = ItemsOf(line) };
    }

    private static Dictionary<string, string> ItemsOf(IMetadataDocument line)
    {
        var items = new Dictionary<string, string>(StringComparer.Ordinal);
        if (line.Accessories is { } a)
        {
            if (a.HasGlasses) items["glasses"] = a.Glasses.ToString();
            if (a.HasHeadwear) items["headwear"] = a.Headwear.ToString();
            if (a.HasMask) items["mask"] = a.Mask.ToString();
            if (a.HasHeadphones) items["headphones"] = a.Headphones.ToString();
        }

        if (line.Face?.FacialHair is { HasStyle: true } beard) items["facial_hair"] = beard.Style.ToString();
        return items;
    }

    private static T? Value<T>(bool has, T value) where T : struct => has ? value : null;

    // Lines from 1.4 on describe every camera of the rig; the line's own camera is the one named by camera_name (or
    // the only one).
    private static IRigCamera? FindCamera(IReadOnlyList<ICameraRig> rigs, bool named, Codec.Runtime.Text.Utf8Text name)
    {
        IRigCamera? only = null;
        int cameras = 0;
        for (int r = 0; r < rigs.Count; r++)
        {
            if (rigs[r].Cameras is not { } list) continue;
            for (int c = 0; c < list.Count; c++)
            {
                var camera = list[c];
                cameras++;
                only = camera;
                if (named && camera.HasName && camera.Name == name) return camera;
            }
        }

        return cameras == 1 ? only : null;
    }
}
