namespace Codec.Runtime.Lines;

/// <summary>Limits and parallelism for reading a JSON Lines file.</summary>
public sealed record JsonLinesOptions
{
    public static JsonLinesOptions Default { get; } = new();

    /// <summary>
    /// Longest line decoded, in bytes. A longer line is reported (<see cref="ILineProcessor{TResult}.Oversized"/>)
    /// and skipped as it streams past, never held in memory whole.
    /// </summary>
    public int MaxLineBytes { get; init; } = 16 << 20;

    /// <summary>
    /// Lines decoded at once. 1 decodes on the reading thread straight from the read buffer (no copy); more
    /// copies lines into batches that worker threads decode, with results still delivered in file order.
    /// </summary>
    public int Parallelism { get; init; } = 1;

    /// <summary>Bytes of lines per batch handed to a worker (parallel mode).</summary>
    public int BatchBytes { get; init; } = 1 << 20;

    /// <summary>Size of the reads from a stream.</summary>
    public int ReadBufferBytes { get; init; } = 1 << 16;

    internal void Check()
    {
        if (MaxLineBytes < 1) throw new ArgumentOutOfRangeException(nameof(MaxLineBytes), MaxLineBytes, "must be at least 1");
        if (Parallelism < 1) throw new ArgumentOutOfRangeException(nameof(Parallelism), Parallelism, "must be at least 1");
        if (BatchBytes < 1) throw new ArgumentOutOfRangeException(nameof(BatchBytes), BatchBytes, "must be at least 1");
        if (ReadBufferBytes < 1) throw new ArgumentOutOfRangeException(nameof(ReadBufferBytes), ReadBufferBytes, "must be at least 1");
    }
}

/// <summary>
/// Turns one line into a result. One instance per worker thread, so it may keep reusable state (a decoder, a
/// model, a findings sink); results must not refer to that state, since it is reused for the next line.
/// </summary>
public interface ILineProcessor<out TResult>
{
    /// <summary>A line without its line end (and without a byte order mark on line 1). Never blank.</summary>
    TResult Process(ReadOnlySpan<byte> line, long lineNumber);

    /// <summary>A line longer than <see cref="JsonLinesOptions.MaxLineBytes"/>, skipped unread.</summary>
    TResult Oversized(long lineNumber, long length);
}

/// <summary>What reading a JSON Lines file saw.</summary>
/// <param name="Lines">Lines with content (processed or oversized).</param>
/// <param name="BlankLines">Empty or whitespace-only lines, skipped.</param>
/// <param name="Bytes">Bytes read.</param>
/// <param name="OversizedLines">Lines skipped for being longer than the limit.</param>
/// <param name="EndsWithNewline">False when the last line has no line end (common in real files; not an error).</param>
public sealed record JsonLinesStats(long Lines, long BlankLines, long Bytes, long OversizedLines, bool EndsWithNewline);
