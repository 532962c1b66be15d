using System.Buffers.Binary;

namespace Codec.Runtime.Binary.Exr;

/// <summary>
/// The Huffman stage of OpenEXR's PIZ compression: a canonical code over the 65,536 sixteen-bit values plus one
/// run-length symbol, its code lengths packed in the chunk (6 bits each, with runs of zero lengths), then the bit
/// stream, most significant bit first. The run-length symbol is the table's last one and repeats the value before it
/// 0–255 times. One instance decodes a part's chunks in turn, reusing its tables; every read is bounded by the chunk
/// and every write by the room the chunk's pixels have, so a hostile chunk is an error message, never a fault.
/// </summary>
internal sealed class PizHuffman
{
    private const int Symbols = (1 << 16) + 1;
    private const int LookupBits = 14;
    private const int LookupSize = 1 << LookupBits;
    private const int LongestCode = 58;
    private const int ShortZeroRun = 59;
    private const int LongZeroRun = 63;
    private const int ShortestLongRun = 2 + LongZeroRun - ShortZeroRun;

    // Each symbol's code length (low 6 bits) and canonical code (the bits above).
    private readonly long[] _codes = new long[Symbols];

    // Codes of up to 14 bits, looked up by the next 14 bits of the stream: symbol << 8 | length (0: none).
    private readonly int[] _entries = new int[LookupSize];

    // Longer codes, listed under their first 14 bits and told apart by comparing the rest; which entries have them.
    private readonly List<int>?[] _long = new List<int>?[LookupSize];
    private readonly List<int> _longUsed = [];

    // The symbols that have a code in the chunk being decoded (usually a few thousand of the 65,537), in order.
    private readonly List<int> _coded = [];

    /// <summary>Decodes one chunk's Huffman data into <paramref name="output"/>, which it must fill exactly; null, or what is wrong.</summary>
    public string? Decode(ReadOnlySpan<byte> data, Span<ushort> output)
    {
        if (data.Length == 0) return output.IsEmpty ? null : "the Huffman data is empty";
        if (data.Length < 20) return $"the Huffman data is {data.Length} bytes, shorter than its 20-byte header";

        uint first = BinaryPrimitives.ReadUInt32LittleEndian(data);
        uint last = BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
        uint bits = BinaryPrimitives.ReadUInt32LittleEndian(data[12..]);
        if (first >= Symbols || last >= Symbols) return $"the Huffman table spans symbols {first}..{last}, past the {Symbols} there are";

        var rest = data[20..];
        if ((bits + 7L) / 8 > rest.Length) return $"the Huffman stream declares {bits} bits; {rest.Length} bytes follow its header";

        // Only the symbols first..last have codes: the tables are cleared where the chunk wrote them.
        try
        {
            if (ReadCodeLengths(rest, (int)first, (int)last, out int tableBytes) is { } tableError) return tableError;
            var stream = rest[tableBytes..];
            if (bits > 8L * stream.Length) return $"the Huffman stream declares {bits} bits; {stream.Length} bytes follow its code table";

            AssignCanonicalCodes();
            if (BuildLookup() is { } lookupError) return lookupError;
            return DecodeStream(stream, (int)bits, (int)last, output);
        }
        finally
        {
            _codes.AsSpan((int)first, (int)(Math.Max(first, last) - first + 1)).Clear();
            Array.Clear(_entries);
            foreach (int index in _longUsed) _long[index] = null;
            _longUsed.Clear();
            _coded.Clear();
        }
    }

    // The code lengths of symbols first..last: 6 bits each; 59–62 stand for 2–5 zero lengths, 63 and the next 8 bits for 6–261.
    private string? ReadCodeLengths(ReadOnlySpan<byte> table, int first, int last, out int consumed)
    {
        var reader = new BitReader(table);
        for (int symbol = first; symbol <= last; symbol++)
        {
            if (!reader.TryRead(6, out int length)) return Fail(out consumed, "the Huffman code table is cut short");
            int zeros;
            if (length == LongZeroRun)
            {
                if (!reader.TryRead(8, out int run)) return Fail(out consumed, "the Huffman code table is cut short");
                zeros = run + ShortestLongRun;
            }
            else if (length >= ShortZeroRun)
            {
                zeros = length - ShortZeroRun + 2;
            }
            else
            {
                _codes[symbol] = length;
                if (length > 0) _coded.Add(symbol);
                continue;
            }

            if (symbol + zeros > last + 1) return Fail(out consumed, $"a run of {zeros} zero code lengths at symbol {symbol} runs past the table's last symbol {last}");
            symbol += zeros - 1;
        }

        consumed = reader.BytesUsed;
        return null;
    }

    // Canonical codes from the lengths: the longest codes take the smallest values, each length following on from the one above.
    private void AssignCanonicalCodes()
    {
        Span<long> next = stackalloc long[LongestCode + 1];
        next.Clear();
        foreach (int symbol in _coded) next[(int)_codes[symbol]]++;
        long code = 0;
        for (int length = LongestCode; length > 0; length--)
        {
            long following = (code + next[length]) >> 1;
            next[length] = code;
            code = following;
        }

        foreach (int symbol in _coded)
        {
            int length = (int)_codes[symbol];
            _codes[symbol] = (next[length]++ << 6) | (long)length;
        }
    }

