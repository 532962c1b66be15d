using System.Text;
using System.Text.Json;
using Codec.Runtime.Collections;
using Codec.Runtime.Geometry;
using Codec.Runtime.Text;

namespace Codec.Runtime.Json;

/// <summary>
/// The values generated view writers put in JSON (each format's <c>…Json.Write</c>, emitted from its views file): numbers as
/// they round-trip — <c>NaN</c> and <c>Infinity</c> as the bare words Python's and JavaScript's readers accept, since a
/// view reports what the file holds —, vectors and matrices as nested arrays, maps as objects, text as strings.
/// </summary>
public static class ViewJsonWriter
{
    public static void Number(Utf8JsonWriter w, double value)
    {
        if (double.IsFinite(value)) w.WriteNumberValue(value);
        else w.WriteRawValue(double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity", skipInputValidation: true);
    }

    public static void Number(Utf8JsonWriter w, long value) => w.WriteNumberValue(value);

    // Undecodable bytes become U+FFFD: a view's text is for reading, and the writer must not fail on a damaged file.
    public static void Text(Utf8JsonWriter w, Utf8Text value) => w.WriteStringValue(Encoding.UTF8.GetString(value.Span));

    public static void Vector(Utf8JsonWriter w, Vec2d v)
    {
        w.WriteStartArray();
        Number(w, v.X);
        Number(w, v.Y);
        w.WriteEndArray();
    }

    public static void Vector(Utf8JsonWriter w, Vec3d v)
    {
        w.WriteStartArray();
        Number(w, v.X);
        Number(w, v.Y);
        Number(w, v.Z);
        w.WriteEndArray();
    }

    public static void Vector(Utf8JsonWriter w, Vec4d v)
    {
        w.WriteStartArray();
        Number(w, v.X);
        Number(w, v.Y);
        Number(w, v.Z);
        Number(w, v.W);
        w.WriteEndArray();
    }

    public static void Matrix(Utf8JsonWriter w, Mat3d m)
    {
        w.WriteStartArray();
        for (int row = 0; row < 3; row++)
        {
            w.WriteStartArray();
            for (int column = 0; column < 3; column++) Number(w, m[row, column]);
            w.WriteEndArray();
        }

        w.WriteEndArray();
    }

    public static void Matrix(Utf8JsonWriter w, Mat4d m)
    {
        w.WriteStartArray();
        for (int row = 0; row < 4; row++)
        {
            w.WriteStartArray();
            for (int column = 0; column < 4; column++) Number(w, m[row, column]);
            w.WriteEndArray();
        }

        w.WriteEndArray();
    }

    /// <summary>A name → value map as an object, in the file's order (a name written twice keeps its first value, as lookups do).</summary>
    public static void Map(Utf8JsonWriter w, NameValueMap? map)
    {
        if (map is null)
        {
            w.WriteNullValue();
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        w.WriteStartObject();
        foreach (var entry in map.Entries)
        {
            string name = Encoding.UTF8.GetString(entry.Name.Span);
            if (!seen.Add(name)) continue;
            w.WritePropertyName(name);
            w.WriteNumberValue(entry.Value);
        }

        w.WriteEndObject();
    }
}
