using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Codec.Generators.Reading;

/// <summary>A JSON value of a schema file, with where it starts (for diagnostics at the schema's line and column).</summary>
internal abstract class JsonNode
{
    protected JsonNode(TextPosition position) => Position = position;

    public TextPosition Position { get; }
}

internal sealed class JsonObjectNode : JsonNode
{
    public JsonObjectNode(TextPosition position, List<JsonProperty> properties) : base(position) => Properties = properties;

    /// <summary>Members in file order; duplicates are kept so the reader can report them.</summary>
    public List<JsonProperty> Properties { get; }

    public JsonNode? Get(string name)
    {
        foreach (var p in Properties) if (p.Name == name) return p.Value;
        return null;
    }
}

internal sealed class JsonProperty
{
    public JsonProperty(string name, TextPosition namePosition, JsonNode value)
    {
        Name = name;
        NamePosition = namePosition;
        Value = value;
    }

    public string Name { get; }
    public TextPosition NamePosition { get; }
    public JsonNode Value { get; }
}

internal sealed class JsonArrayNode : JsonNode
{
    public JsonArrayNode(TextPosition position, List<JsonNode> items) : base(position) => Items = items;

    public List<JsonNode> Items { get; }
}

internal sealed class JsonStringNode : JsonNode
{
    public JsonStringNode(TextPosition position, string value) : base(position) => Value = value;

    public string Value { get; }
}

internal sealed class JsonNumberNode : JsonNode
{
    public JsonNumberNode(TextPosition position, double value, string text) : base(position)
    {
        Value = value;
        Text = text;
    }

    public double Value { get; }
    public string Text { get; }
}

internal sealed class JsonLiteralNode : JsonNode
{
    public JsonLiteralNode(TextPosition position, bool? value) : base(position) => Value = value;

    /// <summary>true, false, or null for JSON null.</summary>
    public bool? Value { get; }
}

/// <summary>One schema file's path and text; positions point into it.</summary>
internal sealed class SchemaSource
{
    public SchemaSource(string path, string text)
    {
        Path = path;
        Text = text;
    }

    public string Path { get; }
    public string Text { get; }
}

/// <summary>
/// Offset, 0-based line and 0-based column of a character in a schema file. The file travels with the position
/// because a derived version inherits members and rules written in its parent's file.
/// </summary>
internal readonly struct TextPosition
{
    public TextPosition(SchemaSource? source, int offset, int line, int column)
    {
        Source = source;
        Offset = offset;
        Line = line;
        Column = column;
    }

    /// <summary>The file this position is in; null for "no position" (the file being read is meant).</summary>
    public SchemaSource? Source { get; }
    public int Offset { get; }
    public int Line { get; }
    public int Column { get; }
}

/// <summary>Raised for malformed schema JSON; carries the position of the problem.</summary>
internal sealed class SchemaJsonException : System.Exception
{
    public SchemaJsonException(string message, TextPosition position) : base(message) => Position = position;

    public TextPosition Position { get; }
}

/// <summary>
/// A small strict JSON parser for schema files, dependency-free so the generator loads in any compiler host.
/// Schema files are small; clarity wins over speed here. Comments are not JSON and are rejected.
/// </summary>
internal sealed class SchemaJsonParser
{
    private const int MaxDepth = 64;
    private readonly SchemaSource _source;
    private readonly string _text;
    private int _pos;
    private int _line;
    private int _lineStart;
    private int _depth;

    private SchemaJsonParser(SchemaSource source)
    {
        _source = source;
        _text = source.Text;
    }

    public static JsonNode Parse(SchemaSource source)
    {
        var parser = new SchemaJsonParser(source);
        string text = source.Text;
        parser.SkipWhitespace();
        var node = parser.ParseValue();
        parser.SkipWhitespace();
        if (parser._pos < text.Length) throw new SchemaJsonException("unexpected content after the end of the schema", parser.Here());
        return node;
    }

    private TextPosition Here() => new(_source, _pos, _line, _pos - _lineStart);

