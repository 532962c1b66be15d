using Codec.Runtime.Findings;

namespace Codec.Runtime.Json;

/// <summary>How the version member of a document was written.</summary>
public enum VersionForm : byte
{
    /// <summary>No version member (the earliest files).</summary>
    Absent,
    /// <summary>A JSON string such as <c>"1.5"</c>.</summary>
    String,
    /// <summary>A JSON number such as <c>1</c>.</summary>
    Number,
    /// <summary>Present but neither a string nor a number.</summary>
    Other,
    /// <summary>The document is JSON but not an object (an array, a number, ...).</summary>
    NotAnObject,
}

/// <summary>
/// Finds a document's top-level version member without decoding the rest, so a dispatcher can pick the
/// decoder for that version. Allocation-free; broken JSON throws <see cref="JsonDecodeException"/>.
/// </summary>
public static class VersionProbe
{
    /// <summary>
    /// Returns how the member <paramref name="name"/> is written and, for strings and numbers, its text
    /// (string content unescaped, or the number literal) in <paramref name="text"/>, valid until the next call.
    /// </summary>
    public static VersionForm Find(ReadOnlySpan<byte> document, ReadOnlySpan<byte> name, DecodeContext context, out ReadOnlySpan<byte> text)
    {
        var cursor = new JsonCursor(document, context);
        text = default;
        var first = cursor.Peek();
        if (first == JsonKind.None)
        {
            // Peek skipped a byte order mark and whitespace: at the end means there was nothing else.
            bool empty = cursor.Position >= document.Length;
            throw new JsonDecodeException(empty ? FindingCodes.Truncated : FindingCodes.Syntax,
                empty ? "the document is empty" : "the document does not start with a JSON value", cursor.Position);
        }

        if (first != JsonKind.Object) return VersionForm.NotAnObject;
        cursor.TryBeginObject();
        if (!cursor.SeekMember(name)) return VersionForm.Absent;
        var kind = cursor.Peek();
        if (kind == JsonKind.String)
        {
            cursor.ReadTextSpan(out text);
            return VersionForm.String;
        }

        if (kind == JsonKind.Number)
        {
            int start = cursor.Position;
            cursor.Skip();
            text = document[start..cursor.Position];
            return VersionForm.Number;
        }

        return VersionForm.Other;
    }

    /// <summary>
    /// For readers bound to one version: reports <see cref="FindingCodes.VersionMismatch"/> in <c>context.Sink</c> when the
    /// document declares another version than <paramref name="expected"/> (or none, unless the version is the one of
    /// documents without a version member). Broken JSON is left to the decoder to report.
    /// </summary>
    public static void Expect(ReadOnlySpan<byte> document, ReadOnlySpan<byte> member, ReadOnlySpan<byte> expected, bool matchesMissing, DecodeContext context)
    {
        VersionForm form;
        ReadOnlySpan<byte> text;
        try
        {
            form = Find(document, member, context, out text);
        }
        catch (JsonDecodeException)
        {
            return;
        }

        string? declared = form switch
        {
            VersionForm.Absent => matchesMissing ? null : "no version",
            VersionForm.String or VersionForm.Number => Matches(text, expected) ? null : "version " + System.Text.Encoding.UTF8.GetString(text),
            VersionForm.Other => "a version that is neither a string nor a number",
            _ => null, // not an object: the decoder says so
        };
        if (declared is not null)
        {
            context.Sink.Report(FindingCodes.VersionMismatch, Severity.Error, "/" + System.Text.Encoding.UTF8.GetString(member),
                $"the document declares {declared}; this reader reads version {System.Text.Encoding.UTF8.GetString(expected)} only (read documents of any version with the format's dispatcher)", document, 0);
        }
    }

    /// <summary>
    /// True when <paramref name="text"/> (as written in a document) is the version <paramref name="known"/>:
    /// well formed and equal part by part, so <c>1.5</c> matches <c>"1.5"</c> but <c>"1.5-beta"</c> matches nothing.
    /// </summary>
    public static bool Matches(ReadOnlySpan<byte> text, ReadOnlySpan<byte> known) => IsWellFormed(text) && Compare(text, known) == 0;

    /// <summary>Compares two version texts numerically, part by part (<c>"1.10"</c> &gt; <c>"1.9"</c>, <c>1</c> = <c>"1.0"</c>).</summary>
    public static int Compare(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        while (!a.IsEmpty || !b.IsEmpty)
        {
            long pa = NextPart(ref a), pb = NextPart(ref b);
            if (pa != pb) return pa.CompareTo(pb);
        }

        return 0;
    }

    /// <summary>True when the text is a version: digits separated by single dots.</summary>
    public static bool IsWellFormed(ReadOnlySpan<byte> text)
    {
        if (text.IsEmpty) return false;
        bool digit = false;
        foreach (byte b in text)
        {
            if ((uint)(b - '0') <= 9) digit = true;
            else if (b == (byte)'.' && digit) digit = false;
            else return false;
        }

        return digit;
    }

    private static long NextPart(ref ReadOnlySpan<byte> s)
    {
        long v = 0;
        int i = 0;
        while (i < s.Length && s[i] != (byte)'.')
        {
            if ((uint)(s[i] - '0') <= 9 && v < int.MaxValue) v = v * 10 + (s[i] - '0');
            i++;
        }

        s = i < s.Length ? s[(i + 1)..] : default;
        return v;
    }
}
