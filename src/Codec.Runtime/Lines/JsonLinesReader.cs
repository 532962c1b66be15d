using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Threading.Channels;
using Codec.Runtime.Files;

namespace Codec.Runtime.Lines;

/// <summary>
/// Streams a JSON Lines file through a <see cref="PipeReader"/> and hands each line to an
/// <see cref="ILineProcessor{TResult}"/>; results arrive at <c>onResult</c> one at a time and in file order, on one
/// thread at a time. Memory stays flat whatever the file's size: the read buffer, the longest line allowed, and in
/// parallel mode a bounded number of batches.
/// </summary>
public static class JsonLinesReader
{
    /// <summary>Reads <paramref name="stream"/> to its end (the stream is left open).</summary>
    public static Task<JsonLinesStats> ReadAsync<TResult>(Stream stream, Func<ILineProcessor<TResult>> createProcessor, Action<TResult> onResult,
        JsonLinesOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= JsonLinesOptions.Default;
        options.Check();
        var reader = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: options.ReadBufferBytes, minimumReadSize: Math.Min(4096, options.ReadBufferBytes), leaveOpen: true));
        return ReadAsync(reader, createProcessor, onResult, options, cancellationToken);
    }

    /// <summary>Reads a file; opened for reading only, with sharing, so the file is never changed.</summary>
    public static async Task<JsonLinesStats> ReadFileAsync<TResult>(string path, Func<ILineProcessor<TResult>> createProcessor, Action<TResult> onResult,
        JsonLinesOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= JsonLinesOptions.Default;
        await using var stream = InputFile.OpenStream(path, FileOptions.SequentialScan | FileOptions.Asynchronous, bufferSize: 1);
        return await ReadAsync(stream, createProcessor, onResult, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads from <paramref name="reader"/> to its end and completes it.</summary>
    public static async Task<JsonLinesStats> ReadAsync<TResult>(PipeReader reader, Func<ILineProcessor<TResult>> createProcessor, Action<TResult> onResult,
        JsonLinesOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= JsonLinesOptions.Default;
        options.Check();
        var splitter = new LineSplitter(options.MaxLineBytes);
        long bytes = 0;
        try
        {
            if (options.Parallelism == 1)
            {
                var sink = new InlineSink<TResult>(createProcessor(), onResult);
                while (true)
                {
                    var read = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                    var buffer = read.Buffer;
                    long before = buffer.Length;
                    splitter.Split(ref buffer, read.IsCompleted, sink);
                    bytes += before - buffer.Length;
                    reader.AdvanceTo(buffer.Start, buffer.End);
                    if (read.IsCompleted) break;
                }
            }
            else
            {
                bytes = await ReadParallelAsync(reader, splitter, createProcessor, onResult, options, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            await reader.CompleteAsync().ConfigureAwait(false);
        }

        return new JsonLinesStats(splitter.Lines, splitter.BlankLines, bytes, splitter.OversizedLines, splitter.EndsWithNewline);
    }

    // The reading loop fills batches; each full batch is decoded on the thread pool by a pooled processor and queued,
    // in file order, for the consumer, which awaits each batch in turn. The queue is bounded, so reading waits when
    // the workers fall behind: at most Parallelism batches are decoding and one is filling.
    private static async Task<long> ReadParallelAsync<TResult>(PipeReader reader, LineSplitter splitter, Func<ILineProcessor<TResult>> createProcessor,
        Action<TResult> onResult, JsonLinesOptions options, CancellationToken cancellationToken)
    {
        var processors = new ConcurrentBag<ILineProcessor<TResult>>();
        var ordered = Channel.CreateBounded<Batch<TResult>>(new BoundedChannelOptions(options.Parallelism) { SingleReader = true, SingleWriter = true });
        // A failing callback or processor stops the reading loop too (it may be waiting for room in the queue).
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var consumer = Task.Run(async () =>
        {
            try
            {
                await foreach (var batch in ordered.Reader.ReadAllAsync(stop.Token).ConfigureAwait(false))
                {
                    try
                    {
                        await batch.Done!.ConfigureAwait(false);
                        for (int i = 0; i < batch.Count; i++) onResult(batch.Results[i]);
                    }
                    finally
                    {
                        batch.Release();
                    }
                }
            }
            catch
            {
                stop.Cancel();
                throw;
            }
        }, CancellationToken.None);

        var sink = new BatchSink<TResult>(options.BatchBytes, options.MaxLineBytes);
        long bytes = 0;
        Exception? readFailure = null;
        try
        {
            while (true)
            {
                var read = await reader.ReadAsync(stop.Token).ConfigureAwait(false);
                var buffer = read.Buffer;
                long before = buffer.Length;
                splitter.Split(ref buffer, read.IsCompleted, sink);
                bytes += before - buffer.Length;
                reader.AdvanceTo(buffer.Start, buffer.End);
                if (read.IsCompleted) sink.Seal();
                while (sink.TakeFull() is { } full)
                {
                    full.Done = Task.Run(() => full.Process(processors, createProcessor), CancellationToken.None);
                    await ordered.Writer.WriteAsync(full, stop.Token).ConfigureAwait(false);
                }

                if (read.IsCompleted) break;
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The consumer's own exception is the one to report (awaited below).
        }
        catch (Exception e)
        {
            // Reading failed (an I/O error, the caller's cancellation): stop the consumer before reporting it, so no
            // callback runs after this method has returned.
            readFailure = e;
            stop.Cancel();
        }
        finally
        {
            ordered.Writer.TryComplete();
            sink.ReleaseAll();
        }

        try
        {
            await consumer.ConfigureAwait(false);
        }
        catch when (readFailure is not null)
        {
            // Cancelled because of the read failure, rethrown below.
        }

        if (readFailure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(readFailure);
        return bytes;
    }

    private sealed class InlineSink<TResult>(ILineProcessor<TResult> processor, Action<TResult> onResult) : ILineSink
    {
        public void Line(ReadOnlySpan<byte> line, long lineNumber) => onResult(processor.Process(line, lineNumber));

        public void Oversized(long lineNumber, long length) => onResult(processor.Oversized(lineNumber, length));
    }

    /// <summary>Copies lines into pooled batches; a batch is full when the next line does not fit.</summary>
    private sealed class BatchSink<TResult>(int batchBytes, int maxLineBytes) : ILineSink
    {
        private readonly Queue<Batch<TResult>> _full = new();
        private Batch<TResult>? _current;

        public void Line(ReadOnlySpan<byte> line, long lineNumber)
        {
            if (_current is not null && !_current.Fits(line.Length)) Seal();
            _current ??= new Batch<TResult>(Math.Max(batchBytes, Math.Min(line.Length, maxLineBytes)));
            _current.Add(line, lineNumber);
        }

        public void Oversized(long lineNumber, long length)
        {
            _current ??= new Batch<TResult>(batchBytes);
            _current.AddOversized(lineNumber, length);
        }

        public void Seal()
        {
            if (_current is { Count: > 0 }) _full.Enqueue(_current);
            else _current?.Release();
            _current = null;
        }

        public Batch<TResult>? TakeFull() => _full.Count > 0 ? _full.Dequeue() : null;

        public void ReleaseAll()
        {
            while (_full.Count > 0) _full.Dequeue().Release();
            _current?.Release();
            _current = null;
        }
    }

    private sealed class Batch<TResult>
    {
        private byte[] _data;
        private int _used;
        private readonly List<(int Offset, int Length, long LineNumber, long OversizedLength)> _entries = new();

        public Batch(int bytes) => _data = ArrayPool<byte>.Shared.Rent(bytes);

        public int Count => _entries.Count;
        public TResult[] Results { get; private set; } = Array.Empty<TResult>();
        public Task? Done { get; set; }

        public bool Fits(int length) => _used + length <= _data.Length;

        public void Add(ReadOnlySpan<byte> line, long lineNumber)
        {
            line.CopyTo(_data.AsSpan(_used));
            _entries.Add((_used, line.Length, lineNumber, -1));
            _used += line.Length;
        }

        public void AddOversized(long lineNumber, long length) => _entries.Add((0, 0, lineNumber, length));

        public void Process(ConcurrentBag<ILineProcessor<TResult>> pool, Func<ILineProcessor<TResult>> create)
        {
            var processor = pool.TryTake(out var p) ? p : create();
            try
            {
                var results = new TResult[_entries.Count];
                for (int i = 0; i < _entries.Count; i++)
                {
                    var (offset, length, line, oversized) = _entries[i];
                    results[i] = oversized >= 0 ? processor.Oversized(line, oversized) : processor.Process(_data.AsSpan(offset, length), line);
                }

                Results = results;
            }
            finally
            {
                pool.Add(processor);
            }
        }

        public void Release()
        {
            if (_data.Length == 0) return;
            ArrayPool<byte>.Shared.Return(_data);
            _data = Array.Empty<byte>();
        }
    }
}