    private JsonNode ParseValue()
    {
        if (_pos >= _text.Length) throw new SchemaJsonException("unexpected end of file: a value is missing", Here());
        char c = _text[_pos];
        switch (c)
        {
            case '{': return ParseObject();
            case '[': return ParseArray();
            case '"':
            {
                var at = Here();
                return new JsonStringNode(at, ParseString());
            }
            case 't': return ParseLiteral("true", true);
            case 'f': return ParseLiteral("false", false);
            case 'n': return ParseLiteral("null", null);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) return ParseNumber();
                throw new SchemaJsonException($"unexpected character '{c}': expected a JSON value", Here());
        }
    }

    private JsonNode ParseObject()
    {
        var at = Here();
        Enter();
        _pos++;
        var props = new List<JsonProperty>();
        SkipWhitespace();
        if (Peek() == '}')
        {
            _pos++;
            _depth--;
            return new JsonObjectNode(at, props);
        }

        while (true)
        {
            SkipWhitespace();
            if (Peek() != '"') throw new SchemaJsonException("expected a property name in double quotes", Here());
            var nameAt = Here();
            string name = ParseString();
            SkipWhitespace();
            if (Peek() != ':') throw new SchemaJsonException("expected ':' after a property name", Here());
            _pos++;
            SkipWhitespace();
            props.Add(new JsonProperty(name, nameAt, ParseValue()));
            SkipWhitespace();
            char c = Peek();
            if (c == ',')
            {
                _pos++;
                continue;
            }

            if (c == '}')
            {
                _pos++;
                _depth--;
                return new JsonObjectNode(at, props);
            }

            throw new SchemaJsonException("expected ',' or '}' in an object", Here());
        }
    }

    private JsonNode ParseArray()
    {
        var at = Here();
        Enter();
        _pos++;
        var items = new List<JsonNode>();
        SkipWhitespace();
        if (Peek() == ']')
        {
            _pos++;
            _depth--;
            return new JsonArrayNode(at, items);
        }

        while (true)
        {
            SkipWhitespace();
            items.Add(ParseValue());
            SkipWhitespace();
            char c = Peek();
            if (c == ',')
            {
                _pos++;
                continue;
            }

            if (c == ']')
            {
                _pos++;
                _depth--;
                return new JsonArrayNode(at, items);
            }

            throw new SchemaJsonException("expected ',' or ']' in an array", Here());
        }
    }

    private void Enter()
    {
        if (++_depth > MaxDepth) throw new SchemaJsonException($"schema nests deeper than {MaxDepth} levels", Here());
    }

    private string ParseString()
    {
        _pos++;
        var sb = new StringBuilder();
        while (true)
        {
            if (_pos >= _text.Length) throw new SchemaJsonException("unterminated string", Here());
            char c = _text[_pos++];
            if (c == '"') return sb.ToString();
            if (c < ' ') throw new SchemaJsonException("control character in a string", Here());
            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }

            if (_pos >= _text.Length) throw new SchemaJsonException("unterminated escape", Here());
            char e = _text[_pos++];
            switch (e)
            {
                case '"': sb.Append('"'); break;
                case '\\': sb.Append('\\'); break;
                case '/': sb.Append('/'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'u':
                    if (_pos + 4 > _text.Length || !int.TryParse(_text.Substring(_pos, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int code))
                    {
                        throw new SchemaJsonException("invalid \\u escape", Here());
                    }

                    sb.Append((char)code);
                    _pos += 4;
                    break;
                default: throw new SchemaJsonException($"invalid escape '\\{e}'", Here());
            }
        }
    }

    private JsonNode ParseNumber()
    {
        var at = Here();
        int start = _pos;
        if (Peek() == '-') _pos++;
        if (!IsDigit(Peek())) throw new SchemaJsonException("malformed number", Here());
        if (Peek() == '0') _pos++;
        else while (IsDigit(Peek())) _pos++;
        if (Peek() == '.')
        {
            _pos++;
            if (!IsDigit(Peek())) throw new SchemaJsonException("malformed number: digits expected after '.'", Here());
            while (IsDigit(Peek())) _pos++;
        }

        if (Peek() == 'e' || Peek() == 'E')
        {
            _pos++;
            if (Peek() == '+' || Peek() == '-') _pos++;
            if (!IsDigit(Peek())) throw new SchemaJsonException("malformed number: digits expected in the exponent", Here());
            while (IsDigit(Peek())) _pos++;
        }

        string text = _text.Substring(start, _pos - start);
        double value = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (double.IsInfinity(value)) throw new SchemaJsonException($"number {text} is out of range", at);
        return new JsonNumberNode(at, value, text);
    }

    private JsonNode ParseLiteral(string word, bool? value)
    {
        var at = Here();
        if (string.CompareOrdinal(_text, _pos, word, 0, word.Length) != 0) throw new SchemaJsonException("unexpected word: expected true, false or null", at);
        _pos += word.Length;
        return new JsonLiteralNode(at, value);
    }

    private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

    private static bool IsDigit(char c) => c >= '0' && c <= '9';

    private void SkipWhitespace()
    {
        while (_pos < _text.Length)
        {
            char c = _text[_pos];
            if (c == '\n')
            {
                _pos++;
                _line++;
                _lineStart = _pos;
            }
            else if (c == ' ' || c == '\t' || c == '\r' || c == '\uFEFF')
            {
                _pos++;
            }
            else
            {
                break;
            }
        }
    }
}
