using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Codec.Runtime.Binary.Numpy;

/// <summary>
/// A decoded <c>.npy</c> array: its header and its data as stored (not copied — a view of the file's mapping or of
/// the caller's buffer). <see cref="AsSpan{T}"/> gives the elements without a copy when the dtype is the machine's;
/// <see cref="CopyTo(Span{float})"/> converts any numeric dtype (byte swapping with SIMD where needed).
/// </summary>
public sealed class NpyArray
{
    public NpyArray(NpyHeader header, ReadOnlyMemory<byte> data)
    {
        if (data.Length != header.DataLength) throw new ArgumentException($"data has {data.Length} bytes; the header declares {header.DataLength}", nameof(data));
        Header = header;
        Data = data;
    }

    public NpyHeader Header { get; }

    /// <summary>The array's bytes as stored: C or Fortran order, the dtype's byte order.</summary>
    public ReadOnlyMemory<byte> Data { get; }

    public IReadOnlyList<long> Shape => Header.Shape;
    public NpyDType DType => Header.DType;
    public long Length => Header.ElementCount;

    /// <summary>
    /// The elements without a copy, when <typeparamref name="T"/> is exactly the stored dtype in this machine's byte
    /// order (<c>&lt;f4</c> as <see cref="float"/>, <c>&lt;i8</c> as <see cref="long"/>, <c>|u1</c> as <see cref="byte"/>, ...).
    /// </summary>
    public ReadOnlySpan<T> AsSpan<T>() where T : unmanaged
    {
        if (!Matches<T>(DType)) throw new InvalidOperationException($"the array is {DType.Descr}; {typeof(T).Name} is not its in-memory type (use CopyTo to convert)");
        return MemoryMarshal.Cast<byte, T>(Data.Span);
    }

    /// <summary>True when <see cref="AsSpan{T}"/> works for <typeparamref name="T"/>.</summary>
    public bool CanView<T>() where T : unmanaged => Matches<T>(DType);

    /// <summary>Every element as float32, in storage order; numeric dtypes only.</summary>
    public void CopyTo(Span<float> destination)
    {
        CheckDestination(destination.Length);
        var src = Data.Span;
        var t = DType;
        switch (t.Kind, t.ItemSize)
        {
            case (NpyKind.Float, 4):
                var raw = MemoryMarshal.Cast<float, int>(destination);
                var from = MemoryMarshal.Cast<byte, int>(src);
                if (t.NeedsSwap) BinaryPrimitives.ReverseEndianness(from, raw);
                else from.CopyTo(raw);
                return;
            default:
                for (long i = 0; i < Length; i++) destination[(int)i] = (float)ReadAsDouble(src, (int)i);
                return;
        }
    }

    /// <summary>Every element as float64, in storage order; numeric dtypes only.</summary>
    public void CopyTo(Span<double> destination)
    {
        CheckDestination(destination.Length);
        var src = Data.Span;
        var t = DType;
        if (t.Kind == NpyKind.Float && t.ItemSize == 8)
        {
            var raw = MemoryMarshal.Cast<double, long>(destination);
            var from = MemoryMarshal.Cast<byte, long>(src);
            if (t.NeedsSwap) BinaryPrimitives.ReverseEndianness(from, raw);
            else from.CopyTo(raw);
            return;
        }

        for (int i = 0; i < Length; i++) destination[i] = ReadAsDouble(src, i);
    }

    /// <summary>Element <paramref name="index"/> (storage order) as a double; numeric dtypes only.</summary>
    public double GetDouble(long index)
    {
        if ((ulong)index >= (ulong)Length) throw new ArgumentOutOfRangeException(nameof(index));
        return ReadAsDouble(Data.Span, (int)index);
    }

    private double ReadAsDouble(ReadOnlySpan<byte> src, int i)
    {
        var t = DType;
        var b = src.Slice(i * t.ItemSize, t.ItemSize);
        bool big = t.BigEndian;
        return (t.Kind, t.ItemSize) switch
        {
            (NpyKind.Bool, _) => b[0] != 0 ? 1 : 0,
            (NpyKind.Int, 1) => (sbyte)b[0],
            (NpyKind.Int, 2) => big ? BinaryPrimitives.ReadInt16BigEndian(b) : BinaryPrimitives.ReadInt16LittleEndian(b),
            (NpyKind.Int, 4) => big ? BinaryPrimitives.ReadInt32BigEndian(b) : BinaryPrimitives.ReadInt32LittleEndian(b),
            (NpyKind.Int, 8) => big ? BinaryPrimitives.ReadInt64BigEndian(b) : BinaryPrimitives.ReadInt64LittleEndian(b),
            (NpyKind.UInt, 1) => b[0],
            (NpyKind.UInt, 2) => big ? BinaryPrimitives.ReadUInt16BigEndian(b) : BinaryPrimitives.ReadUInt16LittleEndian(b),
            (NpyKind.UInt, 4) => big ? BinaryPrimitives.ReadUInt32BigEndian(b) : BinaryPrimitives.ReadUInt32LittleEndian(b),
            (NpyKind.UInt, 8) => big ? BinaryPrimitives.ReadUInt64BigEndian(b) : BinaryPrimitives.ReadUInt64LittleEndian(b),
            (NpyKind.Float, 2) => (double)(big ? BinaryPrimitives.ReadHalfBigEndian(b) : BinaryPrimitives.ReadHalfLittleEndian(b)),
            (NpyKind.Float, 4) => big ? BinaryPrimitives.ReadSingleBigEndian(b) : BinaryPrimitives.ReadSingleLittleEndian(b),
            (NpyKind.Float, 8) => big ? BinaryPrimitives.ReadDoubleBigEndian(b) : BinaryPrimitives.ReadDoubleLittleEndian(b),
            _ => throw new InvalidOperationException($"{t.Descr} is not numeric"),
        };
    }

    private void CheckDestination(int length)
    {
        if (DType.Kind is NpyKind.Bytes or NpyKind.Unicode or NpyKind.Record) throw new InvalidOperationException($"{DType.Descr} is not numeric");
        if (Length > int.MaxValue) throw new InvalidOperationException("more than 2^31 elements: copy in parts");
        if (length < Length) throw new ArgumentException($"the destination holds {length} elements; the array has {Length}");
    }

    private static bool Matches<T>(NpyDType t) where T : unmanaged
    {
        if (t.NeedsSwap) return false;
        var type = typeof(T);
        return (t.Kind, t.ItemSize) switch
        {
            (NpyKind.Float, 4) => type == typeof(float),
            (NpyKind.Float, 8) => type == typeof(double),
            (NpyKind.Float, 2) => type == typeof(Half),
            (NpyKind.Int, 1) => type == typeof(sbyte),
            (NpyKind.Int, 2) => type == typeof(short),
            (NpyKind.Int, 4) => type == typeof(int),
            (NpyKind.Int, 8) => type == typeof(long),
            (NpyKind.UInt, 1) => type == typeof(byte),
            (NpyKind.UInt, 2) => type == typeof(ushort),
            (NpyKind.UInt, 4) => type == typeof(uint),
            (NpyKind.UInt, 8) => type == typeof(ulong),
            (NpyKind.Bool, 1) => type == typeof(bool) || type == typeof(byte),
            _ => type == typeof(byte),
        };
    }
}
