using System.Globalization;
using Codec.Formats.Findings;
using Codec.Runtime.Findings;
using Codec.Runtime.Json;

namespace Codec.Formats.Datasets;

/// <summary>What a dataset JSON field holds: a number or an array of numbers, integers or not.</summary>
public enum JsonFieldType
{
    Int,
    Float,
    IntList,
    FloatList,
}

/// <summary>How a field type reads in a message.</summary>
public static class JsonFieldTypes
{
    public static bool IsList(this JsonFieldType type) => type is JsonFieldType.IntList or JsonFieldType.FloatList;

    public static bool Integers(this JsonFieldType type) => type is JsonFieldType.Int or JsonFieldType.IntList;

    /// <summary><c>an integer</c>, <c>a number</c>, <c>an array of integers</c>, <c>an array of numbers</c>.</summary>
    public static string Expected(this JsonFieldType type) => type switch
    {
        JsonFieldType.Int => "an integer",
        JsonFieldType.Float => "a number",
        JsonFieldType.IntList => "an array of integers",
        _ => "an array of numbers",
    };
}

/// <summary>
/// Reads a dataset JSON file: the decoder the schema's generator emitted for the file's declared fields walks the
/// document once with the strict <see cref="JsonCursor"/>, and calls these to enter objects on a field's path and to read
/// each field's value into its slot (one per declared pointer). A value of the wrong type is a located finding and its
/// slot is marked unreadable; a member no field declares is skipped.
/// </summary>
public delegate void JsonDocumentDecoder(ref JsonCursor cursor, JsonFieldValues values);

/// <summary>The declared values of one dataset JSON file, as its generated decoder read them: numbers per slot.</summary>
public sealed class JsonFieldValues
{
    private readonly double[]?[] _numbers;
    private readonly bool[] _unreadable;
    // Slots whose member was met (read, or found of the wrong type): a second meeting is a repeated member. A slot
    // marked unreadable by its parent was never met, so a parent written twice is said once, by its own member.
    private readonly bool[] _met;

    public JsonFieldValues(int slots)
    {
        _numbers = new double[slots][];
        _unreadable = new bool[slots];
        _met = new bool[slots];
    }

    /// <summary>The numbers read into a slot (one for a scalar), or null when the value is absent or unreadable.</summary>
    public double[]? Numbers(int slot) => _numbers[slot];

    /// <summary>True when the value is there but not of its declared type, or lies below a value that is not an object (said already).</summary>
    public bool IsUnreadable(int slot) => _unreadable[slot];

    /// <summary>Marks a slot whose path could not be followed (a value on the way is not an object).</summary>
    public void Unreadable(int slot) => _unreadable[slot] = true;

    /// <summary>
    /// Enters the object at the cursor. Anything else is reported as a field problem (<paramref name="severity"/>: the
    /// gravest of the fields below it), skipped, and false is returned.
    /// </summary>
    public bool EnterObject(ref JsonCursor cursor, Severity severity)
    {
        var kind = Next(ref cursor);
        if (kind == JsonKind.Object) return cursor.TryBeginObject();
        string at = Display(cursor.CurrentPath());
        cursor.SkipAndReport(DatasetFindingCodes.BadField, severity, $"{at} is {JsonCursor.Describe(kind)}, not an object");
        return false;
    }

    /// <summary>Reads the value at the cursor into <paramref name="slot"/> as <paramref name="type"/>; the later of two values wins.</summary>
    public void Read(ref JsonCursor cursor, int slot, JsonFieldType type, Severity severity)
    {
        if (_met[slot]) cursor.ReportDuplicateMember();
        _met[slot] = true;
        _numbers[slot] = null;
        _unreadable[slot] = false;
        string at = Display(cursor.CurrentPath());
        bool integers = type.Integers();
        if (!type.IsList())
        {
            if (Number(ref cursor, integers, out double value, out bool read) is { } found) Fail(ref cursor, slot, severity, $"{at} is {found}, not {type.Expected()}", read);
            else _numbers[slot] = [value];
            return;
        }

        var kind = Next(ref cursor);
        if (kind != JsonKind.Array)
        {
            Fail(ref cursor, slot, severity, $"{at} is {JsonCursor.Describe(kind)}, not {type.Expected()}", read: false);
            return;
        }

        cursor.TryBeginArray();
        var numbers = new List<double>();
        int state = 0;
        while (cursor.NextElement(ref state))
        {
            if (Number(ref cursor, integers, out double value, out bool read) is not { } found)
            {
                numbers.Add(value);
                continue;
            }

            // One finding per array: the first element that is not a number says what is wrong; the rest is skipped.
            Fail(ref cursor, slot, severity, $"{at}[{numbers.Count}] is {found}, not {(integers ? "an integer" : "a number")}", read);
            while (cursor.NextElement(ref state)) cursor.Skip();
            return;
        }

        _numbers[slot] = [.. numbers];
    }

    // Null when a number of the kind wanted was read; otherwise what was there instead. A number of the wrong kind
    // (a fraction where an integer is meant, NaN) has been read; anything else is still ahead.
    private static string? Number(ref JsonCursor cursor, bool integer, out double value, out bool read)
    {
        var kind = Next(ref cursor);
        value = 0;
        bool writtenAsInteger = false;
        read = kind == JsonKind.Number && cursor.TryReadNumber(out value, out writtenAsInteger);
        if (!read) return JsonCursor.Describe(kind);
        if (integer ? writtenAsInteger : double.IsFinite(value)) return null;
        return "the number " + value.ToString("R", CultureInfo.InvariantCulture);
    }

    // The value is reported where it stands and skipped, unless it was read already (a number of the wrong kind).
    private void Fail(ref JsonCursor cursor, int slot, Severity severity, string message, bool read)
    {
        _unreadable[slot] = true;
        if (read) cursor.Report(DatasetFindingCodes.BadField, severity, message);
        else cursor.SkipAndReport(DatasetFindingCodes.BadField, severity, message);
    }

    // The kind of the value ahead. Where there is no value (a stray character, the end) skipping it throws the
    // reader's syntax error, which says what was found and where: the file's one finding.
    private static JsonKind Next(ref JsonCursor cursor)
    {
        var kind = cursor.Peek();
        if (kind == JsonKind.None) cursor.Skip();
        return kind;
    }

    private static string Display(string pointer) => pointer.Length == 0 ? "/" : pointer;
}
