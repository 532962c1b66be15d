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

    // Codes of up to 14 bits, looked up by the next 14 bits of the stream: their length and symbol.
    private readonly byte[] _length = new byte[LookupSize];
    private readonly int[] _symbol = new int[LookupSize];

    // Longer codes, listed under their first 14 bits and told apart by comparing the rest.
    private readonly List<int>?[] _long = new List<int>?[LookupSize];

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

        Array.Clear(_codes);
        Array.Clear(_length);
        Array.Clear(_long);
        if (ReadCodeLengths(rest, (int)first, (int)last, out int tableBytes) is { } tableError) return tableError;

        var stream = rest[tableBytes..];
        if (bits > 8L * stream.Length) return $"the Huffman stream declares {bits} bits; {stream.Length} bytes follow its code table";

        AssignCanonicalCodes();
        if (BuildLookup((int)first, (int)last) is { } lookupError) return lookupError;
        return DecodeStream(stream, (int)bits, (int)last, output);
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
        foreach (long length in _codes) next[(int)length]++;
        long code = 0;
        for (int length = LongestCode; length > 0; length--)
        {
            long following = (code + next[length]) >> 1;
            next[length] = code;
            code = following;
        }

        for (int symbol = 0; symbol < Symbols; symbol++)
        {
            int length = (int)_codes[symbol];
            if (length > 0) _codes[symbol] = (next[length]++ << 6) | (long)length;
        }
    }

    private string? BuildLookup(int first, int last)
    {
        for (int symbol = first; symbol <= last; symbol++)
        {
            long code = _codes[symbol] >> 6;
            int length = (int)(_codes[symbol] & 63);
            if (length == 0) continue;
            if (code >> length != 0) return $"the Huffman code of symbol {symbol} does not fit its {length} bits";
            if (length > LookupBits)
            {
                int index = (int)(code >> (length - LookupBits));
                if (_length[index] != 0) return "the Huffman code table is not a prefix code";
                (_long[index] ??= []).Add(symbol);
                continue;
            }

            int start = (int)(code << (LookupBits - length));
            for (int i = start; i < start + (1 << (LookupBits - length)); i++)
            {
                if (_length[i] != 0 || _long[i] is not null) return "the Huffman code table is not a prefix code";
                _length[i] = (byte)length;
                _symbol[i] = symbol;
            }
        }

        return null;
    }

    private string? DecodeStream(ReadOnlySpan<byte> stream, int bits, int runSymbol, Span<ushort> output)
    {
        int end = (int)((bits + 7L) / 8);
        var state = new Decoder(stream, output, runSymbol);
        while (state.At < end)
        {
            state.Pull();
            while (state.Count >= LookupBits)
            {
                int index = (int)(state.Buffer >> (state.Count - LookupBits)) & (LookupSize - 1);
                if (_length[index] != 0)
                {
                    state.Count -= _length[index];
                    if (state.Emit(_symbol[index]) is { } error) return error;
                    continue;
                }

                if (_long[index] is not { } candidates) return $"the Huffman stream holds an invalid code near byte {state.At}";
                bool matched = false;
                foreach (int symbol in candidates)
                {
                    int length = (int)(_codes[symbol] & 63);
                    while (state.Count < length && state.At < end) state.Pull();
                    if (state.Count >= length && (ulong)(_codes[symbol] >> 6) == ((state.Buffer >> (state.Count - length)) & ((1UL << length) - 1)))
                    {
                        state.Count -= length;
                        if (state.Emit(symbol) is { } error) return error;
                        matched = true;
                        break;
                    }
                }

                if (!matched) return $"the Huffman stream holds an invalid code near byte {state.At}";
            }
        }

        // The last byte's unused low bits are dropped; what remains are codes shorter than the lookup.
        int unused = (8 - bits) & 7;
        state.Buffer >>= unused;
        state.Count -= unused;
        while (state.Count > 0)
        {
            int index = (int)(state.Buffer << (LookupBits - state.Count)) & (LookupSize - 1);
            int length = _length[index];
            if (length == 0 || length > state.Count) return "the Huffman stream ends inside a code";
            state.Count -= length;
            if (state.Emit(_symbol[index]) is { } error) return error;
        }

        return state.Written == output.Length ? null : $"the Huffman stream decodes to {state.Written} values; the chunk's pixels need {output.Length}";
    }

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

    /// <summary>The stream's bit buffer and the output written so far.</summary>
    private ref struct Decoder(ReadOnlySpan<byte> stream, Span<ushort> output, int runSymbol)
    {
        private readonly ReadOnlySpan<byte> _stream = stream;
        private readonly Span<ushort> _output = output;
        public ulong Buffer;
        public int Count;
        public int At;
        public int Written;

        public void Pull()
        {
            Buffer = (Buffer << 8) | _stream[At++];
            Count += 8;
        }

        public string? Emit(int symbol)
        {
            if (symbol != runSymbol)
            {
                if (Written >= _output.Length) return $"the Huffman stream decodes to more than the {_output.Length} values the chunk's pixels need";
                _output[Written++] = (ushort)symbol;
                return null;
            }

            // The run-length symbol: the next 8 bits say how many more times the value before it comes.
            if (Count < 8)
            {
                if (At >= _stream.Length) return "the Huffman stream ends inside a run";
                Pull();
            }

            Count -= 8;
            int repeat = (byte)(Buffer >> Count);
            if (Written == 0) return "the Huffman stream starts with a run, of no value before it";
            if (Written + repeat > _output.Length) return $"the Huffman stream decodes to more than the {_output.Length} values the chunk's pixels need";
            _output.Slice(Written, repeat).Fill(_output[Written - 1]);
            Written += repeat;
            return null;
        }
    }
}
