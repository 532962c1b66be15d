namespace Codec.Runtime.Findings;

/// <summary>
/// Turns byte offsets into 1-based line and column. Findings arrive mostly in document order, so it
/// resumes from the previous answer instead of rescanning: many findings cost one pass, not one each.
/// </summary>
internal struct LineIndex
{
    private int _offset;
    private int _line;
    private int _lineStart;

    public (int Line, int Column) Locate(ReadOnlySpan<byte> document, int offset)
    {
        offset = Math.Clamp(offset, 0, document.Length);
        if (_line == 0 || offset < _offset || _offset > document.Length)
        {
            _offset = 0;
            _line = 1;
            _lineStart = 0;
        }

        var span = document[_offset..offset];
        int newlines = span.Count((byte)'\n');
        if (newlines > 0)
        {
            _line += newlines;
            _lineStart = _offset + span.LastIndexOf((byte)'\n') + 1;
        }

        _offset = offset;
        return (_line, offset - _lineStart + 1);
    }
}
