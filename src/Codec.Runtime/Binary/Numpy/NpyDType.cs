namespace Codec.Runtime.Binary.Numpy;

/// <summary>What an array element is.</summary>
public enum NpyKind : byte
{
    Bool,
    Int,
    UInt,
    Float,
    /// <summary><c>S&lt;n&gt;</c>: fixed-length bytes, zero-padded.</summary>
    Bytes,
    /// <summary><c>U&lt;n&gt;</c>: fixed-length UTF-32 code points, zero-padded.</summary>
    Unicode,
    /// <summary>A structured dtype: named fields, each a plain dtype at an offset.</summary>
    Record,
}

/// <summary>
/// A NumPy dtype as a <c>descr</c> string writes it (<c>&lt;f4</c>, <c>|u1</c>, <c>&gt;i8</c>, <c>|S5</c>,
/// <c>&lt;U4</c>), or a structured dtype of such fields.
/// </summary>
public sealed record NpyDType(NpyKind Kind, int ItemSize, bool BigEndian, IReadOnlyList<NpyField>? Fields = null)
{
    public static NpyDType Float32 { get; } = new(NpyKind.Float, 4, false);
    public static NpyDType Float64 { get; } = new(NpyKind.Float, 8, false);

    /// <summary>True when multi-byte values need swapping on this (little-endian) machine.</summary>
    public bool NeedsSwap => BigEndian && ItemSize > 1 && Kind is NpyKind.Int or NpyKind.UInt or NpyKind.Float or NpyKind.Unicode;

    /// <summary>The descr string NumPy writes for this dtype (a list literal for records).</summary>
    public string Descr => Kind switch
    {
        NpyKind.Record => "[" + string.Join(", ", Fields!.Select(f => $"('{f.Name}', '{f.Type.Descr}')")) + "]",
        NpyKind.Bool => "|b1",
        NpyKind.Bytes => "|S" + ItemSize,
        NpyKind.Unicode => (BigEndian ? ">" : "<") + "U" + ItemSize / 4,
        _ => (ItemSize == 1 ? "|" : BigEndian ? ">" : "<") + Kind switch { NpyKind.Int => "i", NpyKind.UInt => "u", _ => "f" } + ItemSize,
    };

    /// <summary>
    /// Parses a simple descr string. Returns null with <paramref name="problem"/> set for what is not supported,
    /// <paramref name="isObject"/> for object arrays (pickles).
    /// </summary>
    public static NpyDType? Parse(string descr, out string problem, out bool isObject)
    {
        problem = "";
        isObject = false;
        if (descr.Length < 2)
        {
            problem = $"'{descr}' is not a dtype";
            return null;
        }

        char order = descr[0];
        bool big = order == '>';
        string rest = order is '<' or '>' or '|' or '=' ? descr[1..] : descr;
        char code = rest[0];
        if (code == 'O')
        {
            isObject = true;
            problem = $"'{descr}' is an object array: its data is a Python pickle, which is never loaded";
            return null;
        }

        if (!int.TryParse(rest.AsSpan(1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int size) || size <= 0)
        {
            problem = $"'{descr}' has no valid item size";
            return null;
        }

        NpyDType? type = code switch
        {
            'b' when size == 1 => new NpyDType(NpyKind.Bool, 1, false),
            'i' when size is 1 or 2 or 4 or 8 => new NpyDType(NpyKind.Int, size, big),
            'u' when size is 1 or 2 or 4 or 8 => new NpyDType(NpyKind.UInt, size, big),
            'f' when size is 2 or 4 or 8 => new NpyDType(NpyKind.Float, size, big),
            'S' => new NpyDType(NpyKind.Bytes, size, false),
            'U' when size <= int.MaxValue / 4 => new NpyDType(NpyKind.Unicode, size * 4, big),
            _ => null,
        };
        if (type is null) problem = $"dtype '{descr}' is not supported (bool, signed and unsigned integers, float16/32/64, S<n> and U<n> are)";
        return type;
    }
}

/// <summary>One field of a structured dtype.</summary>
public sealed record NpyField(string Name, NpyDType Type, int Offset);
