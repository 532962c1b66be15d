using System.Buffers;
using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;
using Codec.Runtime.Findings;
using Codec.Runtime.Numbers;
using Codec.Runtime.Text;

namespace Codec.Runtime.Json;

/// <summary>The JSON value that starts at the cursor.</summary>
public enum JsonKind : byte
{
    None,
    Object,
    Array,
    String,
    Number,
    True,
    False,
    Null,
}

/// <summary>
/// A strict, forward-only JSON reader over UTF-8 bytes, driven by generated decoders. It allocates nothing:
/// keys come back as spans of the input, strings are copied into the model's <see cref="Utf8Arena"/>, and the
/// current JSON-pointer path is kept as offsets in <see cref="DecodeContext"/> so that a finding can name
/// exactly where it is. Recoverable problems (a wrong type, an unknown member) are reported to the sink and
/// the value is skipped; unrecoverable ones (broken syntax, too deep) throw <see cref="JsonDecodeException"/>.
/// </summary>
public ref partial struct JsonCursor
{
    private static readonly SearchValues<byte> StringSpecials = SearchValues.Create("\"\\"u8);

    // What SkipChecked stops at: a string's start and the brackets.
    private static readonly SearchValues<byte> Brackets = SearchValues.Create("\"[]{}"u8);

    private readonly ReadOnlySpan<byte> _doc;
    private readonly DecodeContext _ctx;
    private int _pos;
    private int _depth;

    public JsonCursor(ReadOnlySpan<byte> utf8, DecodeContext context)
    {
        _doc = utf8;
        _ctx = context;
        _pos = 0;
        _depth = 0;
        // A UTF-8 byte order mark is tolerated, as System.Text.Json does.
        if (utf8.StartsWith("\uFEFF"u8)) _pos = 3;
    }

    public readonly int Position => _pos;

    // ---------------------------------------------------------------- structure

    /// <summary>What kind of value comes next (after whitespace).</summary>
    public JsonKind Peek()
    {
        SkipWhitespace();
        if (_pos >= _doc.Length) return JsonKind.None;
        return _doc[_pos] switch
        {
            (byte)'{' => JsonKind.Object,
            (byte)'[' => JsonKind.Array,
            (byte)'"' => JsonKind.String,
            (byte)'t' => JsonKind.True,
            (byte)'f' => JsonKind.False,
            (byte)'n' => JsonKind.Null,
            (byte)'-' or (>= (byte)'0' and <= (byte)'9') or (byte)'N' or (byte)'I' => JsonKind.Number,
            _ => JsonKind.None,
        };
    }

    /// <summary>
    /// Enters an object. When the value is not an object, reports <see cref="FindingCodes.WrongType"/>,
    /// skips it and returns false.
    /// </summary>
    public bool TryBeginObject()
    {
        SkipWhitespace();
        if (_pos < _doc.Length && _doc[_pos] == (byte)'{')
        {
            _pos++;
            Push(isArray: false);
            return true;
        }

        ReportWrongTypeAndSkip("an object");
        return false;
    }

    /// <summary>
    /// Moves to the next member of the current object. <paramref name="state"/> starts at 0 for each object.
    /// Returns false (and leaves the object) at its closing brace.
    /// </summary>
    public bool NextMember(ref int state, out ReadOnlySpan<byte> name)
    {
        // The usual member, compact or indented ([','] '"' name '"' ':', whitespace anywhere between), read with the
        // position in a local and nothing stored until it is whole: the object's end, a name the inline scan does not
        // finish and every error take the general path, from where this one started.
        var doc = _doc;
        int pos = WhitespaceEnd(doc, _pos);
        if ((uint)pos < (uint)doc.Length)
        {
            byte b = doc[pos];
            if (state != 0)
            {
                pos = b == (byte)',' ? WhitespaceEnd(doc, pos + 1) : doc.Length;
                b = (uint)pos < (uint)doc.Length ? doc[pos] : (byte)0;
            }

            if (b == (byte)'"' && PlainStringEnd(doc, pos + 1) is var end and >= 0)
            {
                int colon = WhitespaceEnd(doc, end + 1);
                if ((uint)colon < (uint)doc.Length && doc[colon] == (byte)':')
                {
                    ref var frame = ref _ctx.Frames[_depth];
                    frame.KeyStart = pos + 1;
                    frame.KeyLength = end - pos - 1;
                    name = doc[(pos + 1)..end];
                    _pos = colon + 1;
                    state = 1;
                    return true;
                }
            }
        }

        return NextMemberGeneral(ref state, out name);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool NextMemberGeneral(ref int state, out ReadOnlySpan<byte> name)
    {
        SkipWhitespace();
        if (_pos >= _doc.Length) throw Truncated();
        byte b = _doc[_pos];
        if (state != 0)
        {
            if (b == (byte)'}') { _pos++; Pop(); name = default; return false; }
            if (b != (byte)',') throw SyntaxError("expected ',' or '}' after an object member");
            _pos++;
            SkipWhitespace();
            if (_pos >= _doc.Length) throw Truncated();
            b = _doc[_pos];
        }
        else if (b == (byte)'}')
        {
            _pos++;
            Pop();
            name = default;
            return false;
        }

        if (b != (byte)'"') throw SyntaxError(state == 0 ? "expected a member name or '}'" : "expected a member name after ','");
        int keyStart = _pos + 1;
        name = ReadStringBytes(forKey: true);
        ref var frame = ref _ctx.Frames[_depth];
        frame.KeyStart = keyStart;
        frame.KeyLength = _pos - 1 - keyStart;
        SkipWhitespace();
        if (_pos >= _doc.Length) throw Truncated();
        if (_doc[_pos] != (byte)':') throw SyntaxError("expected ':' after a member name");
        _pos++;
        state = 1;
        return true;
    }

    /// <summary>
    /// Enters an array. When the value is not an array, reports <see cref="FindingCodes.WrongType"/>, skips it and
    /// returns false.
    /// </summary>
    public bool TryBeginArray()
    {
        SkipWhitespace();
        if (_pos < _doc.Length && _doc[_pos] == (byte)'[')
        {
            _pos++;
            Push(isArray: true);
            _ctx.Frames[_depth].Index = -1;
            return true;
        }

        ReportWrongTypeAndSkip("an array");
        return false;
    }

    /// <summary>Moves to the next element of the current array; false (and leaves the array) at its end.</summary>
    public bool NextElement(ref int state)
    {
        SkipWhitespace();
        if (_pos >= _doc.Length) throw Truncated();
        byte b = _doc[_pos];
        if (b == (byte)']')
        {
            _pos++;
            Pop();
            return false;
        }

        if (state == 1)
        {
            if (b != (byte)',') throw SyntaxError("expected ',' or ']' after an array element");
            _pos++;
            SkipWhitespace();
            if (_pos < _doc.Length && _doc[_pos] == (byte)']') throw SyntaxError("trailing ',' before ']'");
        }

        _ctx.Frames[_depth].Index++;
        state = 1;
        return true;
    }

    /// <summary>
    /// Inside an object just entered, moves to the value of member <paramref name="name"/>, skipping the members
    /// before it. False (the object left) when there is no such member.
    /// </summary>
    public bool SeekMember(ReadOnlySpan<byte> name)
    {
        int state = 0;
        while (NextMember(ref state, out var key))
        {
            if (key.SequenceEqual(name)) return true;
            Skip();
        }

        return false;
    }

    /// <summary>Inside an array just entered, moves to element <paramref name="index"/>. False (the array left) when it is shorter.</summary>
    public bool SeekElement(int index)
    {
        int state = 0;
        while (NextElement(ref state))
        {
            if (_ctx.Frames[_depth].Index == index) return true;
            Skip();
        }

        return false;
    }

    /// <summary>Copies bytes (e.g. a map key) into the model's arena.</summary>
    public readonly Utf8Text Store(ReadOnlySpan<byte> bytes) => _ctx.Arena.Store(bytes);

    /// <summary>Checks that nothing but whitespace follows the document.</summary>
    public void ExpectEnd()
    {
        SkipWhitespace();
        if (_pos < _doc.Length) throw new JsonDecodeException(FindingCodes.TrailingContent, "unexpected content after the end of the document", _pos);
    }

    // ---------------------------------------------------------------- findings

    /// <summary>The JSON pointer of the value being read, e.g. <c>/landmarks/ibug68/12/screen_space_pos</c>.</summary>
    public readonly string CurrentPath() => BuildPath(_depth);

    /// <summary>Reports a finding at the current value.</summary>
    public readonly void Report(string code, Severity severity, string message) =>
        _ctx.Sink.Report(code, severity, CurrentPath(), message, _doc, _pos);

    /// <summary>Reports a finding about a member of the object just left (e.g. a missing required member).</summary>
    public readonly void ReportChild(string code, Severity severity, string childName, string message) =>
        _ctx.Sink.Report(code, severity, CurrentPath() + "/" + childName, message, _doc, Math.Max(0, _pos - 1));

    /// <summary>
    /// Skips the value ahead, then reports a finding located at its start. A value that is itself broken (bad syntax,
    /// too deep) throws its own error while being skipped, and nothing else is said about it.
    /// </summary>
    public void SkipAndReport(string code, Severity severity, string message)
    {
        int start = _pos;
        Skip();
        int end = _pos;
        _pos = start;
        Report(code, severity, message);
        _pos = end;
    }

    /// <summary>Reports an unknown member and skips its value.</summary>
    public void SkipUnknownMember(Severity severity)
    {
        Report(FindingCodes.UnknownMember, severity, "member is not part of this format version");
        Skip();
    }

    /// <summary>Reports a repeated member name (the later value wins, as in Python's json).</summary>
    public readonly void ReportDuplicateMember() =>
        Report(FindingCodes.DuplicateMember, Severity.Warning, "member appears more than once; the last value is used");

    private readonly string BuildPath(int depth)
    {
        if (depth == 0) return "";
        var sb = new StringBuilder();
        for (int d = 1; d <= depth; d++)
        {
            sb.Append('/');
            if (_ctx.Frames[d].IsArray)
            {
                sb.Append(Math.Max(0, _ctx.Frames[d].Index));
            }
            else
            {
                int start = _ctx.Frames[d].KeyStart, length = _ctx.Frames[d].KeyLength;
                if ((uint)start > (uint)_doc.Length || (uint)length > (uint)(_doc.Length - start))
                {
                    sb.Append('?'); // no member name read yet at this level
                    continue;
                }

                var key = _doc.Slice(start, length);
                var text = Utf8.IsValid(key) ? Encoding.UTF8.GetString(key) : Convert.ToHexString(key);
                sb.Append(text.Replace("~", "~0").Replace("/", "~1"));
            }
        }

        return sb.ToString();
    }

    // Skips first, so a value that is not even valid JSON is reported as the syntax error it is, not as a type.
    private void ReportWrongTypeAndSkip(string expected)
    {
        var kind = Peek();
        if (kind == JsonKind.None)
        {
            if (_pos >= _doc.Length) throw Truncated();
            throw SyntaxError("expected a JSON value");
        }

        int start = _pos;
        Skip();
        int end = _pos;
        _pos = start;
        Report(FindingCodes.WrongType, Severity.Error, $"expected {expected}, found {Describe(kind)}");
        _pos = end;
    }

    /// <summary>A value of a kind in a message: <c>an object</c>, <c>a string</c>, <c>null</c>.</summary>
    public static string Describe(JsonKind kind) => kind switch
    {
        JsonKind.Object => "an object",
        JsonKind.Array => "an array",
        JsonKind.String => "a string",
        JsonKind.Number => "a number",
        JsonKind.True or JsonKind.False => "a boolean",
        JsonKind.Null => "null",
        _ => "nothing",
    };

    // ---------------------------------------------------------------- plumbing

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void SkipWhitespace() => _pos = WhitespaceEnd(_doc, _pos);

    // Where the whitespace at pos ends: pos itself, told inline, when there is none.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int WhitespaceEnd(ReadOnlySpan<byte> doc, int pos) =>
        (uint)pos < (uint)doc.Length && doc[pos] > (byte)' ' ? pos : WhitespaceRunEnd(doc, pos);

    // Real files are indented: a newline and a run of spaces before most tokens, one space after each ':'.
    // Spaces are counted eight at a time (SWAR) inline; vectorized searches cost more than they save on runs this short.
    private static int WhitespaceRunEnd(ReadOnlySpan<byte> doc, int pos)
    {
        while ((uint)pos < (uint)doc.Length)
        {
            byte b = doc[pos];
            if (b == (byte)' ')
            {
                while (pos + 8 <= doc.Length)
                {
                    ulong notSpace = BinaryPrimitives.ReadUInt64LittleEndian(doc.Slice(pos, 8)) ^ 0x2020202020202020UL;
                    if (notSpace != 0)
                    {
                        pos += BitOperations.TrailingZeroCount(notSpace) >> 3;
                        goto nextByte;
                    }

                    pos += 8;
                }

                while (pos < doc.Length && doc[pos] == (byte)' ') pos++;
            }
            else if (b is (byte)'\n' or (byte)'\r' or (byte)'\t')
            {
                pos++;
            }
            else
            {
                break;
            }

            nextByte:;
        }

        return pos;
    }

    private void Push(bool isArray)
    {
        if (_depth >= _ctx.Options.MaxDepth)
        {
            throw new JsonDecodeException(FindingCodes.TooDeep, $"nesting deeper than {_ctx.Options.MaxDepth} levels", _pos - 1);
        }

        _depth++;
        // Frames are reused across documents: a new one keeps nothing of the previous one.
        _ctx.Frames[_depth] = new DecodeContext.Frame { IsArray = isArray };
    }

    private void Pop() => _depth--;

    private readonly JsonDecodeException SyntaxError(string message) =>
        _pos >= _doc.Length ? Truncated() : new JsonDecodeException(FindingCodes.Syntax, $"{message} (found '{Printable(_doc[_pos])}')", _pos);

    private readonly JsonDecodeException Truncated() =>
        new(FindingCodes.Truncated, "the document ends in the middle of a value", _doc.Length);

    private static string Printable(byte b) => b is >= 0x20 and < 0x7F ? ((char)b).ToString() : $"0x{b:X2}";
}
