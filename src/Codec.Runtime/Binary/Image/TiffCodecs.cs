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
    public static int Lzw(ReadOnlySpan<byte> input, Span<byte> output)
    {
        const int Clear = 256, End = 257, MaxCodes = 4096;
        Span<short> prefix = stackalloc short[MaxCodes];
        Span<byte> suffix = stackalloc byte[MaxCodes];
        Span<byte> first = stackalloc byte[MaxCodes];
        Span<short> length = stackalloc short[MaxCodes];
        for (int i = 0; i < 256; i++)
        {
            prefix[i] = -1;
            suffix[i] = (byte)i;
            first[i] = (byte)i;
            length[i] = 1;
        }

        int next = 258, width = 9, previous = -1, written = 0;
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

            int emitted;
            if (code < next && (code < 256 || code >= 258))
            {
                emitted = Emit(code, output[written..], prefix, suffix, length);
                if (previous >= 0 && next < MaxCodes)
                {
                    prefix[next] = (short)previous;
                    suffix[next] = first[code];
                    first[next] = first[previous];
                    length[next] = (short)(length[previous] + 1);
                    next++;
                }
            }
            else if (code == next && previous >= 0 && next < MaxCodes)
            {
                // The code being defined: the previous string and its own first byte.
                prefix[next] = (short)previous;
                suffix[next] = first[previous];
                first[next] = first[previous];
                length[next] = (short)(length[previous] + 1);
                next++;
                emitted = Emit(code, output[written..], prefix, suffix, length);
            }
            else
            {
                return -1;
            }

            written += emitted;
            previous = code;
            // TIFF's LZW widens its codes one code early (libtiff's "compat" mode is the old, rare variant).
            if (next + 1 >= (1 << width) && width < 12) width++;
        }

        return written;
    }

    // Writes a code's string backwards from its last byte; at the output's end the string is cut, as the strip is.
    private static int Emit(int code, Span<byte> output, ReadOnlySpan<short> prefix, ReadOnlySpan<byte> suffix, ReadOnlySpan<short> length)
    {
        int n = length[code];
        int room = Math.Min(n, output.Length);
        for (int i = n - 1, c = code; i >= 0; i--, c = prefix[c])
        {
            if (i < room) output[i] = suffix[c];
        }

        return room;
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
