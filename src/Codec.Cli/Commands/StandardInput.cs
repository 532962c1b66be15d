using Codec.Formats.Validation.Runs;
using Codec.Runtime.Json;

namespace Codec.Cli.Commands;

/// <summary>
/// <c>-</c> as a path: standard input, read as a <c>metadata.jsonl</c> (streamed) or as one <c>info.json</c>
/// (bounded). A name given with <c>--stdin-name</c> decides by its extension, as a file's name would; otherwise the
/// content does: JSON Lines when the first line is a whole JSON value and another line follows it.
/// </summary>
public static class StandardInput
{
    public const string Argument = UnitFinder.StandardInput;

    /// <summary>How reports name standard input when <c>--stdin-name</c> does not.</summary>
    public const string DefaultName = "<stdin>";

    // Enough for a metadata line (a few kilobytes) or an info.json's opening "{": what is read to tell them apart.
    private const int PeekBytes = 1 << 20;

    /// <summary>Reads the start of <paramref name="stdin"/> to tell its kind; the stream returned gives every byte again.</summary>
    public static (bool JsonLines, Stream Content) Open(Stream stdin, string? name)
    {
        var start = new byte[PeekBytes];
        int length = 0;
        while (length < start.Length && !HasSecondLine(start.AsSpan(0, length)))
        {
            int n = stdin.Read(start.AsSpan(length));
            if (n == 0) break;
            length += n;
        }

        var head = start.AsSpan(0, length);
        bool jsonLines = name is not null ? UnitFinder.IsJsonLines(name) : HasSecondLine(head) && FirstLineIsWhole(head);
        return (jsonLines, new ReplayedStream(start.AsMemory(0, length), stdin));
    }

    private static bool HasSecondLine(ReadOnlySpan<byte> head)
    {
        int newline = head.IndexOf((byte)'\n');
        return newline >= 0 && head[(newline + 1)..].IndexOfAnyExcept(" \t\r\n"u8) >= 0;
    }

    private static bool FirstLineIsWhole(ReadOnlySpan<byte> head)
    {
        var line = head[..head.IndexOf((byte)'\n')];
        var cursor = new JsonCursor(line, new DecodeContext());
        try
        {
            cursor.Skip();
            cursor.ExpectEnd();
            return true;
        }
        catch (JsonDecodeException)
        {
            return false;
        }
    }

    /// <summary>The bytes already read from a stream, then the rest of it: read-only, forward-only.</summary>
    private sealed class ReplayedStream(ReadOnlyMemory<byte> start, Stream rest) : Stream
    {
        private ReadOnlyMemory<byte> _start = start;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_start.IsEmpty) return rest.Read(buffer);
            int n = Math.Min(buffer.Length, _start.Length);
            _start.Span[..n].CopyTo(buffer);
            _start = _start[n..];
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            _start.IsEmpty ? rest.ReadAsync(buffer, cancellationToken) : ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
