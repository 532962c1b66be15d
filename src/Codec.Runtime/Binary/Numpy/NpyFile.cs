using System.Buffers;
using System.IO.MemoryMappedFiles;
using Codec.Runtime.Findings;

namespace Codec.Runtime.Binary.Numpy;

/// <summary>
/// Reads <c>.npy</c> files. <see cref="Open"/> maps the file read-only: the array's data is served from the mapping
/// without a copy (the file is never written). <see cref="Decode"/> reads from bytes already in memory.
/// </summary>
public sealed class NpyFile : IDisposable
{
    private readonly MemoryMappedFile? _map;
    private readonly MappedMemory? _memory;

    private NpyFile(NpyArray array, MemoryMappedFile? map, MappedMemory? memory)
    {
        Array = array;
        _map = map;
        _memory = memory;
    }

    public NpyArray Array { get; }

    /// <summary>Decodes a whole <c>.npy</c> file held in memory (the array views <paramref name="bytes"/>).</summary>
    public static NpyArray? Decode(ReadOnlyMemory<byte> bytes, FindingSink sink, string path = "")
    {
        var header = NpyHeader.Read(bytes.Span, bytes.Length, sink, path);
        return header is null ? null : new NpyArray(header, bytes.Slice((int)header.DataOffset, (int)header.DataLength));
    }

    /// <summary>Maps and decodes a file; null (with findings) when it is not a usable .npy file.</summary>
    public static NpyFile? Open(string path, FindingSink sink)
    {
        long length = new FileInfo(path).Length;
        if (length == 0)
        {
            sink.Add(new Finding(FindingCodes.BadSignature, Severity.Error, path, "the file is empty") { Offset = 0 });
            return null;
        }

        var map = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        MappedMemory? memory = null;
        try
        {
            memory = new MappedMemory(map, length);
            var header = NpyHeader.Read(memory.Prefix(NpyHeader.PrefixBytes + NpyHeader.MaxHeaderBytes), length, sink, path);
            if (header is null)
            {
                memory.Dispose();
                map.Dispose();
                return null;
            }

            if (header.DataLength > int.MaxValue || header.DataOffset + header.DataLength > length)
            {
                sink.Add(new Finding(FindingCodes.SizeOverflow, Severity.Error, path, $"{header.DataLength} bytes of data: arrays over 2 GiB are not served as one span yet") { Offset = header.DataOffset });
                memory.Dispose();
                map.Dispose();
                return null;
            }

            var data = memory.Memory.Slice((int)header.DataOffset, (int)header.DataLength);
            return new NpyFile(new NpyArray(header, data), map, memory);
        }
        catch
        {
            memory?.Dispose();
            map.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        _memory?.Dispose();
        _map?.Dispose();
    }

    /// <summary>A read-only view of a mapped file as <see cref="Memory{T}"/> (files up to 2 GiB as one span).</summary>
    private sealed unsafe class MappedMemory : MemoryManager<byte>
    {
        private readonly MemoryMappedViewAccessor _view;
        private readonly byte* _pointer;
        private readonly int _length;
        private bool _released;

        public MappedMemory(MemoryMappedFile map, long length)
        {
            _view = map.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
            byte* p = null;
            _view.SafeMemoryMappedViewHandle.AcquirePointer(ref p);
            _pointer = p + _view.PointerOffset;
            _length = (int)Math.Min(length, int.MaxValue);
        }

        public ReadOnlySpan<byte> Prefix(int length) => new(_pointer, Math.Min(length, _length));

        public override Span<byte> GetSpan() => new(_pointer, _length);

        public override MemoryHandle Pin(int elementIndex = 0) => new(_pointer + elementIndex);

        public override void Unpin()
        {
        }

        protected override void Dispose(bool disposing)
        {
            if (_released) return;
            _released = true;
            _view.SafeMemoryMappedViewHandle.ReleasePointer();
            _view.Dispose();
        }

        public void Dispose() => ((IDisposable)this).Dispose();
    }
}
