using System.Globalization;
using Codec.Formats.Findings;
using Codec.Formats.Synthesis.Info;
using Codec.Runtime.Findings;
using Codec.Runtime.Semantics;

namespace Codec.Formats.Validation.Folders;

/// <summary>
/// A render's metadata line against its info.json (the render rule line_matches_info): the identity and face
/// settings it requested, the resolution (twice the principal point) and the lens. Only where both files state a
/// setting: a version without it says nothing to compare. Findings are the line's, at its line number.
/// </summary>
internal static class MetadataCrossCheck
{
    public static void Run(MetadataFacts line, IInfoDocument? info, string infoPath, double resolutionTolerancePx, double lensRelative, List<Finding> into)
    {
        string file = Path.GetFileName(infoPath);
        int at = LineOf(line.LineNumber);
        if (info is null)
        {
            into.Add(RenderRules.NotRun($"{file} could not be decoded, so the requested identity, face settings, resolution and lens are not compared with it") with { Line = at, Column = 1 });
            return;
        }

        Compare(line.Identity, RequestedSettings.Identity(info.Identity), "/scene/identity_metadata", FolderFindingCodes.IdentityMismatch, "identity_metadata", file, at, into);
        Compare(line.Face, RequestedSettings.Face(info.Face), "/scene/facial_attributes", FolderFindingCodes.FacialAttributesMismatch, "facial_attributes", file, at, into);

        if (info.Camera is not { } camera) return; // a missing camera is the info.json's own error

        if (line.Width is { } w && line.Height is { } h && camera.HasIntrinsics && !RenderSize.Centres(camera.Intrinsics, w, h, resolutionTolerancePx))
        {
            double cx = camera.Intrinsics[0, 2], cy = camera.Intrinsics[1, 2];
            into.Add(new Finding(FolderFindingCodes.ResolutionMismatch, Severity.Error, "", string.Create(CultureInfo.InvariantCulture,
                $"requested resolution {w}x{h} puts the principal point at ({w / 2.0}, {h / 2.0}), but {file} has cx = {cx}, cy = {cy}"), at, 1));
        }

        CompareNumber(line.FocalLength, camera.HasFocalLengthMm, camera.FocalLengthMm, "focal length", "camera.focal_length_mm", file, at, lensRelative, into);
        CompareNumber(line.SensorWidth, camera.HasSensorWidthMm, camera.SensorWidthMm, "sensor width", "camera.sensor.width_mm", file, at, lensRelative, into);
    }

    /// <summary>A line number as findings hold it.</summary>
    public static int LineOf(long lineNumber) => (int)Math.Min(lineNumber, int.MaxValue);

    private static void Compare(RequestedSettings? fromLine, RequestedSettings? fromInfo, string linePointer, string code, string what, string file, int at, List<Finding> into)
    {
        if (fromLine is null || fromInfo is null) return;
        var differences = fromLine.Differences(fromInfo);
        if (differences.Count == 0) return;
        into.Add(new Finding(code, Severity.Error, linePointer,
            $"{what} differs from {file} (metadata vs info.json): {string.Join("; ", differences)}", at, 1));
    }

    private static void CompareNumber(double? fromLine, bool present, double actual, string what, string member, string file, int at, double relative, List<Finding> into)
    {
        if (fromLine is not { } requested || !present) return;
        if (Math.Abs(requested - actual) <= relative * Math.Max(1, Math.Abs(requested))) return;
        into.Add(new Finding(FolderFindingCodes.CameraMismatch, Severity.Error, "", string.Create(CultureInfo.InvariantCulture,
            $"requested {what} {requested} mm, but {file} has {member} = {actual}"), at, 1));
    }
}
