using System.Globalization;
using System.Text;
using Codec.Runtime.Findings;

namespace Codec.Runtime.Json;

/// <summary>
/// One JSON value of a <see cref="JsonTree"/>: an object (its members in file order), an array, a string, a number,
/// a boolean or null, with the byte offset it starts at for locating findings.
/// </summary>
public sealed class JsonNode
{
    private static readonly JsonNode[] NoItems = [];
    private static readonly KeyValuePair<string, JsonNode>[] NoMembers = [];

    private JsonNode(JsonKind kind, int offset)
    {
        Kind = kind;
        Offset = offset;
    }

    public JsonKind Kind { get; }

    /// <summary>Where the value starts in the document (bytes).</summary>
    public int Offset { get; }

    /// <summary>A number's value (NaN and the infinities where Python wrote them).</summary>
    public double Number { get; private init; }

    /// <summary>A number written without fraction or exponent that fits a 64-bit integer (<see cref="Integer"/>).</summary>
    public bool IsInteger { get; private init; }

    public long Integer { get; private init; }

    /// <summary>A number as the file writes it.</summary>
    public string? NumberText { get; private init; }

    /// <summary>A string's value.</summary>
    public string? Text { get; private init; }

    /// <summary>An array's elements.</summary>
    public IReadOnlyList<JsonNode> Items { get; private init; } = NoItems;

    /// <summary>An object's members in file order (a repeated name kept once, with its last value, as Python's json does).</summary>
    public IReadOnlyList<KeyValuePair<string, JsonNode>> Members { get; private init; } = NoMembers;

    public bool IsObject => Kind == JsonKind.Object;
    public bool IsArray => Kind == JsonKind.Array;
    public bool IsString => Kind == JsonKind.String;
    public bool IsNumber => Kind == JsonKind.Number;
    public bool IsBoolean => Kind is JsonKind.True or JsonKind.False;

    /// <summary>The value of member <paramref name="name"/> of an object; false for another kind or a missing member.</summary>
    public bool TryGetMember(string name, out JsonNode value)
    {
        foreach (var member in Members)
        {
            if (member.Key == name)
            {
                value = member.Value;
                return true;
            }
        }

        value = null!;
        return false;
    }

    /// <summary>The member <paramref name="name"/>, or null.</summary>
    public JsonNode? this[string name] => TryGetMember(name, out var value) ? value : null;

    /// <summary>The value at an RFC 6901 JSON pointer (<c>/a/b</c>; "" is this value), through objects only.</summary>
    public JsonNode? At(string pointer)
    {
        var current = this;
        if (pointer.Length == 0) return current;
        foreach (var raw in pointer[1..].Split('/'))
        {
            if (current[raw.Replace("~1", "/").Replace("~0", "~")] is not { } next) return null;
            current = next;
        }

        return current;
    }

    /// <summary>What the value is, for a message: "a string", "the number 1.5", "an array".</summary>
    public string Describe() => Kind switch
    {
        JsonKind.String => "a string",
        JsonKind.Number => "the number " + NumberText,
        JsonKind.Array => "an array",
        JsonKind.Object => "an object",
        JsonKind.True or JsonKind.False => "a boolean",
        _ => "null",
    };

    internal static JsonNode Of(JsonKind kind, int offset) => new(kind, offset);

    internal static JsonNode OfNumber(int offset, double value, string text, bool isInteger, long integer) =>
        new(JsonKind.Number, offset) { Number = value, NumberText = text, IsInteger = isInteger, Integer = integer };

    internal static JsonNode OfText(int offset, string text) => new(JsonKind.String, offset) { Text = text };

    internal static JsonNode OfItems(int offset, JsonNode[] items) => new(JsonKind.Array, offset) { Items = items };

    internal static JsonNode OfMembers(int offset, KeyValuePair<string, JsonNode>[] members) => new(JsonKind.Object, offset) { Members = members };
}

/// <summary>
/// Reads a whole JSON document into <see cref="JsonNode"/>s through the strict <see cref="JsonCursor"/>: the one
/// reader of untrusted JSON that is not a generated decoder (configurations, Cryptomatte manifests,
/// the Python package's requests). Invalid UTF-8, unpaired surrogates, nesting deeper than the limit and broken
/// syntax are located findings, never exceptions; a repeated member name is a located warning
/// (<see cref="FindingCodes.DuplicateMember"/>), the last value kept.
/// </summary>
public static class JsonTree
{
    /// <summary>
    /// The document's root value, or null when the bytes are not one JSON document (the finding that says where and
    /// why is in <paramref name="sink"/>, located by line and column).
    /// </summary>
    public static JsonNode? Parse(ReadOnlySpan<byte> utf8, FindingSink sink, DecodeOptions? options = null)
    {
        sink.StartDocument();
        var context = new DecodeContext(options) { Sink = sink };
        var cursor = new JsonCursor(utf8, context);
        try
        {
            var root = Read(ref cursor, utf8);
            if (root is null) return null;
            cursor.ExpectEnd();
            return root;
        }
        catch (JsonDecodeException e)
        {
            sink.Report(e.Code, Severity.Error, cursor.CurrentPath(), e.Message, utf8, e.Offset);
            return null;
        }
    }

    // Null where a value could not be read: the cursor has reported why (a string over the size limit).
    private static JsonNode? Read(ref JsonCursor cursor, ReadOnlySpan<byte> utf8)
    {
        var kind = cursor.Peek();
        int at = cursor.Position;
        switch (kind)
        {
            case JsonKind.Object:
            {
                cursor.TryBeginObject();
                var members = new List<KeyValuePair<string, JsonNode>>();
                Dictionary<string, int>? seen = null;
                int state = 0;
                while (cursor.NextMember(ref state, out var key))
                {
                    string name = Encoding.UTF8.GetString(key);
                    if (Read(ref cursor, utf8) is not { } value) return null;
                    seen ??= new Dictionary<string, int>(StringComparer.Ordinal);
                    if (seen.TryGetValue(name, out int earlier))
                    {
                        cursor.ReportDuplicateMember();
                        members[earlier] = new(name, value);
                        continue;
                    }

                    seen[name] = members.Count;
                    members.Add(new(name, value));
                }

                return JsonNode.OfMembers(at, [.. members]);
            }

            case JsonKind.Array:
            {
                cursor.TryBeginArray();
                var items = new List<JsonNode>();
                int state = 0;
                while (cursor.NextElement(ref state))
                {
                    if (Read(ref cursor, utf8) is not { } item) return null;
                    items.Add(item);
                }

                return JsonNode.OfItems(at, [.. items]);
            }

            case JsonKind.String:
                return cursor.ReadTextSpan(out var text) ? JsonNode.OfText(at, Encoding.UTF8.GetString(text)) : null;
            case JsonKind.Number:
            {
                long whole = 0;
                cursor.ReadDouble(out double value);
                var raw = utf8[at..cursor.Position];
                bool integer = raw.IndexOfAny(".eEIN"u8) < 0 && long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out whole);
                return JsonNode.OfNumber(at, value, Encoding.ASCII.GetString(raw), integer, integer ? whole : 0);
            }

            case JsonKind.True or JsonKind.False:
                return cursor.ReadBoolean(out _) ? JsonNode.Of(kind, at) : null;
            case JsonKind.Null when cursor.TryReadNull():
                return JsonNode.Of(kind, at);
            default:
                // Not a value (a misspelt literal, a stray character, the end): skipping it throws the syntax error
                // that says what was found, where.
                cursor.Skip();
                return null;
        }
    }
}
