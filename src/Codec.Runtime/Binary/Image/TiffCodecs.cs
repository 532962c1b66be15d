namespace Codec.Runtime.Binary.Image;

/// <summary>
/// The compressions and predictors of TIFF strips and tiles as image writers use them: LZW (TIFF 6.0 §13, with its
/// early code-width change), PackBits, Deflate (zlib), the horizontal-differencing predictor and the floating-point
/// predictor (Adobe's TIFF Technical Note 3: bytes split into planes, most significant first, then differenced).
/// Every decoder fills exactly the bytes it is given room for and says how many it could: a stream that holds less is
/// cut short, one that holds more is not read past the end.
/// </summary>
internal static class TiffCodecs
{
    /// <summary>Decodes TIFF LZW into <paramref name="output"/>; the bytes written, or -1 for a code that no table holds.</summary>
    /// <remarks>
    /// Every string the table holds has already been written to the output whole: a code is defined as the previous
    /// code's string and the next byte, which is where the previous code was written, one byte longer. So a code is
    /// kept as where it was written and how long it is, and emitted by copying from there: no walk back along a chain
    /// of prefixes, one dependent load per byte.
    /// </remarks>
    public static int Lzw(ReadOnlySpan<byte> input, Span<byte> output)
    {
        const int Clear = 256, End = 257, MaxCodes = 4096;
        Span<int> position = stackalloc int[MaxCodes];
        Span<int> length = stackalloc int[MaxCodes];
        int next = 258, width = 9, previous = -1, previousAt = 0, written = 0;
        long bits = 0;
        int held = 0, at = 0;
        while (written < output.Length)
        {
            while (held < width && at < input.Length)
            {
                bits = (bits << 8) | input[at++];
                held += 8;
            }

            if (held < width) break;
            int code = (int)((bits >> (held - width)) & ((1 << width) - 1));
            held -= width;
            if (code == End) break;
            if (code == Clear)
            {
                next = 258;
                width = 9;
                previous = -1;
                continue;
            }

            // A code not yet in the table may only be the one being defined (the previous string and its own first byte).
            bool known = code < next && (code < 256 || code >= 258);
            if (!known && !(code == next && previous >= 0 && next < MaxCodes)) return -1;
            if (previous >= 0 && next < MaxCodes)
            {
                position[next] = previousAt;
                length[next] = LengthOf(previous, length) + 1;
                next++;
            }

            int emitted;
            if (code < 256)
            {
                output[written] = (byte)code;
                emitted = 1;
            }
            else
            {
                // At the output's end the string is cut, as the strip is.
                emitted = Math.Min(length[code], output.Length - written);
                CopyForward(output, position[code], written, emitted);
            }

            previousAt = written;
            written += emitted;
            previous = code;
            // TIFF's LZW widens its codes one code early (libtiff's "compat" mode is the old, rare variant).
            if (next + 1 >= (1 << width) && width < 12) width++;
        }

        return written;
    }

    private static int LengthOf(int code, ReadOnlySpan<int> length) => code < 256 ? 1 : length[code];

    // Copies count bytes from `from` to `to` further on in the same output, byte by byte where they overlap (the code
    // being defined reads the byte it has just written).
    private static void CopyForward(Span<byte> output, int from, int to, int count)
    {
        if (to - from >= count)
        {
            output.Slice(from, count).CopyTo(output.Slice(to, count));
            return;
        }

        for (int i = 0; i < count; i++) output[to + i] = output[from + i];
    }

    /// <summary>Decodes PackBits; the bytes written (fewer than the room when the input ends first).</summary>
    public static int PackBits(ReadOnlySpan<byte> input, Span<byte> output)
    {
        int at = 0, written = 0;
        while (at < input.Length && written < output.Length)
        {
            int n = (sbyte)input[at++];
            if (n >= 0)
            {
                int take = Math.Min(Math.Min(n + 1, input.Length - at), output.Length - written);
                input.Slice(at, take).CopyTo(output[written..]);
                at += n + 1;
                written += take;
            }
            else if (n != -128 && at < input.Length)
            {
                int take = Math.Min(1 - n, output.Length - written);
                output.Slice(written, take).Fill(input[at++]);
                written += take;
            }
        }

        return written;
    }

    /// <summary>Inflates a zlib stream; the bytes written, or -1 when it is not valid zlib.</summary>
    public static int Deflate(ReadOnlySpan<byte> input, Span<byte> output) => SampleBytes.Inflate(input, output, out _);

    /// <summary>Undoes horizontal differencing on one row, in place (samples in the machine's byte order).</summary>
    public static void UndoHorizontal(Span<byte> row, int samplesPerPixel, int bytesPerSample)
    {
        switch (bytesPerSample)
        {
            case 1:
                SampleLanes.RunningSum(row, samplesPerPixel);
                break;
            case 2:
                SampleLanes.RunningSum(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ushort>(row), samplesPerPixel);
                break;
            default:
                var ints = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, uint>(row);
                for (int i = samplesPerPixel; i < ints.Length; i++) ints[i] += ints[i - samplesPerPixel];
                break;
        }
    }

    /// <summary>
    /// Undoes the floating-point predictor on one row: the bytes are differenced with a stride of the samples per
    /// pixel, and split into planes, the most significant byte of every sample first. The result is in the machine's
    /// byte order (the predictor's bytes do not depend on the file's).
    /// </summary>
    public static void UndoFloatingPoint(Span<byte> row, Span<byte> scratch, int samplesPerPixel, int bytesPerSample)
    {
        SampleLanes.RunningSum(row, samplesPerPixel);
        int count = row.Length / bytesPerSample;
        // The planes, least significant first on a little-endian machine, interleaved into samples.
        var planes = scratch[..(count * bytesPerSample)];
        for (int b = 0; b < bytesPerSample; b++)
        {
            int plane = BitConverter.IsLittleEndian ? bytesPerSample - b - 1 : b;
            row.Slice(plane * count, count).CopyTo(planes.Slice(b * count, count));
        }

        SampleLanes.Interleave(planes, bytesPerSample, row);
    }
}
