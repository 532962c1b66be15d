using System.Buffers;
using System.IO.MemoryMappedFiles;
using Codec.Runtime.Files;
using Codec.Runtime.Findings;

namespace Codec.Runtime.Binary;

/// <summary>
/// A file mapped read-only into memory and served as <see cref="ReadOnlyMemory{T}"/> — data is read from the page
/// cache without a copy. Internal: the mapping is read-only, so only read-only views of it are handed out. Files up
/// to 2 GiB.
/// </summary>
internal sealed unsafe class MappedFile : MemoryManager<byte>
{
    private readonly MemoryMappedFile _map;
    private readonly MemoryMappedViewAccessor _view;
    private readonly byte* _pointer;
    private readonly int _length;
    private bool _released;

    private MappedFile(MemoryMappedFile map, MemoryMappedViewAccessor view, int length)
    {
        _map = map;
        _view = view;
        byte* p = null;
        _view.SafeMemoryMappedViewHandle.AcquirePointer(ref p);
        _pointer = p + _view.PointerOffset;
        _length = length;
    }

    /// <summary>Maps <paramref name="path"/>; null with a finding for an empty file, one over 2 GiB, or what is not a file.</summary>
    public static MappedFile? Open(string path, FindingSink sink)
    {
        // Through the gate: a FIFO or a device is refused, never mapped.
        using var handle = InputFile.TryOpenRead(path, sink);
        if (handle is null) return null;
        long length = RandomAccess.GetLength(handle);
        if (length == 0 || length > int.MaxValue)
        {
            sink.Add(new Finding(length == 0 ? FindingCodes.BadSignature : FindingCodes.SizeOverflow, Severity.Error, path,
                length == 0 ? "the file is empty" : $"the file is {length} bytes; files over 2 GiB are not mapped as one span yet") { Offset = 0 });
            return null;
        }

        // The mapping keeps the file open on its own; the handle is closed when this method returns.
        var map = MemoryMappedFile.CreateFromFile(handle, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: true);
        try
        {
            return new MappedFile(map, map.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read), (int)length);
        }
        catch
        {
            map.Dispose();
            throw;
        }
    }

    public int Length => _length;

    public ReadOnlySpan<byte> Span => new(_pointer, _length);

    public override Span<byte> GetSpan() => new(_pointer, _length);

    public override MemoryHandle Pin(int elementIndex = 0) => new(_pointer + elementIndex);

    public override void Unpin()
    {
    }

    public void Dispose() => ((IDisposable)this).Dispose();

    protected override void Dispose(bool disposing)
    {
        if (_released) return;
        _released = true;
        _view.SafeMemoryMappedViewHandle.ReleasePointer();
        _view.Dispose();
        _map.Dispose();
    }
}
