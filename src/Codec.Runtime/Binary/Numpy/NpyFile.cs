using Codec.Runtime.Files;
using Codec.Runtime.Findings;

namespace Codec.Runtime.Binary.Numpy;

/// <summary>
/// Reads <c>.npy</c> files. <see cref="Open"/> maps the file read-only: the array's data is served from the mapping
/// without a copy (the file is never written). <see cref="Decode"/> reads from bytes already in memory.
/// </summary>
public sealed class NpyFile : IDisposable
{
    private readonly MappedFile _file;

    private NpyFile(NpyArray array, MappedFile file)
    {
        Array = array;
        _file = file;
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
        var file = MappedFile.Open(path, sink);
        if (file is null) return null;
        try
        {
            var header = NpyHeader.Read(file.Span, file.Length, sink, path);
            if (header is null)
            {
                file.Dispose();
                return null;
            }

            return new NpyFile(new NpyArray(header, file.Memory.Slice((int)header.DataOffset, (int)header.DataLength)), file);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Reads a file's array straight into <paramref name="destination"/> as float32 with positioned reads (one copy
    /// from the page cache, like <c>np.load</c>, without mapping the file): float32 of either byte order is read in
    /// place (big-endian swapped with SIMD); other numeric dtypes are converted. Returns the header, or null with
    /// findings. Nothing is allocated in proportion to the array.
    /// </summary>
    public static NpyHeader? ReadInto(string path, Span<float> destination, FindingSink sink)
    {
        using var handle = InputFile.TryOpenRead(path, sink, FileOptions.SequentialScan);
        if (handle is null) return null;
        long length = RandomAccess.GetLength(handle);
        Span<byte> prefix = stackalloc byte[4096];
        int got = RandomAccess.Read(handle, prefix, 0);
        NpyHeader? header;
        long headerEnd = NpyHeader.DeclaredEnd(prefix[..got]);
        if (headerEnd > got && got < length)
        {
            // A header longer than the first read (format 2.0/3.0 records): map the file for it.
            using var file = Open(path, sink);
            if (file is null) return null;
            header = file.Array.Header;
            file.Array.CopyTo(destination);
            return header;
        }

        header = NpyHeader.Read(prefix[..got], length, sink, path);
        if (header is null) return null;
        if (destination.Length < header.ElementCount) throw new ArgumentException($"the destination holds {destination.Length} floats; the array has {header.ElementCount}");
        var dtype = header.DType;
        if (dtype.Kind == NpyKind.Float && dtype.ItemSize == 4)
        {
            var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(destination[..(int)header.ElementCount]);
            long offset = header.DataOffset;
            while (!bytes.IsEmpty)
            {
                int n = RandomAccess.Read(handle, bytes, offset);
                if (n == 0) break;
                bytes = bytes[n..];
                offset += n;
            }

            if (!bytes.IsEmpty)
            {
                sink.Add(new Finding(FindingCodes.DataTruncated, Severity.Error, path, "the file shrank while it was read") { Offset = offset });
                return null;
            }

            if (dtype.NeedsSwap)
            {
                var ints = System.Runtime.InteropServices.MemoryMarshal.Cast<float, int>(destination[..(int)header.ElementCount]);
                System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(ints, ints);
            }

            return header;
        }

        using (var file = Open(path, sink))
        {
            if (file is null) return null;
            file.Array.CopyTo(destination);
        }

        return header;
    }

    public void Dispose() => _file.Dispose();
}
