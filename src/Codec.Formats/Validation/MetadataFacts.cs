using Codec.Runtime.Json;
using M1 = Codec.Formats.Synthesis.Metadata.V1;
using M11 = Codec.Formats.Synthesis.Metadata.V1_1;
using M12 = Codec.Formats.Synthesis.Metadata.V1_2;
using M13 = Codec.Formats.Synthesis.Metadata.V1_3;
using M14 = Codec.Formats.Synthesis.Metadata.V1_4;

namespace Codec.Formats.Validation;

/// <summary>
/// What the cross-file checks of a Synthesis output folder need from one metadata line, whatever its version:
/// which render it describes, the image size and lens it asked for, and its identity and face settings (as JSON,
/// to compare with the render's info.json).
/// </summary>
public sealed record MetadataFacts(
    long LineNumber,
    long RenderId,
    long? FrameNumber,
    string? CameraName,
    long? IdentityId,
    long? Width,
    long? Height,
    double? FocalLength,
    double? SensorWidth,
    byte[]? IdentityJson,
    byte[]? FacialAttributesJson)
{
    /// <summary>The facts of a decoded line; null for a model that is not a metadata line or has no render_id.</summary>
    public static MetadataFacts? From(object model, ReadOnlySpan<byte> line, long lineNumber, DecodeContext context)
    {
        byte[]? identity = Slice(line, "/scene/identity_metadata", context);
        byte[]? face = Slice(line, "/scene/facial_attributes", context);
        switch (model)
        {
            case M14.MetadataLine m when m.HasRenderId:
            {
                string? camera = m.HasCameraName ? m.CameraName.ToString() : null;
                var spec = FindCamera(m, camera);
                return new MetadataFacts(lineNumber, m.RenderId, m.HasFrameNumber ? m.FrameNumber : null, camera,
                    m.Scene.Identity.HasId ? m.Scene.Identity.Id : m.Scene.IdentityMetadata.HasId ? m.Scene.IdentityMetadata.Id : null,
                    spec is { HasResolutionW: true } ? spec.ResolutionW : null, spec is { HasResolutionH: true } ? spec.ResolutionH : null,
                    spec is { HasFocalLength: true } ? spec.FocalLength : null, spec is { HasSensorWidth: true } ? spec.SensorWidth : null,
                    identity, face);
            }
            case M13.MetadataLine m when m.HasRenderId:
                return Older(lineNumber, m.RenderId, m.Scene.HasId ? m.Scene.Id : null, m.Render.Resolution.HasW ? m.Render.Resolution.W : null,
                    m.Render.Resolution.HasH ? m.Render.Resolution.H : null, Value(m.Scene.Camera.Specifications.HasFocalLength, m.Scene.Camera.Specifications.FocalLength),
                    Value(m.Scene.Camera.Specifications.HasSensorWidth, m.Scene.Camera.Specifications.SensorWidth), identity, face);
            case M12.MetadataLine m when m.HasRenderId:
                return Older(lineNumber, m.RenderId, m.Scene.HasId ? m.Scene.Id : null, m.Render.Resolution.HasW ? m.Render.Resolution.W : null,
                    m.Render.Resolution.HasH ? m.Render.Resolution.H : null, Value(m.Scene.Camera.Specifications.HasFocalLength, m.Scene.Camera.Specifications.FocalLength),
                    Value(m.Scene.Camera.Specifications.HasSensorWidth, m.Scene.Camera.Specifications.SensorWidth), identity, face);
            case M11.MetadataLine m when m.HasRenderId:
                return Older(lineNumber, m.RenderId, m.Scene.HasId ? m.Scene.Id : null, m.Render.Resolution.HasW ? m.Render.Resolution.W : null,
                    m.Render.Resolution.HasH ? m.Render.Resolution.H : null, Value(m.Scene.Camera.Specifications.HasFocalLength, m.Scene.Camera.Specifications.FocalLength),
                    Value(m.Scene.Camera.Specifications.HasSensorWidth, m.Scene.Camera.Specifications.SensorWidth), identity, face);
            case M1.MetadataLine m when m.HasRenderId:
                // Version 1 gives the focal length only (no sensor width).
                return Older(lineNumber, m.RenderId, m.Scene.HasId ? m.Scene.Id : null, m.Render.Resolution.HasW ? m.Render.Resolution.W : null,
                    m.Render.Resolution.HasH ? m.Render.Resolution.H : null, Value(m.Scene.Camera.HasFocalLength, m.Scene.Camera.FocalLength), null, identity, face);
            default:
                return null;
        }
    }

    private static MetadataFacts Older(long lineNumber, long renderId, long? identityId, long? width, long? height, double? focal, double? sensor,
        byte[]? identity, byte[]? face) =>
        new(lineNumber, renderId, null, null, identityId, width, height, focal, sensor, identity, face);

    private static double? Value(bool has, double value) => has ? value : null;

    // 1.4 lines describe every camera of the rig; the line's own camera is the one named by camera_name.
    private static M14.RigCameraSpecifications? FindCamera(M14.MetadataLine m, string? name)
    {
        M14.RigCameraSpecifications? only = null;
        int cameras = 0;
        foreach (var rig in m.Scene.CameraAndLightRigs)
        {
            foreach (var camera in rig.Cameras)
            {
                cameras++;
                only = camera.Specifications;
                if (name is not null && camera.HasName && camera.Name.ToString() == name) return camera.Specifications;
            }
        }

        return cameras == 1 ? only : null;
    }

    private static byte[]? Slice(ReadOnlySpan<byte> line, string pointer, DecodeContext context) =>
        JsonPointerLocator.TryLocateValue(line, pointer, context, out int start, out int length) ? line.Slice(start, length).ToArray() : null;
}
