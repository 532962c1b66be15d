using System.Text;
using Codec.Runtime.Findings;

namespace Codec.Runtime.Json;

/// <summary>
/// Finds where a JSON pointer's value starts in a document, so findings about the decoded model (semantic rules,
/// ranges) get a line and column too. Only called for findings, never on the clean path.
/// </summary>
public static class JsonPointerLocator
{
    /// <summary>Byte offset of the value at <paramref name="pointer"/>, or -1 when it is not there.</summary>
    public static int Locate(ReadOnlySpan<byte> document, string pointer, DecodeContext context)
    {
        try
        {
            var cursor = new JsonCursor(document, context);
            if (pointer.Length == 0) return cursor.Peek() == JsonKind.None ? -1 : SkipToValue(ref cursor);
            foreach (var rawSegment in pointer[1..].Split('/'))
            {
                string segment = rawSegment.Replace("~1", "/").Replace("~0", "~");
                var kind = cursor.Peek();
                bool found = kind switch
                {
                    JsonKind.Object => cursor.TryBeginObject() && cursor.SeekMember(Encoding.UTF8.GetBytes(segment)),
                    JsonKind.Array => int.TryParse(segment, out int index) && index >= 0 && cursor.TryBeginArray() && cursor.SeekElement(index),
                    _ => false,
                };
                if (!found) return -1;
            }

            return SkipToValue(ref cursor);
        }
        catch (JsonDecodeException)
        {
            return -1;
        }
    }

    /// <summary>
    /// Where the whole value at <paramref name="pointer"/> lies (its first byte and length), for reading or comparing
    /// a subtree of a document without decoding the rest. False when it is not there or the document is broken.
    /// </summary>
    public static bool TryLocateValue(ReadOnlySpan<byte> document, string pointer, DecodeContext context, out int start, out int length)
    {
        start = Locate(document, pointer, context);
        length = 0;
        if (start < 0) return false;
        try
        {
            var cursor = new JsonCursor(document[start..], context);
            cursor.Skip();
            length = cursor.Position;
            return true;
        }
        catch (JsonDecodeException)
        {
            return false;
        }
    }

    /// <summary>The number at <paramref name="pointer"/>, if there is one there.</summary>
    public static bool TryReadDouble(ReadOnlySpan<byte> document, string pointer, DecodeContext context, out double value)
    {
        value = 0;
        if (!TryLocateValue(document, pointer, context, out int start, out int length)) return false;
        var slice = document.Slice(start, length);
        return slice.Length > 0 && (slice[0] == (byte)'-' || (uint)(slice[0] - '0') <= 9)
            && double.TryParse(slice, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Adds line and column to findings that have a path but no location.</summary>
    public static IReadOnlyList<Finding> AddLocations(ReadOnlySpan<byte> document, IReadOnlyList<Finding> findings, DecodeContext context)
    {
        var result = new List<Finding>(findings.Count);
        var lines = default(LineIndex);
        foreach (var f in findings)
        {
            if (f.Line > 0 || f.Path.Length == 0 && f.Code == FindingCodes.TooManyFindings)
            {
                result.Add(f);
                continue;
            }

            int offset = Locate(document, f.Path, context);
            if (offset < 0)
            {
                result.Add(f);
                continue;
            }

            var (line, column) = lines.Locate(document, offset);
            result.Add(f with { Line = line, Column = column, Offset = offset });
        }

        return result;
    }

    private static int SkipToValue(ref JsonCursor cursor)
    {
        cursor.Peek();
        return cursor.Position;
    }
}
