using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace Codec.Cli.Sampling;

/// <summary>
/// Writes the metadata.jsonl line of a sample render from its info.json, the way the producer does: the request's
/// identity and face settings are the ones the info.json repeats, the resolution is twice the principal point, and
/// the lens is the camera's. Version 1.2 lines go beside info 1.2 files, version 1.4 lines beside info 1.5 files.
/// </summary>
public static class SynthesisMetadataSampler
{
    /// <summary>A compact 1.2 line for the info 1.2 document <paramref name="info"/> of render <paramref name="renderId"/>.</summary>
    public static byte[] Line12(ReadOnlySpan<byte> info, int renderId, Random random)
    {
        using var doc = JsonDocument.Parse(info.ToArray());
        var root = doc.RootElement;
        var camera = root.GetProperty("camera");
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteNumber("api", 0);
            w.WriteString("version", "1.2");
            w.WriteString("task_id", Uuid(random));
            w.WriteNumber("render_id", renderId);
            w.WriteStartObject("render");
            WriteResolution(w, camera);
            w.WriteNumber("noise_threshold", 0.017);
            w.WriteNull("samples");
            w.WriteString("engine", "vray");
            w.WriteNull("hair");
            w.WriteBoolean("denoise", true);
            w.WriteEndObject();

            w.WriteStartObject("scene");
            w.WriteNumber("id", root.GetProperty("identity_metadata").GetProperty("id").GetInt64());
            w.WriteStartObject("body");
            w.WriteString("type", random.Next(0, 3).ToString(CultureInfo.InvariantCulture));
            w.WriteBoolean("enabled", true);
            w.WriteEndObject();
            w.WritePropertyName("agent");
            root.GetProperty("agent").WriteTo(w);
            w.WriteStartObject("camera");
            w.WriteStartObject("nir");
            w.WriteBoolean("enabled", false);
            w.WriteNumber("intensity", 0.5);
            w.WriteNumber("size_meters", 1);
            w.WriteEndObject();
            w.WriteStartObject("location");
            w.WriteNumber("depth_meters", Math.Round(1 + random.NextDouble(), 7));
            w.WriteNumber("vertical_angle", 0);
            w.WriteNumber("offset_vertical", 0);
            w.WriteNumber("horizontal_angle", Math.Round(random.NextDouble() * 60 - 30, 6));
            w.WriteNumber("offset_horizontal", 0);
            w.WriteEndObject();
            w.WriteStartObject("specifications");
            WriteLens(w, camera);
            w.WriteNumber("lens_shift_vertical", 0);
            w.WriteNumber("lens_shift_horizontal", 0);
            w.WriteNumber("window_offset_vertical", 0);
            w.WriteNumber("window_offset_horizontal", 0);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteNumber("version", 0);
            Copy(w, root, "clothing");
            Copy(w, root, "accessories");
            w.WriteStartObject("environment");
            WriteHdri(w, root.GetProperty("hdri").GetProperty("name").GetString()!, random);
            w.WriteStartArray("lights");
            w.WriteEndArray();
            w.WriteString("geometry", "none");
            w.WriteStartObject("location");
            w.WriteNumber("id", 0);
            w.WriteBoolean("enabled", false);
            w.WriteNumber("facing_direction", 0);
            w.WriteNumber("head_position_seed", 0);
            w.WriteBoolean("indoor_light_enabled", false);
            w.WriteEndObject();
            w.WriteEndObject();
            Copy(w, root, "facial_attributes");
            Copy(w, root, "identity_metadata");
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>A compact 1.4 line (camera "default", frame 1) for the info 1.5 document <paramref name="info"/>.</summary>
    public static byte[] Line14(ReadOnlySpan<byte> info, int renderId, Random random)
    {
        using var doc = JsonDocument.Parse(info.ToArray());
        var root = doc.RootElement;
        var camera = root.GetProperty("camera");
        var identity = root.GetProperty("identity_metadata");
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteNumber("api", 0);
            w.WriteString("version", "1.4");
            w.WriteString("job_id", Uuid(random));
            w.WriteString("task_id", Uuid(random));
            w.WriteNumber("render_id", renderId);
            w.WriteNumber("frame_number", 1);
            w.WriteString("camera_name", "default");
            w.WriteStartObject("scene");
            Copy(w, root, "body");
            w.WriteStartObject("skin");
            w.WriteBoolean("highest_resolution", false);
            w.WriteEndObject();
            WriteGesture(w, root.GetProperty("gesture"));
            w.WriteNumber("version", 0);
            Copy(w, root, "clothing");
            w.WriteStartObject("identity");
            w.WriteNumber("id", identity.GetProperty("id").GetInt64());
            w.WriteNumber("model_index", identity.GetProperty("model_index").GetInt64());
            w.WriteNumber("texture_index", identity.GetProperty("texture_index").GetInt64());
            w.WriteEndObject();
            w.WriteStartObject("3d_location");
            w.WriteString("type", "open");
            w.WriteStartObject("properties");
            w.WriteStartObject("agent");
            w.WriteString("style", "00021_Yvonne004");
            w.WriteBoolean("enabled", false);
            w.WriteNumber("position_seed", 0);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
            Copy(w, root, "accessories");
            w.WriteStartObject("environment");
            WriteHdri(w, root.GetProperty("hdri").GetProperty("name").GetString()!, random);
            w.WriteEndObject();
            Copy(w, root, "facial_attributes");
            Copy(w, root, "identity_metadata");
            WriteRigs(w, camera, random);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteRigs(Utf8JsonWriter w, JsonElement camera, Random random)
    {
        w.WriteStartArray("camera_and_light_rigs");
        w.WriteStartObject();
        w.WriteString("type", "head_orbit");
        w.WriteStartArray("lights");
        w.WriteStartObject();
        w.WriteString("type", "rect");
        w.WriteStartObject("color");
        w.WriteNumber("red", 255);
        w.WriteNumber("blue", 255);
        w.WriteNumber("green", 255);
        w.WriteEndObject();
        w.WriteNumber("intensity", 0);
        w.WriteString("wavelength", "visible");
        w.WriteNumber("size_meters", 0.25);
        WritePose(w, "relative_location", 0, 0, 0, 0);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteStartArray("cameras");
        w.WriteStartObject();
        w.WriteString("name", "default");
        w.WriteStartObject("advanced");
        w.WriteBoolean("denoise", true);
        w.WriteNumber("noise_threshold", 0.017);
        w.WriteNumber("lens_shift_vertical", 0);
        w.WriteNumber("lens_shift_horizontal", 0);
        w.WriteNumber("window_offset_vertical", 0);
        w.WriteNumber("window_offset_horizontal", 0);
        w.WriteEndObject();
        w.WriteStartObject("specifications");
        w.WriteString("wavelength", "visible");
        var intrinsics = camera.GetProperty("intrinsics");
        w.WriteNumber("focal_length", camera.GetProperty("focal_length_mm").GetDouble());
        w.WriteNumber("resolution_h", (long)Math.Round(intrinsics[1][2].GetDouble() * 2));
        w.WriteNumber("resolution_w", (long)Math.Round(intrinsics[0][2].GetDouble() * 2));
        w.WriteNumber("sensor_width", camera.GetProperty("sensor").GetProperty("width_mm").GetDouble());
        w.WriteEndObject();
        WritePose(w, "relative_location", 0, 0, 0, 0);
        w.WriteEndObject();
        w.WriteEndArray();
        WritePose(w, "location", 0, 0, Math.Round(1.2 + random.NextDouble() * 0.5, 2), Math.Round(random.NextDouble() * 10 - 5, 2));
        w.WriteEndObject();
        w.WriteEndArray();
    }

    private static void WritePose(Utf8JsonWriter w, string name, double x, double y, double z, double pitch)
    {
        w.WriteStartObject(name);
        w.WriteNumber("x", x);
        w.WriteNumber("y", y);
        w.WriteNumber("z", z);
        w.WriteNumber("yaw", 0);
        w.WriteNumber("roll", 0);
        w.WriteNumber("pitch", pitch);
        w.WriteEndObject();
    }

    private static void WriteGesture(Utf8JsonWriter w, JsonElement gesture)
    {
        w.WriteStartObject("gesture");
        w.WriteString("name", gesture.GetProperty("name").GetString());
        w.WriteBoolean("mirrored", gesture.GetProperty("mirrored").GetBoolean());
        w.WriteString("held_item", "none");
        w.WriteNumber("pose_frame", 1);
        w.WriteBoolean("keyframe_only", gesture.GetProperty("keyframe_only").GetBoolean());
        w.WriteNumber("position_seed", 0);
        w.WriteStartObject("held_item_data");
        w.WriteString("helditem", "none");
        w.WriteString("handposition", "none");
        w.WriteString("helditemmaterial", "none");
        w.WriteEndObject();
        w.WriteBoolean("enable_animation", false);
        w.WriteNumber("source_end_frame", 1);
        w.WriteNumber("source_start_frame", 1);
        w.WriteNumber("output_frame_length", gesture.GetProperty("output_frame_length").GetInt64());
        w.WriteNumber("held_item_rotation_seed", 0);
        w.WriteEndObject();
    }

    private static void WriteResolution(Utf8JsonWriter w, JsonElement camera)
    {
        var intrinsics = camera.GetProperty("intrinsics");
        w.WriteStartObject("resolution");
        w.WriteNumber("w", (long)Math.Round(intrinsics[0][2].GetDouble() * 2));
        w.WriteNumber("h", (long)Math.Round(intrinsics[1][2].GetDouble() * 2));
        w.WriteEndObject();
    }

    private static void WriteLens(Utf8JsonWriter w, JsonElement camera)
    {
        w.WriteNumber("focal_length", camera.GetProperty("focal_length_mm").GetDouble());
        w.WriteNumber("sensor_width", camera.GetProperty("sensor").GetProperty("width_mm").GetDouble());
    }

    private static void WriteHdri(Utf8JsonWriter w, string name, Random random)
    {
        w.WriteStartObject("hdri");
        w.WriteString("name", name);
        w.WriteNumber("rotation", random.Next(-180, 180));
        w.WriteNumber("intensity", Math.Round(0.5 + random.NextDouble(), 7));
        w.WriteEndObject();
    }

    private static void Copy(Utf8JsonWriter w, JsonElement root, string name)
    {
        w.WritePropertyName(name);
        root.GetProperty(name).WriteTo(w);
    }

    private static string Uuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes).ToString();
    }
}
