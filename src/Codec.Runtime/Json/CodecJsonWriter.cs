using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Codec.Runtime.Geometry;
using Codec.Runtime.Numbers;
using Codec.Runtime.Text;

namespace Codec.Runtime.Json;

/// <summary>
/// The writer generated encoders call. Wraps one reusable <see cref="Utf8JsonWriter"/> (indented with 4 spaces, as
/// the producers' Python <c>json.dump(indent=4)</c> writes), and adds the value shapes of the schema language.
/// Reuse an instance across documents: after the first, encoding allocates nothing.
/// </summary>
public sealed class CodecJsonWriter
{
    private static readonly JsonWriterOptions IndentedOptions = new()
    {
        Indented = true,
        IndentSize = 4,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = false,
    };

    private static readonly JsonWriterOptions CompactOptions = IndentedOptions with { Indented = false };

    private readonly Utf8JsonWriter _writer;

    public CodecJsonWriter(bool indented = true) =>
        _writer = new Utf8JsonWriter(new ArrayBufferWriter<byte>(1), indented ? IndentedOptions : CompactOptions);

    /// <summary>Starts a document into <paramref name="output"/>.</summary>
    public void Begin(IBufferWriter<byte> output) => _writer.Reset(output);

    /// <summary>Finishes the document: flushes and adds the final newline the producers write.</summary>
    public void End(IBufferWriter<byte> output)
    {
        _writer.Flush();
        var span = output.GetSpan(1);
        span[0] = (byte)'\n';
        output.Advance(1);
    }

    public void Name(ReadOnlySpan<byte> utf8Name) => _writer.WritePropertyName(utf8Name);
    public void StartObject() => _writer.WriteStartObject();
    public void EndObject() => _writer.WriteEndObject();
    public void StartArray() => _writer.WriteStartArray();
    public void EndArray() => _writer.WriteEndArray();

    public void Boolean(bool value) => _writer.WriteBooleanValue(value);
    public void Null() => _writer.WriteNullValue();
    public void Integer(long value) => _writer.WriteNumberValue(value);
    public void Text(Utf8Text value) => _writer.WriteStringValue(value.Span);
    public void Text(ReadOnlySpan<byte> value) => _writer.WriteStringValue(value);

    /// <summary>Writes a double in its shortest round-trip form; non-finite values as Python writes them.</summary>
    public void Double(double value)
    {
        if (double.IsFinite(value))
        {
            _writer.WriteNumberValue(value);
            return;
        }

        _writer.WriteRawValue(double.IsNaN(value) ? "NaN"u8 : value > 0 ? "Infinity"u8 : "-Infinity"u8, skipInputValidation: true);
    }

    /// <summary>Writes a flexible number back in the JSON type it was read as.</summary>
    public void Flex(FlexNumber value)
    {
        switch (value.Form)
        {
            case NumberForm.String:
                Span<byte> buffer = stackalloc byte[32];
                if (value.IsInteger)
                {
                    ((long)value.Value).TryFormat(buffer, out int n, default, System.Globalization.CultureInfo.InvariantCulture);
                    _writer.WriteStringValue(buffer[..n]);
                }
                else
                {
                    value.Value.TryFormat(buffer, out int n, "R", System.Globalization.CultureInfo.InvariantCulture);
                    _writer.WriteStringValue(buffer[..n]);
                }

                break;
            case NumberForm.Integer when value.IsInteger:
                _writer.WriteNumberValue((long)value.Value);
                break;
            default:
                Double(value.Value);
                break;
        }
    }

    public void Numbers(ReadOnlySpan<double> values)
    {
        _writer.WriteStartArray();
        foreach (double v in values) Double(v);
        _writer.WriteEndArray();
    }

    public void NumberRows(ReadOnlySpan<double> values, int rows)
    {
        int columns = values.Length / rows;
        _writer.WriteStartArray();
        for (int r = 0; r < rows; r++) Numbers(values.Slice(r * columns, columns));
        _writer.WriteEndArray();
    }

    public void Vector(Vec2d v) => Numbers(Vec2d.AsSpan(ref v));
    public void Vector(Vec3d v) => Numbers(Vec3d.AsSpan(ref v));
    public void Vector(Vec4d v) => Numbers(Vec4d.AsSpan(ref v));
    public void Matrix(Mat3d m) => NumberRows(Mat3d.AsSpan(ref m), 3);
    public void Matrix(Mat4d m) => NumberRows(Mat4d.AsSpan(ref m), 4);
}
