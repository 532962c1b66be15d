using System.Text.Unicode;
using System.Runtime.Intrinsics;
using Codec.Runtime.Findings;
using Codec.Runtime.Numbers;
using Codec.Runtime.Text;

namespace Codec.Runtime.Json;

// Scalar values: numbers, strings, booleans, fixed-length numeric arrays, and skipping.
public ref partial struct JsonCursor
{
    /// <summary>Reads a number (integers accepted where floats are meant). False, reported and skipped otherwise.</summary>
    public bool ReadDouble(out double value)
    {
        SkipWhitespace();
        if (_pos < _doc.Length && IsNumberStart(_doc[_pos]))
        {
            value = ParseNumber(out _);
            return true;
        }

        ReportWrongTypeAndSkip("a number");
        value = 0;
        return false;
    }

    /// <summary>
    /// Reads a number when one is next, telling whether it is written as an integer (no fraction, no exponent); false,
    /// and nothing read or reported, when the next value is not a number: the caller says what it expected.
    /// </summary>
    public bool TryReadNumber(out double value, out bool writtenAsInteger)
    {
        SkipWhitespace();
        if (_pos < _doc.Length && IsNumberStart(_doc[_pos]))
        {
            value = ParseNumber(out writtenAsInteger);
            return true;
        }

        value = 0;
        writtenAsInteger = false;
        return false;
    }

    /// <summary>Reads an integer literal. A fraction or exponent is reported as the wrong type.</summary>
    public bool ReadInt64(out long value)
    {
        SkipWhitespace();

        // Fast path: up to 18 digits (cannot overflow) not followed by a fraction or exponent.
        var doc = _doc;
        int i = _pos;
        bool negative = i < doc.Length && doc[i] == (byte)'-';
        if (negative) i++;
        int digitsStart = i;
        long accumulated = 0;
        while (i < doc.Length && (uint)(doc[i] - '0') <= 9 && i - digitsStart < 18)
        {
            accumulated = accumulated * 10 + (doc[i] - '0');
            i++;
        }

        int digits = i - digitsStart;
        if (digits > 0 && (digits == 1 || doc[digitsStart] != (byte)'0') && (i >= doc.Length || !IsNumberContinuation(doc[i])))
        {
            _pos = i;
            value = negative ? -accumulated : accumulated;
            return true;
        }

        if (_pos < _doc.Length && (_doc[_pos] == (byte)'-' || (uint)(_doc[_pos] - '0') <= 9))
        {
            int start = _pos;
            double d = ParseNumber(out bool isInteger);
            if (isInteger && TryParseInteger(_doc[start.._pos], out value)) return true;
            _pos = start;
            Report(isInteger ? FindingCodes.NumberOutOfRange : FindingCodes.WrongType, Severity.Error,
                isInteger ? "integer does not fit in 64 bits" : $"expected an integer, found {d.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}");
            Skip();
            value = 0;
            return false;
        }

        ReportWrongTypeAndSkip("an integer");
        value = 0;
        return false;
    }

    private static bool IsNumberContinuation(byte b) => (uint)(b - '0') <= 9 || b == (byte)'.' || (b | 0x20) == (byte)'e';

    /// <summary>
    /// Consumes a JSON <c>null</c> and returns true (for members the schema marks nullable); anything else is left
    /// in place for the typed read, which reports it.
    /// </summary>
    public bool TryReadNull()
    {
        SkipWhitespace();
        if (!_doc[_pos..].StartsWith("null"u8)) return false;
        _pos += 4;
        return true;
    }

    public bool ReadBoolean(out bool value)
    {
        SkipWhitespace();
        var rest = _doc[_pos..];
        if (rest.StartsWith("true"u8)) { _pos += 4; value = true; return true; }
        if (rest.StartsWith("false"u8)) { _pos += 5; value = false; return true; }
        ReportWrongTypeAndSkip("a boolean");
        value = false;
        return false;
    }

    /// <summary>Reads a string into the arena.</summary>
    public bool ReadText(out Utf8Text value)
    {
        SkipWhitespace();
        if (_pos < _doc.Length && _doc[_pos] == (byte)'"')
        {
            int start = _pos;
            var bytes = ReadStringBytes(forKey: false);
            if (ReportIfTooLong(start))
            {
                value = default;
                return false;
            }

            value = _ctx.Arena.Store(bytes);
            return true;
        }

        ReportWrongTypeAndSkip("a string");
        value = default;
        return false;
    }

    /// <summary>
    /// Reads a string and returns its unescaped bytes without copying them anywhere lasting: valid until the next
    /// read. Used to map known names to enums.
    /// </summary>
    public bool ReadTextSpan(out ReadOnlySpan<byte> value)
    {
        SkipWhitespace();
        if (_pos < _doc.Length && _doc[_pos] == (byte)'"')
        {
            int start = _pos;
            value = ReadStringBytes(forKey: false);
            return !ReportIfTooLong(start);
        }

        ReportWrongTypeAndSkip("a string");
        value = default;
        return false;
    }

    // After a string read from 'start' (its opening quote): reports it when it is over the size limit.
    private bool ReportIfTooLong(int start)
    {
        int length = _pos - start - 2; // the string as written, without its quotes
        if (length <= _ctx.Options.MaxStringBytes) return false;
        int end = _pos;
        _pos = start;
        Report(FindingCodes.StringTooLong, Severity.Error, $"string of {length} bytes exceeds the limit of {_ctx.Options.MaxStringBytes}");
        _pos = end;
        return true;
    }

    /// <summary>Reads a value that may be a number or a string holding a number (<c>1</c>, <c>0.95</c>, <c>"121"</c>).</summary>
    public bool ReadFlexNumber(out FlexNumber value)
    {
        SkipWhitespace();
        if (_pos < _doc.Length && _doc[_pos] == (byte)'"')
        {
            int start = _pos;
            var bytes = ReadStringBytes(forKey: false);
            if (ReportIfTooLong(start))
            {
                value = default;
                return false;
            }

            if (TryParseFlexible(bytes, out double d))
            {
                value = new FlexNumber(d, NumberForm.String);
                return true;
            }

            int end = _pos;
            _pos = start;
            Report(FindingCodes.NotNumericString, Severity.Error, "expected a number or a string holding a number");
            _pos = end;
            value = default;
            return false;
        }

        if (_pos < _doc.Length && (_doc[_pos] == (byte)'-' || (uint)(_doc[_pos] - '0') <= 9))
        {
            double d = ParseNumber(out bool isInteger);
            value = new FlexNumber(d, isInteger ? NumberForm.Integer : NumberForm.Real);
            return true;
        }

        ReportWrongTypeAndSkip("a number or a numeric string");
        value = default;
        return false;
    }

    /// <summary>
    /// Reads an array of exactly <paramref name="target"/>.Length numbers (a vector). A different count is reported.
    /// </summary>
    public bool ReadNumbers(scoped Span<double> target)
    {
        // Fast path for the common, well-formed case: '[', n plain numbers, ']'. Anything else (a wrong count, a
        // non-number, NaN, truncation) rewinds and takes the general path below, which reports it precisely.
        int start = _pos;
        SkipWhitespace();
        if (_pos < _doc.Length && _doc[_pos] == (byte)'[')
        {
            _pos++;
            int n = 0;
            while (true)
            {
                SkipWhitespace();
                if (n >= target.Length || _pos >= _doc.Length) break;
                byte b = _doc[_pos];
                if (b != (byte)'-' && (uint)(b - '0') > 9) break;
                double value = NumberScanner.Scan(_doc, ref _pos, out _, out var error);
                if (error != NumberScanner.Error.None || !double.IsFinite(value)) break;
                target[n++] = value;
                SkipWhitespace();
                if (_pos >= _doc.Length) break;
                if (_doc[_pos] == (byte)',')
                {
                    _pos++;
                    continue;
                }

                if (_doc[_pos] == (byte)']' && n == target.Length)
                {
                    _pos++;
                    return true;
                }

                break;
            }
        }

        _pos = start;
        return ReadNumbersGeneral(target);
    }

    private bool ReadNumbersGeneral(scoped Span<double> target)
    {
        if (!TryBeginArray()) return false;
        int state = 0, count = 0;
        bool ok = true;
        while (NextElement(ref state))
        {
            if (count < target.Length)
            {
                ok &= ReadDouble(out target[count]);
            }
            else
            {
                Skip();
            }

            count++;
        }

        if (count != target.Length)
        {
            Report(FindingCodes.CountOutOfBounds, Severity.Error, $"expected {target.Length} numbers, found {count}");
            return false;
        }

        return ok;
    }

    /// <summary>Reads an array of <paramref name="rows"/> arrays of numbers (a matrix), row-major into <paramref name="target"/>.</summary>
    public bool ReadNumberRows(scoped Span<double> target, int rows)
    {
        if (!TryBeginArray()) return false;
        int columns = target.Length / rows;
        int state = 0, count = 0;
        bool ok = true;
        while (NextElement(ref state))
        {
            if (count < rows)
            {
                ok &= ReadNumbers(target.Slice(count * columns, columns));
            }
            else
            {
                Skip();
            }

            count++;
        }

        if (count != rows)
        {
            Report(FindingCodes.CountOutOfBounds, Severity.Error, $"expected {rows} rows, found {count}");
            return false;
        }

        return ok;
    }

    /// <summary>Skips one value of any kind, checking its syntax, without recursion.</summary>
    public void Skip()
    {
        int baseDepth = _depth;
        do
        {
            SkipWhitespace();
            if (_pos >= _doc.Length) throw Truncated();
            if (_depth > baseDepth)
            {
                bool inArray = _ctx.Frames[_depth].IsArray;
                byte close = inArray ? (byte)']' : (byte)'}';
                if (_doc[_pos] == close)
                {
                    _pos++;
                    Pop();
                    if (_depth > baseDepth) _ctx.Frames[_depth].HasValue = true;
                    continue;
                }

                if (_ctx.Frames[_depth].HasValue)
                {
                    if (_doc[_pos] != (byte)',') throw SyntaxError(inArray ? "expected ',' or ']'" : "expected ',' or '}'");
                    _pos++;
                    SkipWhitespace();
                    if (_pos >= _doc.Length) throw Truncated();
                    if (_doc[_pos] == close) throw SyntaxError("trailing ',' before the end of a container");
                    if (inArray) _ctx.Frames[_depth].Index++;
                }

                if (!inArray)
                {
                    if (_doc[_pos] != (byte)'"') throw SyntaxError("expected a member name");
                    int keyStart = _pos + 1;
                    ReadStringBytes(forKey: true);
                    _ctx.Frames[_depth].KeyStart = keyStart;
                    _ctx.Frames[_depth].KeyLength = _pos - 1 - keyStart;
                    SkipWhitespace();
                    if (_pos >= _doc.Length) throw Truncated();
                    if (_doc[_pos] != (byte)':') throw SyntaxError("expected ':' after a member name");
                    _pos++;
                    SkipWhitespace();
                    if (_pos >= _doc.Length) throw Truncated();
                }
            }

            if (SkipOneToken() && _depth > baseDepth) _ctx.Frames[_depth].HasValue = true;
        }
        while (_depth > baseDepth);
    }

    /// <summary>
    /// Skips one value of a document whose syntax the decoder has already checked: a container by its brackets alone
    /// (strings stepped over whole, so a bracket inside one does not count), found by a vectorised search; a scalar
    /// as <see cref="Skip"/> does. Several times faster than <see cref="Skip"/>, which checks every token, on the
    /// number arrays real files are made of. On a broken document it stops at the end (a truncation error) and never
    /// reads outside it.
    /// </summary>
    public void SkipChecked()
    {
        SkipWhitespace();
        if (_pos >= _doc.Length) throw Truncated();
        if (_doc[_pos] is not ((byte)'[' or (byte)'{'))
        {
            Skip();
            return;
        }

        var doc = _doc;
        int pos = _pos;
        int depth = 0;
        while (true)
        {
            int next = doc[pos..].IndexOfAny(Brackets);
            if (next < 0) break;
            pos += next;
            byte b = doc[pos++];
            if (b == (byte)'"')
            {
                // To the closing quote: an escaped character (\" among them) is stepped over with its backslash.
                while (true)
                {
                    int special = doc[pos..].IndexOfAny(StringSpecials);
                    if (special < 0) goto truncated;
                    pos += special;
                    if (doc[pos] == (byte)'"') break;
                    pos += 2;
                    if (pos >= doc.Length) goto truncated;
                }

                pos++;
            }
            else if (b is (byte)'[' or (byte)'{')
            {
                depth++;
            }
            else if (--depth == 0)
            {
                _pos = pos;
                return;
            }
        }

        truncated:
        _pos = doc.Length;
        throw Truncated();
    }

    // Reads a scalar fully (true) or opens a container, leaving its content to the loop in Skip (false).
    private bool SkipOneToken()
    {
        byte b = _doc[_pos];
        switch (b)
        {
            case (byte)'{':
                _pos++;
                Push(isArray: false);
                return false;
            case (byte)'[':
                _pos++;
                Push(isArray: true);
                return false;
            case (byte)'"':
                ReadStringBytes(forKey: false, copyEscapes: false);
                return true;
            case (byte)'t' when _doc[_pos..].StartsWith("true"u8):
                _pos += 4;
                return true;
            case (byte)'f' when _doc[_pos..].StartsWith("false"u8):
                _pos += 5;
                return true;
            case (byte)'n' when _doc[_pos..].StartsWith("null"u8):
                _pos += 4;
                return true;
            default:
                if (IsNumberStart(b))
                {
                    SkipNumber();
                    return true;
                }

                throw SyntaxError("expected a JSON value");
        }
    }

    // ---------------------------------------------------------------- strings

    /// <summary>
    /// Reads a string token starting at '"'. Returns the raw bytes when there are no escapes, else the unescaped
    /// bytes in scratch space; nothing (empty) for an escaped string beyond the size limit, which is only checked.
    /// Rejects control characters and invalid UTF-8.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private ReadOnlySpan<byte> ReadStringBytes(bool forKey, bool copyEscapes = true)
    {
        int start = _pos + 1;
        if (PlainStringEnd(_doc, start) is var end and >= 0)
        {
            _pos = end + 1;
            return _doc[start..end];
        }

        return ReadStringBytesGeneral(forKey, copyEscapes);
    }

    // Most member names and values end within 24 bytes, plain ASCII ("distance_to_camera"): the closing quote of the
    // string whose content starts at `start`, found inline a word (SWAR) at a time, or -1 when the string is longer,
    // holds an escape, a control byte or non-ASCII, or the document ends within 24 bytes (the general path reads
    // those). A call per string, with the frame the general path needs, cost more than the scan itself.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static int PlainStringEnd(ReadOnlySpan<byte> doc, int start)
    {
        if (Vector256.IsHardwareAccelerated && start + 32 <= doc.Length)
        {
            // 32 bytes in one comparison, without a branch on the string's length (names of every length alternate).
            // A byte below 0x20 or above 0x7F is below 0x20 as a signed byte.
            var bytes = Vector256.Create(doc.Slice(start, 32));
            var special = Vector256.Equals(bytes, Vector256.Create((byte)'"')) | Vector256.Equals(bytes, Vector256.Create((byte)'\\'))
                | Vector256.LessThan(bytes.AsSByte(), Vector256.Create((sbyte)0x20)).AsByte();
            uint found = special.ExtractMostSignificantBits();
            if (found == 0) return -1;
            int quote = start + System.Numerics.BitOperations.TrailingZeroCount(found);
            return doc[quote] == (byte)'"' ? quote : -1;
        }

        if (!BitConverter.IsLittleEndian || start + 24 > doc.Length) return -1;
        ref byte at = ref System.Runtime.CompilerServices.Unsafe.Add(ref System.Runtime.InteropServices.MemoryMarshal.GetReference(doc), start);
        ulong flagged = StringSpecialBytes(System.Runtime.CompilerServices.Unsafe.ReadUnaligned<ulong>(ref at));
        int offset = 0;
        if (flagged == 0)
        {
            flagged = StringSpecialBytes(System.Runtime.CompilerServices.Unsafe.ReadUnaligned<ulong>(ref System.Runtime.CompilerServices.Unsafe.Add(ref at, 8)));
            offset = 8;
            if (flagged == 0)
            {
                flagged = StringSpecialBytes(System.Runtime.CompilerServices.Unsafe.ReadUnaligned<ulong>(ref System.Runtime.CompilerServices.Unsafe.Add(ref at, 16)));
                offset = 16;
            }
        }

        if (flagged == 0) return -1;
        int end = start + offset + (System.Numerics.BitOperations.TrailingZeroCount(flagged) >> 3);
        return doc[end] == (byte)'"' ? end : -1;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private ReadOnlySpan<byte> ReadStringBytesGeneral(bool forKey, bool copyEscapes)
    {
        int start = ++_pos;

        // Member names and most values are short ASCII: eight bytes tested at once (SWAR) beat both a byte loop and
        // vectorized searches on them. The first byte that is a quote, a backslash, a control or not ASCII ends the
        // fast path; only a quote ends the string here, anything else goes the general way below.
        var doc = _doc;
        int limit = Math.Min(doc.Length, start + 64);
        int k = start;
        if (BitConverter.IsLittleEndian)
        {
            ref byte origin = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(doc);
            for (; k + 8 <= limit; k += 8)
            {
                ulong flagged = StringSpecialBytes(System.Runtime.CompilerServices.Unsafe.ReadUnaligned<ulong>(ref System.Runtime.CompilerServices.Unsafe.Add(ref origin, k)));
                if (flagged == 0) continue;
                int at = k + (System.Numerics.BitOperations.TrailingZeroCount(flagged) >> 3);
                if (doc[at] != (byte)'"') goto general;
                _pos = at + 1;
                return doc[start..at];
            }
        }

        for (; k < limit; k++)
        {
            byte c = doc[k];
            if (c == (byte)'"')
            {
                _pos = k + 1;
                return doc[start..k];
            }

            if (c == (byte)'\\' || c < 0x20 || c >= 0x80) break;
        }

    general:

        var rest = _doc[start..];
        int special = rest.IndexOfAny(StringSpecials);
        if (special < 0) throw Truncated();
        if (rest[special] == (byte)'"')
        {
            var raw = rest[..special];
            CheckStringContent(raw, start);
            _pos = start + special + 1;
            if (forKey && raw.Length > _ctx.Options.MaxStringBytes)
            {
                throw new JsonDecodeException(FindingCodes.StringTooLong, $"member name of {raw.Length} bytes exceeds the limit of {_ctx.Options.MaxStringBytes}", start);
            }

            return raw;
        }

        // Escapes: find the closing quote first, then unescape into scratch.
        int end = start + special;
        while (true)
        {
            if (end >= _doc.Length) throw Truncated();
            byte c = _doc[end];
            if (c == (byte)'"') break;
            if (c == (byte)'\\')
            {
                end += 2;
                continue;
            }

            end++;
        }

        var body = _doc[start..end];
        _pos = end + 1;
        if (body.Length > _ctx.Options.MaxStringBytes)
        {
            if (forKey) throw new JsonDecodeException(FindingCodes.StringTooLong, $"member name of {body.Length} bytes exceeds the limit of {_ctx.Options.MaxStringBytes}", start);
            copyEscapes = false;
        }

        if (!copyEscapes)
        {
            Unescape(body, start, default);
            return default;
        }

        var scratch = _ctx.ScratchOf(body.Length);
        int written = Unescape(body, start, scratch);
        return scratch[..written];
    }

    // A bit set in the top of every byte of a little-endian word that is '"', '\\', below 0x20 or 0x80 and above. A
    // byte above a true hit may be flagged too (a borrow), never one below it: the lowest flag is the first hit.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static ulong StringSpecialBytes(ulong word)
    {
        const ulong ones = 0x0101010101010101, highs = 0x8080808080808080;
        ulong quote = word ^ (ones * '"'), backslash = word ^ (ones * '\\');
        return (((quote - ones) & ~quote) | ((backslash - ones) & ~backslash) | ((word - (ones * 0x20)) & ~word) | word) & highs;
    }

    private readonly void CheckStringContent(ReadOnlySpan<byte> raw, int offset)
    {
        int control = raw.IndexOfAnyInRange((byte)0, (byte)0x1F);
        if (control >= 0) throw new JsonDecodeException(FindingCodes.Syntax, "control character inside a string (must be escaped)", offset + control);
        if (!Utf8.IsValid(raw))
        {
            int bad = FirstInvalidUtf8(raw);
            throw new JsonDecodeException(FindingCodes.InvalidUtf8, "string is not valid UTF-8", offset + bad);
        }
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> raw)
    {
        // Walk in small steps to find the first invalid byte without allocating.
        Span<char> buffer = stackalloc char[64];
        int consumed = 0;
        while (consumed < raw.Length)
        {
            var s = System.Text.Unicode.Utf8.ToUtf16(raw[consumed..], buffer, out int read, out _, replaceInvalidSequences: false, isFinalBlock: true);
            consumed += read;
            if (s == System.Buffers.OperationStatus.InvalidData) return consumed;
            if (s == System.Buffers.OperationStatus.Done) break;
        }

        return consumed;
    }

    // Unescapes JSON string content; with an empty target it only validates. Returns bytes written.
    private readonly int Unescape(ReadOnlySpan<byte> body, int offset, Span<byte> target)
    {
        bool write = !target.IsEmpty;
        int w = 0;
        int i = 0;
        while (i < body.Length)
        {
            int next = body[i..].IndexOf((byte)'\\');
            var plain = next < 0 ? body[i..] : body.Slice(i, next);
            CheckStringContent(plain, offset + i);
            if (write) plain.CopyTo(target[w..]);
            w += plain.Length;
            if (next < 0) break;
            i += next + 1;
            if (i >= body.Length) throw new JsonDecodeException(FindingCodes.Syntax, "incomplete escape sequence", offset + i);
            byte e = body[i++];
            switch (e)
            {
                case (byte)'"': case (byte)'\\': case (byte)'/':
                    if (write) target[w] = e;
                    w++;
                    break;
                case (byte)'b': if (write) target[w] = 8; w++; break;
                case (byte)'f': if (write) target[w] = 12; w++; break;
                case (byte)'n': if (write) target[w] = 10; w++; break;
                case (byte)'r': if (write) target[w] = 13; w++; break;
                case (byte)'t': if (write) target[w] = 9; w++; break;
                case (byte)'u':
                {
                    int cp = ReadHex4(body, ref i, offset);
                    if (cp is >= 0xD800 and <= 0xDBFF)
                    {
                        if (i + 1 < body.Length && body[i] == (byte)'\\' && body[i + 1] == (byte)'u')
                        {
                            i += 2;
                            int low = ReadHex4(body, ref i, offset);
                            if (low is < 0xDC00 or > 0xDFFF) throw new JsonDecodeException(FindingCodes.InvalidUtf8, "unpaired surrogate in \\u escape", offset + i - 6);
                            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                        }
                        else
                        {
                            throw new JsonDecodeException(FindingCodes.InvalidUtf8, "unpaired surrogate in \\u escape", offset + i - 6);
                        }
                    }
                    else if (cp is >= 0xDC00 and <= 0xDFFF)
                    {
                        throw new JsonDecodeException(FindingCodes.InvalidUtf8, "unpaired surrogate in \\u escape", offset + i - 6);
                    }

                    // Encode straight into the target (no stackalloc here: this runs once per escape).
                    var rune = new System.Text.Rune(cp);
                    w += write ? rune.EncodeToUtf8(target[w..]) : rune.Utf8SequenceLength;
                    break;
                }
                default:
                    throw new JsonDecodeException(FindingCodes.Syntax, $"invalid escape '\\{Printable(e)}'", offset + i - 2);
            }
        }

        return w;
    }

    private static int ReadHex4(ReadOnlySpan<byte> body, ref int i, int offset)
    {
        if (i + 4 > body.Length) throw new JsonDecodeException(FindingCodes.Syntax, "incomplete \\u escape", offset + i);
        int v = 0;
        for (int k = 0; k < 4; k++)
        {
            int h = body[i + k];
            int d = h switch
            {
                >= '0' and <= '9' => h - '0',
                >= 'a' and <= 'f' => h - 'a' + 10,
                >= 'A' and <= 'F' => h - 'A' + 10,
                _ => throw new JsonDecodeException(FindingCodes.Syntax, "invalid hex digit in \\u escape", offset + i + k),
            };
            v = (v << 4) | d;
        }

        i += 4;
        return v;
    }

    // ---------------------------------------------------------------- numbers

    private bool TryReadNonFinite(out double value)
    {
        var rest = _doc[_pos..];
        int start = _pos;
        if (rest.StartsWith("NaN"u8)) { _pos += 3; value = double.NaN; }
        else if (rest.StartsWith("Infinity"u8)) { _pos += 8; value = double.PositiveInfinity; }
        else if (rest.StartsWith("-Infinity"u8)) { _pos += 9; value = double.NegativeInfinity; }
        else { value = 0; return false; }

        if (!_ctx.Options.AllowNonFiniteTokens)
        {
            throw new JsonDecodeException(FindingCodes.Syntax, "NaN/Infinity are not JSON", start);
        }

        int end = _pos;
        _pos = start;
        Report(FindingCodes.NonStandardNumber, Severity.Warning, $"Python-style '{System.Text.Encoding.ASCII.GetString(_doc[start..end])}' is not standard JSON; decoded as {value}");
        _pos = end;
        return true;
    }

    // JSON numbers, and Python's NaN / Infinity / -Infinity, which real producers can write.
    private static bool IsNumberStart(byte b) => b == (byte)'-' || (uint)(b - '0') <= 9 || b == (byte)'N' || b == (byte)'I';

    // NaN, Infinity or -Infinity at the cursor: read (with a warning) and true; false when it is none of them. A digit,
    // or '-' and a digit, is none of them: told inline, so an ordinary number makes no call here.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private bool TryNonFiniteToken(out double value)
    {
        byte first = _doc[_pos];
        if ((uint)(first - '0') <= 9 || (first == (byte)'-' && _pos + 1 < _doc.Length && (uint)(_doc[_pos + 1] - '0') <= 9))
        {
            value = 0;
            return false;
        }

        return TryNonFiniteTokenGeneral(out value);
    }

    private bool TryNonFiniteTokenGeneral(out double value)
    {
        byte b = _doc[_pos];
        bool candidate = b is (byte)'N' or (byte)'I' || (b == (byte)'-' && _pos + 1 < _doc.Length && _doc[_pos + 1] == (byte)'I');
        if (candidate && TryReadNonFinite(out value)) return true;
        if (b is (byte)'N' or (byte)'I') throw SyntaxError("expected a JSON value");
        value = 0;
        return false;
    }

    private double ParseNumber(out bool isInteger)
    {
        int start = _pos;
        if (TryNonFiniteToken(out double nonFinite))
        {
            isInteger = false;
            return nonFinite;
        }

        double value = NumberScanner.Scan(_doc, ref _pos, out isInteger, out var error);
        if (error != NumberScanner.Error.None)
        {
            if (error == NumberScanner.Error.Truncated) throw Truncated();
            throw new JsonDecodeException(FindingCodes.Syntax, "malformed number", _pos);
        }

        if (double.IsInfinity(value))
        {
            throw new JsonDecodeException(FindingCodes.NumberOutOfRange,
                $"number '{System.Text.Encoding.ASCII.GetString(_doc[start..Math.Min(_pos, start + 40)])}' is outside the range of a double", start);
        }

        return value;
    }

    // A skipped number is checked for grammar only: its value is never needed.
    private void SkipNumber()
    {
        if (TryNonFiniteToken(out _)) return;
        var error = NumberScanner.Validate(_doc, ref _pos);
        if (error == NumberScanner.Error.Truncated) throw Truncated();
        if (error != NumberScanner.Error.None) throw new JsonDecodeException(FindingCodes.Syntax, "malformed number", _pos);
    }

    private static bool TryParseInteger(ReadOnlySpan<byte> text, out long value) =>
        long.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out value);

    private static bool TryParseFlexible(ReadOnlySpan<byte> text, out double value)
    {
        int pos = 0;
        if (text.IsEmpty || !(text[0] == (byte)'-' || (uint)(text[0] - '0') <= 9))
        {
            value = 0;
            return false;
        }

        value = NumberScanner.Scan(text, ref pos, out _, out var error);
        return error == NumberScanner.Error.None && pos == text.Length && double.IsFinite(value);
    }
}
