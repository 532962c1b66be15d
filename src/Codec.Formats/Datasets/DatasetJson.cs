using Codec.Runtime.Findings;
using Codec.Runtime.Json;

namespace Codec.Formats.Datasets;

/// <summary>Decodes a dataset JSON file with the decoder generated for its declared fields.</summary>
public static class DatasetJson
{
    /// <summary>
    /// The file's declared values, or null when the bytes are not one JSON document (the located finding is in
    /// <paramref name="sink"/>). A file without declared fields is only checked to be JSON: its values are empty.
    /// </summary>
    public static JsonFieldValues? Decode(FileSpec spec, ReadOnlySpan<byte> utf8, FindingSink sink)
    {
        sink.StartDocument();
        var values = new JsonFieldValues(spec.JsonSlots);
        var cursor = new JsonCursor(utf8, new DecodeContext { Sink = sink });
        try
        {
            if (spec.DecodeJson is { } decode) decode(ref cursor, values);
            else cursor.Skip();
            cursor.ExpectEnd();
            return values;
        }
        catch (JsonDecodeException e)
        {
            sink.Report(e.Code, Severity.Error, cursor.CurrentPath(), e.Message, utf8, e.Offset);
            return null;
        }
    }
}
