using System.Globalization;
using System.Text.Json;
using Codec.Formats.Validation;
using Codec.Runtime.Findings;

namespace Codec.Formats.Rendering;

/// <summary>One landmark to draw: its label, its screen position (fractions of width and height) and whether the producer says it is in the frustum.</summary>
public sealed record OverlayPoint(string Label, double U, double V, bool InFrustum);

/// <summary>A landmark system of a render, named by where it sits in the info.json (<c>landmarks.kinect_v2</c>, <c>pupils</c>).</summary>
public sealed record OverlaySystem(string Name, IReadOnlyList<OverlayPoint> Points);

/// <summary>
/// Every landmark system of an info.json, whatever its version: each array of objects that carry a
/// <c>screen_space_pos</c> (iBUG ≤1.2 <c>landmarks</c>, <c>contour_landmarks</c>, 1.3/1.4 <c>body_landmarks.*</c>,
/// 1.5 <c>landmarks.*</c>), and the two pupils. Also the render size, from the intrinsics' principal point.
/// </summary>
public sealed class LandmarkSystems
{
    private LandmarkSystems(IReadOnlyList<OverlaySystem> systems, int width, int height)
    {
        Systems = systems;
        Width = width;
        Height = height;
    }

    public IReadOnlyList<OverlaySystem> Systems { get; }

    /// <summary>The render's size in pixels (twice the principal point), or 0 when the intrinsics are missing.</summary>
    public int Width { get; }

    public int Height { get; }

    /// <summary>Reads the systems of an info.json; null (with a finding) when it is not a JSON object.</summary>
    public static LandmarkSystems? Read(string infoJson, FindingSink sink)
    {
        var findings = new List<Finding>();
        byte[] buffer = [];
        int length = BoundedFile.ReadAll(infoJson, Segmentation.SegmentMapping.MaxInfoBytes, ref buffer, findings);
        foreach (var f in findings) sink.Add(f with { Path = infoJson });
        if (length < 0) return null;
        try
        {
            using var doc = JsonDocument.Parse(buffer.AsMemory(0, length));
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                sink.Add(new Finding(FindingCodes.NotAnObject, Severity.Error, infoJson, "an info.json is a JSON object"));
                return null;
            }

            var systems = new List<OverlaySystem>();
            Collect(root, "", systems);
            if (root.TryGetProperty("pupil_coordinates", out var pupils) && pupils.ValueKind == JsonValueKind.Object)
            {
                var points = new List<OverlayPoint>();
                foreach (var pupil in pupils.EnumerateObject())
                {
                    if (Point(pupil.Value, pupil.Name) is { } p) points.Add(p);
                }

                if (points.Count > 0) systems.Add(new OverlaySystem("pupils", points));
            }

            int width = 0, height = 0;
            if (root.TryGetProperty("camera", out var camera) && camera.ValueKind == JsonValueKind.Object
                && camera.TryGetProperty("intrinsics", out var k) && k.ValueKind == JsonValueKind.Array && k.GetArrayLength() >= 2
                && k[0].ValueKind == JsonValueKind.Array && k[0].GetArrayLength() >= 3 && k[1].ValueKind == JsonValueKind.Array && k[1].GetArrayLength() >= 3
                && k[0][2].TryGetDouble(out double cx) && k[1][2].TryGetDouble(out double cy) && cx is > 0 and < 1e6 && cy is > 0 and < 1e6)
            {
                (width, height) = ((int)Math.Round(2 * cx), (int)Math.Round(2 * cy));
            }

            return new LandmarkSystems(systems, width, height);
        }
        catch (JsonException e)
        {
            sink.Add(new Finding(FindingCodes.Syntax, Severity.Error, infoJson, "not JSON: " + e.Message));
            return null;
        }
    }

    // Depth-first, in file order: arrays whose objects have screen positions are systems; objects are searched.
    private static void Collect(JsonElement element, string path, List<OverlaySystem> into)
    {
        if (element.ValueKind != JsonValueKind.Object) return;
        foreach (var member in element.EnumerateObject())
        {
            string name = path.Length == 0 ? member.Name : path + "." + member.Name;
            if (member.Value.ValueKind == JsonValueKind.Array)
            {
                var points = new List<OverlayPoint>();
                int index = 0;
                foreach (var item in member.Value.EnumerateArray())
                {
                    if (Point(item, index.ToString(CultureInfo.InvariantCulture)) is { } p) points.Add(p);
                    index++;
                }

                if (points.Count > 0) into.Add(new OverlaySystem(name, points));
            }
            else if (member.Name != "pupil_coordinates")
            {
                Collect(member.Value, name, into);
            }
        }
    }

    private static OverlayPoint? Point(JsonElement item, string fallbackLabel)
    {
        if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("screen_space_pos", out var screen)
            || screen.ValueKind != JsonValueKind.Array || screen.GetArrayLength() != 2
            || !screen[0].TryGetDouble(out double u) || !screen[1].TryGetDouble(out double v) || !double.IsFinite(u) || !double.IsFinite(v))
        {
            return null;
        }

        string label = item.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString()!
            : item.TryGetProperty("ptnum", out var ptnum) ? ptnum.GetRawText()
            : item.TryGetProperty("id", out var id) ? id.GetRawText()
            : fallbackLabel;
        if (item.TryGetProperty("id", out var idValue) && item.TryGetProperty("name", out _)) label += " (id " + idValue.GetRawText() + ")";
        bool inFrustum = item.TryGetProperty("in_frustum", out var frustum) && frustum.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? frustum.GetBoolean()
            : u is >= 0 and <= 1 && v is >= 0 and <= 1;
        return new OverlayPoint(label, u, v, inFrustum);
    }
}
