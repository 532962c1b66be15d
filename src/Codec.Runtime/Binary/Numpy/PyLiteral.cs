using System.Globalization;
using System.Text;

namespace Codec.Runtime.Binary.Numpy;

/// <summary>A value of the Python literal subset NumPy headers use: str, int, bool, None, tuple, list, dict.</summary>
internal abstract record PyValue(int Offset);

internal sealed record PyStr(int Offset, string Value) : PyValue(Offset);
internal sealed record PyInt(int Offset, long Value) : PyValue(Offset);
internal sealed record PyBool(int Offset, bool Value) : PyValue(Offset);
internal sealed record PyNone(int Offset) : PyValue(Offset);
internal sealed record PySequence(int Offset, bool IsTuple, IReadOnlyList<PyValue> Items) : PyValue(Offset);
internal sealed record PyDict(int Offset, IReadOnlyList<(string Key, PyValue Value)> Entries) : PyValue(Offset);

/// <summary>Why a header literal could not be read, and where (character offset in the header).</summary>
internal sealed class PyLiteralException(string message, int offset) : Exception(message)
{
    public int Offset { get; } = offset;
}

/// <summary>
/// A strict reader for the Python literal of a <c>.npy</c> header (<c>{'descr': '&lt;f4', 'fortran_order': False,
/// 'shape': (3, 4), }</c>). Nothing is evaluated; nesting and sizes are bounded, so a hostile header is an error,
/// never a stack overflow.
/// </summary>
internal ref struct PyLiteralReader
{
    private const int MaxDepth = 16;
    private readonly string _text;
    private int _pos;
    private int _depth;

    private PyLiteralReader(string text)
    {
        _text = text;
        _pos = 0;
        _depth = 0;
    }

    public static PyValue Parse(string text)
    {
        var reader = new PyLiteralReader(text);
        reader.SkipSpace();
        var value = reader.Value();
        reader.SkipSpace();
        if (reader._pos < text.Length) throw new PyLiteralException($"unexpected '{text[reader._pos]}' after the header's value", reader._pos);
        return value;
    }

    private PyValue Value()
    {
        if (_pos >= _text.Length) throw new PyLiteralException("the header ends where a value is expected", _pos);
        char c = _text[_pos];
        switch (c)
        {
            case '\'' or '"': return new PyStr(_pos, String());
            case '(': return Sequence(')', isTuple: true);
            case '[': return Sequence(']', isTuple: false);
            case '{': return Dict();
        }

        if (c == '-' || char.IsAsciiDigit(c)) return Int();
        int start = _pos;
        while (_pos < _text.Length && char.IsAsciiLetter(_text[_pos])) _pos++;
        return _text[start.._pos] switch
        {
            "True" => new PyBool(start, true),
            "False" => new PyBool(start, false),
            "None" => new PyNone(start),
            var word => throw new PyLiteralException(word.Length == 0 ? $"unexpected '{c}'" : $"'{word}' is not a literal (only str, int, True, False, None, tuples, lists and dicts are read)", start),
        };
    }

    private PyInt Int()
    {
        int start = _pos;
        if (_text[_pos] == '-') _pos++;
        int digits = _pos;
        while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos])) _pos++;
        if (_pos == digits) throw new PyLiteralException("a number has no digits", start);
        if (!long.TryParse(_text.AsSpan(start, _pos - start), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
        {
            throw new PyLiteralException("an integer does not fit in 64 bits", start);
        }

        // Python 2 wrote long integers with an L suffix (numpy's reader filters it too).
        if (_pos < _text.Length && _text[_pos] is 'L' or 'l') _pos++;
        return new PyInt(start, value);
    }

    private string String()
    {
        char quote = _text[_pos++];
        var sb = new StringBuilder();
        while (true)
        {
            if (_pos >= _text.Length) throw new PyLiteralException("a string is not closed", _pos);
            char c = _text[_pos++];
            if (c == quote) return sb.ToString();
            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }

            if (_pos >= _text.Length) throw new PyLiteralException("a string ends in a backslash", _pos);
            char e = _text[_pos++];
            switch (e)
            {
                case '\\' or '\'' or '"': sb.Append(e); break;
                case 'n': sb.Append('\n'); break;
                case 't': sb.Append('\t'); break;
                case 'r': sb.Append('\r'); break;
                case '0': sb.Append('\0'); break;
                case 'x': sb.Append((char)Hex(2)); break;
                case 'u': sb.Append((char)Hex(4)); break;
                case 'U':
                    // As Python: a code point in the BMP (a lone surrogate included) is one char, beyond it a pair.
                    int code = Hex(8);
                    if (code <= 0xFFFF) sb.Append((char)code);
                    else sb.Append(char.ConvertFromUtf32(code));
                    break;
                default: throw new PyLiteralException($"unknown escape '\\{e}'", _pos - 2);
            }
        }
    }

    private int Hex(int length)
    {
        if (_pos + length > _text.Length
            || !uint.TryParse(_text.AsSpan(_pos, length), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out uint value)
            || value > 0x10FFFF)
        {
            throw new PyLiteralException("a bad escape in a string", _pos);
        }

        _pos += length;
        return (int)value;
    }

    private PySequence Sequence(char close, bool isTuple)
    {
        int start = _pos++;
        Enter(start);
        var items = new List<PyValue>();
        SkipSpace();
        while (true)
        {
            if (_pos < _text.Length && _text[_pos] == close)
            {
                _pos++;
                _depth--;
                return new PySequence(start, isTuple, items);
            }

            items.Add(Value());
            SkipSpace();
            if (_pos < _text.Length && _text[_pos] == ',')
            {
                _pos++;
                SkipSpace();
            }
            else if (_pos >= _text.Length || _text[_pos] != close)
            {
                throw new PyLiteralException($"expected ',' or '{close}'", _pos);
            }
        }
    }

    private PyDict Dict()
    {
        int start = _pos++;
        Enter(start);
        var entries = new List<(string, PyValue)>();
        SkipSpace();
        while (true)
        {
            if (_pos < _text.Length && _text[_pos] == '}')
            {
                _pos++;
                _depth--;
                return new PyDict(start, entries);
            }

            if (_pos >= _text.Length || _text[_pos] is not ('\'' or '"')) throw new PyLiteralException("a dict key must be a string", _pos);
            string key = String();
            SkipSpace();
            if (_pos >= _text.Length || _text[_pos] != ':') throw new PyLiteralException("expected ':' after a dict key", _pos);
            _pos++;
            SkipSpace();
            entries.Add((key, Value()));
            SkipSpace();
            if (_pos < _text.Length && _text[_pos] == ',')
            {
                _pos++;
                SkipSpace();
            }
            else if (_pos >= _text.Length || _text[_pos] != '}')
            {
                throw new PyLiteralException("expected ',' or '}'", _pos);
            }
        }
    }

    private void Enter(int at)
    {
        if (++_depth > MaxDepth) throw new PyLiteralException($"nested deeper than {MaxDepth}", at);
    }

    private void SkipSpace()
    {
        while (_pos < _text.Length && _text[_pos] is ' ' or '\t' or '\n' or '\r') _pos++;
    }
}
