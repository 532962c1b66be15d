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

    public void Dispose() => _file.Dispose();
}
