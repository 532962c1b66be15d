using System.Buffers;

namespace Codec.Runtime.Lines;

/// <summary>Where the splitter sends what it finds.</summary>
internal interface ILineSink
{
    void Line(ReadOnlySpan<byte> line, long lineNumber);
    void Oversized(long lineNumber, long length);
}

/// <summary>
/// Cuts buffered bytes into lines: <c>\n</c> or <c>\r\n</c> ends, a byte order mark before line 1, blank lines
/// skipped, a last line without a line end accepted. A line longer than the limit is counted as it streams past
/// and reported once, so memory stays at the limit whatever the file holds. Scanning resumes where the previous
/// call stopped, so a long line arriving in many reads is scanned once.
/// </summary>
internal sealed class LineSplitter
{
    private readonly int _maxLineBytes;
    private byte[] _scratch = Array.Empty<byte>();
    private long _scanned;
    private bool _skipping;
    private long _skippedBytes;

    public LineSplitter(int maxLineBytes) => _maxLineBytes = maxLineBytes;

    public long LineNumber { get; private set; }
    public long Lines { get; private set; }
    public long BlankLines { get; private set; }
    public long OversizedLines { get; private set; }
    public bool EndsWithNewline { get; private set; } = true;

    /// <summary>
    /// Takes every complete line from the start of <paramref name="buffer"/> (all of it when <paramref name="final"/>),
    /// leaving the unconsumed rest in <paramref name="buffer"/>.
    /// </summary>
    public void Split(ref ReadOnlySequence<byte> buffer, bool final, ILineSink sink)
    {
        while (true)
        {
            var newline = buffer.Slice(_scanned).PositionOf((byte)'\n');
            if (newline is null)
            {
                if (_skipping || buffer.Length > _maxLineBytes)
                {
                    // Too long to hold: drop what arrived, remember how much.
                    if (!_skipping) StartSkipping();
                    _skippedBytes += buffer.Length;
                    buffer = buffer.Slice(buffer.End);
                    _scanned = 0;
                    if (final) FinishSkipping(sink, endsWithNewline: false);
                    return;
                }

                _scanned = buffer.Length;
                if (final)
                {
                    if (!buffer.IsEmpty)
                    {
                        EndsWithNewline = false;
                        Emit(buffer, sink);
                    }

                    buffer = buffer.Slice(buffer.End);
                    _scanned = 0;
                }

                return;
            }

            var line = buffer.Slice(0, newline.Value);
            buffer = buffer.Slice(buffer.GetPosition(1, newline.Value));
            _scanned = 0;
            if (_skipping)
            {
                _skippedBytes += line.Length;
                FinishSkipping(sink, endsWithNewline: true);
            }
            else if (line.Length > _maxLineBytes)
            {
                StartSkipping();
                _skippedBytes = line.Length;
                FinishSkipping(sink, endsWithNewline: true);
            }
            else
            {
                Emit(line, sink);
            }
        }
    }

    private void StartSkipping()
    {
        _skipping = true;
        _skippedBytes = 0;
        LineNumber++;
    }

    private void FinishSkipping(ILineSink sink, bool endsWithNewline)
    {
        _skipping = false;
        Lines++;
        OversizedLines++;
        EndsWithNewline = endsWithNewline;
        sink.Oversized(LineNumber, _skippedBytes);
    }

    private void Emit(ReadOnlySequence<byte> line, ILineSink sink)
    {
        LineNumber++;
        ReadOnlySpan<byte> span;
        if (line.IsSingleSegment)
        {
            span = line.FirstSpan;
        }
        else
        {
            if (_scratch.Length < line.Length) _scratch = new byte[Math.Max((int)line.Length, Math.Min(_maxLineBytes, _scratch.Length * 2))];
            line.CopyTo(_scratch);
            span = _scratch.AsSpan(0, (int)line.Length);
        }

        if (LineNumber == 1 && span.StartsWith("\uFEFF"u8)) span = span[3..];
        if (!span.IsEmpty && span[^1] == (byte)'\r') span = span[..^1];
        if (IsBlank(span))
        {
            BlankLines++;
            return;
        }

        Lines++;
        sink.Line(span, LineNumber);
    }

    private static bool IsBlank(ReadOnlySpan<byte> span)
    {
        foreach (byte b in span)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r')) return false;
        }

        return true;
    }
}
