namespace Codec.Fuzz;

/// <summary>
/// Damages a seed the ways real faults and hostile files do: flipped and replaced bytes, structural characters,
/// cuts, deleted and repeated runs, and size fields set to the integers that break bounds checks (0, -1, 2^31-1,
/// 2^32-1, 2^63) in either byte order.
/// </summary>
public sealed class Mutator(int seed)
{
    private static readonly byte[] Interesting = "{}[]\",:\\-0123456789.eE+ \n\t\0NaInfityrulsf<>!/&;=\u00ff"u8.ToArray();

    private static readonly ulong[] Integers =
    [
        0, 1, 0x7F, 0x80, 0xFF, 0x7FFF, 0x8000, 0xFFFF, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF, 0x100000000,
        0x7FFFFFFFFFFFFFFF, 0x8000000000000000, ulong.MaxValue,
    ];

    private readonly Random _random = new(seed);

    public Random Random => _random;

    public byte[] Mutate(byte[] seedBytes)
    {
        var bytes = new List<byte>(seedBytes);
        int edits = 1 + _random.Next(_random.Next(2) == 0 ? 3 : 12);
        for (int e = 0; e < edits; e++)
        {
            if (bytes.Count == 0)
            {
                bytes.Add(Interesting[_random.Next(Interesting.Length)]);
                continue;
            }

            int at = Offset(bytes.Count);
            switch (_random.Next(9))
            {
                case 0: bytes[at] ^= (byte)(1 << _random.Next(8)); break;
                case 1: bytes[at] = (byte)_random.Next(256); break;
                case 2: bytes[at] = Interesting[_random.Next(Interesting.Length)]; break;
                case 3: bytes.Insert(at, Interesting[_random.Next(Interesting.Length)]); break;
                case 4: bytes.RemoveRange(at, Math.Min(bytes.Count - at, 1 + _random.Next(64))); break;
                case 5: if (_random.Next(4) == 0) bytes.RemoveRange(at, bytes.Count - at); break;
                case 6:
                {
                    int length = Math.Min(bytes.Count - at, 1 + _random.Next(256));
                    bytes.InsertRange(Offset(bytes.Count), bytes.GetRange(at, length));
                    break;
                }

                default: WriteInteger(bytes, at); break;
            }
        }

        return bytes.ToArray();
    }

    // Headers are at the start: a third of the edits land in the first 64 bytes.
    private int Offset(int length) => _random.Next(3) == 0 ? _random.Next(Math.Min(length, 64)) : _random.Next(length);

    private void WriteInteger(List<byte> bytes, int at)
    {
        ulong value = Integers[_random.Next(Integers.Length)];
        if (_random.Next(4) == 0) value += (ulong)(_random.Next(3) - 1);
        int width = new[] { 2, 4, 8 }[_random.Next(3)];
        bool bigEndian = _random.Next(2) == 0;
        for (int i = 0; i < width && at + i < bytes.Count; i++)
        {
            int shift = 8 * (bigEndian ? width - 1 - i : i);
            bytes[at + i] = (byte)(value >> shift);
        }
    }
}
