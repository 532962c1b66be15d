using System.Buffers.Binary;
using System.Text;
using Codec.Runtime.Findings;

namespace Codec.Runtime.Binary.Exr;

/// <summary>
/// Reads attribute lists (name, type name, int32 size, value; a NUL ends a header) from the start of an EXR file,
/// checking every size against the bytes present before it reads. When the span ends before the file does, it stops
/// and asks for more (<see cref="Ended"/>) instead of reporting truncation.
/// </summary>
internal ref struct HeaderReader
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly long _fileLength;
    private readonly FindingSink _sink;
    private readonly string _path;
    private readonly int _maxName;
    private int _position;
    private bool _short;

    public HeaderReader(ReadOnlySpan<byte> data, long fileLength, FindingSink sink, string path, int maxName)
    {
        _data = data;
        _fileLength = fileLength;
        _sink = sink;
        _path = path;
        _maxName = maxName;
        _position = 8;
        _short = false;
    }

    public readonly long Position => _position;

    public bool Peek(out byte value)
    {
        value = 0;
        if (_position < _data.Length)
        {
            value = _data[_position];
            return true;
        }

        Truncated("a header");
        return false;
    }

    public void Skip(int count) => _position += count;

    /// <summary>What to return after a failed read: asks for more bytes when only the span, not the file, ended.</summary>
    public readonly ExrFile? Ended(out bool needMore)
    {
        needMore = _short;
        return null;
    }

    /// <summary>One header's attributes, or null (with a finding, or asking for more bytes).</summary>
    public List<ExrAttribute>? ReadHeader()
    {
        var attributes = new List<ExrAttribute>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            if (!Peek(out byte first)) return null;
            if (first == 0)
            {
                _position++;
                return attributes;
            }

            int start = _position;
            if (!ReadName(_maxName, "attribute name", out string name) || !ReadName(_maxName, "attribute type", out string type)) return null;
            if (_position + 4 > _data.Length)
            {
                Truncated($"attribute \"{name}\"");
                return null;
            }

            int size = BinaryPrimitives.ReadInt32LittleEndian(_data.Slice(_position));
            if (size < 0)
            {
                _sink.ReportAt(FindingCodes.BadHeader, _path, _position, $"attribute \"{name}\" declares a negative size {size}");
                return null;
            }

            _position += 4;
            if ((long)_position + size > _data.Length)
            {
                Truncated($"attribute \"{name}\" ({size} bytes)");
                return null;
            }

            var value = ExrValues.Decode(type, _data.Slice(_position, size), out string? error);
            if (error is not null)
            {
                _sink.ReportAt(FindingCodes.BadHeader, _path, _position, $"attribute \"{name}\" ({type}, {size} bytes): {error}");
                return null;
            }

            if (!seen.Add(name))
            {
                _sink.ReportAt(FindingCodes.DuplicateEntry, _path, start, $"attribute \"{name}\" appears twice in one header");
                return null;
            }

            attributes.Add(new ExrAttribute(name, type, _position, size, value!));
            _position += size;
        }
    }

    private bool ReadName(int max, string what, out string text)
    {
        text = "";
        int limit = Math.Min(_data.Length, _position + max + 1);
        int end = _data[_position..limit].IndexOf((byte)0);
        if (end < 0)
        {
            if (limit == _data.Length && _data.Length - _position <= max)
            {
                Truncated($"an {what}");
                return false;
            }

            _sink.ReportAt(FindingCodes.BadHeader, _path, _position, $"an {what} longer than {max} bytes{(max == 31 ? " (the long-names flag 0x400 is not set)" : "")}");
            return false;
        }

        if (end == 0)
        {
            _sink.ReportAt(FindingCodes.BadHeader, _path, _position, $"an empty {what}");
            return false;
        }

        text = Encoding.UTF8.GetString(_data.Slice(_position, end));
        _position += end + 1;
        return true;
    }

    private void Truncated(string what)
    {
        if (_data.Length < _fileLength)
        {
            _short = true;
            return;
        }

        _sink.ReportAt(FindingCodes.DataTruncated, _path, _position, $"the file ends inside {what}: the header is truncated");
    }
}