    private string? BuildLookup()
    {
        foreach (int symbol in _coded)
        {
            long code = _codes[symbol] >> 6;
            int length = (int)(_codes[symbol] & 63);
            if (length == 0) continue;
            if (code >> length != 0) return $"the Huffman code of symbol {symbol} does not fit its {length} bits";
            if (length > LookupBits)
            {
                int index = (int)(code >> (length - LookupBits));
                if (_entries[index] != 0) return "the Huffman code table is not a prefix code";
                if (_long[index] is null) _longUsed.Add(index);
                (_long[index] ??= []).Add(symbol);
                continue;
            }

            int start = (int)(code << (LookupBits - length));
            for (int i = start; i < start + (1 << (LookupBits - length)); i++)
            {
                if (_entries[i] != 0 || _long[i] is not null) return "the Huffman code table is not a prefix code";
                _entries[i] = (symbol << 8) | length;
            }
        }

        return null;
    }

    // The stream, most significant bit first, into output. The bit buffer is refilled 32 bits at a time whenever it
    // holds fewer than 32 (a byte at a time near the end), so that a code of the lookup and a run's 8-bit count are
    // read from it without a refill; a long code first tops it up to 57 bits or more.
    private string? DecodeStream(ReadOnlySpan<byte> stream, int bits, int runSymbol, Span<ushort> output)
    {
        int end = (int)((bits + 7L) / 8), at = 0, written = 0, count = 0;
        ulong buffer = 0;
        var entries = _entries;
        while (true)
        {
            if (count < 32)
            {
                if (at + 4 <= end)
                {
                    buffer = (buffer << 32) | BinaryPrimitives.ReadUInt32BigEndian(stream[at..]);
                    at += 4;
                    count += 32;
                }
                else
                {
                    TopUp(stream, end, ref at, ref buffer, ref count);
                }
            }

            if (count < LookupBits) break;
            int entry = entries[(int)(buffer >> (count - LookupBits)) & (LookupSize - 1)];
            int symbol;
            if (entry != 0)
            {
                count -= entry & 0xFF;
                symbol = entry >> 8;
            }
            else
            {
                // A long code may take up to 58 bits: as many as there are, first (its first 14 bits stay the same).
                TopUp(stream, end, ref at, ref buffer, ref count);
                if (!TryLongCode(buffer, ref count, (int)(buffer >> (count - LookupBits)) & (LookupSize - 1), out symbol))
                    return $"the Huffman stream holds an invalid code near byte {at}";
            }

            if (symbol != runSymbol)
            {
                if (written >= output.Length) return TooMuch(output.Length);
                output[written++] = (ushort)symbol;
            }
            else if (Run(stream, ref at, ref buffer, ref count, output, ref written) is { } error)
            {
                return error;
            }
        }

        // The last byte's unused low bits are dropped; what remains are codes shorter than the lookup.
        int unused = (8 - bits) & 7;
        buffer >>= unused;
        count -= unused;
        while (count > 0)
        {
            int entry = entries[(int)(buffer << (LookupBits - count)) & (LookupSize - 1)];
            int length = entry & 0xFF;
            if (length == 0 || length > count) return "the Huffman stream ends inside a code";
            count -= length;
            if (entry >> 8 != runSymbol)
            {
                if (written >= output.Length) return TooMuch(output.Length);
                output[written++] = (ushort)(entry >> 8);
            }
            else if (Run(stream, ref at, ref buffer, ref count, output, ref written) is { } error)
            {
                return error;
            }
        }

        return written == output.Length ? null : $"the Huffman stream decodes to {written} values; the chunk's pixels need {output.Length}";
    }

    // A byte at a time, up to 57–64 bits in the buffer or the end of the stream.
    private static void TopUp(ReadOnlySpan<byte> stream, int end, ref int at, ref ulong buffer, ref int count)
    {
        while (count <= 56 && at < end)
        {
            buffer = (buffer << 8) | stream[at++];
            count += 8;
        }
    }

    // A code longer than the lookup: one of those listed under its first 14 bits, compared in full.
    private bool TryLongCode(ulong buffer, ref int count, int index, out int symbol)
    {
        symbol = 0;
        if (_long[index] is not { } candidates) return false;
        foreach (int candidate in candidates)
        {
            int length = (int)(_codes[candidate] & 63);
            if (count >= length && (ulong)(_codes[candidate] >> 6) == ((buffer >> (count - length)) & ((1UL << length) - 1)))
            {
                count -= length;
                symbol = candidate;
                return true;
            }
        }

        return false;
    }

    // The run-length symbol: the next 8 bits say how many more times the value before it comes.
    private static string? Run(ReadOnlySpan<byte> stream, ref int at, ref ulong buffer, ref int count, Span<ushort> output, ref int written)
    {
        if (count < 8)
        {
            if (at >= stream.Length) return "the Huffman stream ends inside a run";
            buffer = (buffer << 8) | stream[at++];
            count += 8;
        }

        count -= 8;
        int repeat = (byte)(buffer >> count);
        if (written == 0) return "the Huffman stream starts with a run, of no value before it";
        if (written + repeat > output.Length) return TooMuch(output.Length);
        output.Slice(written, repeat).Fill(output[written - 1]);
        written += repeat;
        return null;
    }

    private static string TooMuch(int room) => $"the Huffman stream decodes to more than the {room} values the chunk's pixels need";

    private static string Fail(out int consumed, string message)
    {
        consumed = 0;
        return message;
    }

    /// <summary>Bits most significant first, over a span, never past its end.</summary>
    private ref struct BitReader(ReadOnlySpan<byte> bytes)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;
        private ulong _buffer;
        private int _count;

        public int BytesUsed { get; private set; }

        public bool TryRead(int bits, out int value)
        {
            while (_count < bits)
            {
                if (BytesUsed >= _bytes.Length)
                {
                    value = 0;
                    return false;
                }

                _buffer = (_buffer << 8) | _bytes[BytesUsed++];
                _count += 8;
            }

            _count -= bits;
            value = (int)((_buffer >> _count) & ((1UL << bits) - 1));
            return true;
        }
    }
}
