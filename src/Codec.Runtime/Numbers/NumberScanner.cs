using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace Codec.Runtime.Numbers;

/// <summary>
/// Scans and converts one JSON number. Strict grammar (no leading '+', no leading zeros, digits after '.', digits
/// in the exponent). Conversion is exact: short mantissas with small exponents take Clinger's fast path (one
/// correctly rounded IEEE operation); everything else goes to the runtime's correctly rounded parser, so every
/// double written with 17 significant digits reads back bit for bit.
/// </summary>
public static class NumberScanner
{
    public enum Error : byte
    {
        None,
        Malformed,
        Truncated,
    }

    private static readonly double[] PowersOf10 =
    {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    };

    /// <summary>
    /// Scans the number at <paramref name="pos"/> in <paramref name="text"/> and advances past it.
    /// <paramref name="isInteger"/> tells whether it had neither fraction nor exponent.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Scan(ReadOnlySpan<byte> text, ref int pos, out bool isInteger, out Error error) =>
        Scan(text, ref pos, out isInteger, out error, convert: true);

    /// <summary>Checks the number's grammar and advances past it without computing its value (for skipped values).</summary>
    public static Error Validate(ReadOnlySpan<byte> text, ref int pos)
    {
        Scan(text, ref pos, out _, out var error, convert: false);
        return error;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Scan(ReadOnlySpan<byte> text, ref int pos, out bool isInteger, out Error error, bool convert)
    {
        int start = pos;
        int i = pos;
        bool negative = false;
        if (i < text.Length && text[i] == (byte)'-')
        {
            negative = true;
            i++;
        }

        if (i >= text.Length) return Fail(ref pos, i, Error.Truncated, out isInteger, out error);

        ulong mantissa = 0;
        int significant = 0; // digits accumulated in mantissa (leading zeros excluded)
        int dropped = 0;     // integer digits beyond 19 that did not fit
        byte b = text[i];
        if (b == (byte)'0')
        {
            i++;
        }
        else if ((uint)(b - '1') <= 8)
        {
            while (i < text.Length && (uint)(text[i] - '0') <= 9)
            {
                if (significant < 19)
                {
                    mantissa = mantissa * 10 + (uint)(text[i] - '0');
                    significant++;
                }
                else
                {
                    dropped++;
                }

                i++;
            }
        }
        else
        {
            return Fail(ref pos, i, Error.Malformed, out isInteger, out error);
        }

        int exponent = dropped;
        isInteger = true;
        bool inexact = dropped > 0; // digits that did not fit in the 19-digit mantissa
        if (i < text.Length && text[i] == (byte)'.')
        {
            isInteger = false;
            i++;
            int fracStart = i;
            if (i + 8 <= text.Length)
            {
                // The usual fraction (real files write 15 to 17 significant digits): its length found eight bytes at a
                // time, then converted eight digits at a time, the last few as one padded group. Longer mantissas
                // take the digit loop below, which counts what does not fit.
                int end = DigitRunEnd(text, i);
                if (mantissa == 0)
                {
                    while (i < end && text[i] == (byte)'0') i++;
                    exponent -= i - fracStart;
                }

                int digits = end - i;
                if (digits > 0 && significant + digits <= 19)
                {
                    while (digits >= 8)
                    {
                        mantissa = mantissa * 100_000_000 + ParseEightDigits(BinaryPrimitives.ReadUInt64LittleEndian(text.Slice(i, 8)));
                        i += 8;
                        digits -= 8;
                        significant += 8;
                        exponent -= 8;
                    }

                    if (digits > 0 && i + 8 <= text.Length)
                    {
                        // "ddd" read with what follows, shifted up and padded with '0's below: "00000ddd".
                        ulong tail = (BinaryPrimitives.ReadUInt64LittleEndian(text.Slice(i, 8)) << (8 * (8 - digits))) | (0x3030303030303030UL >> (8 * digits));
                        mantissa = mantissa * PowersOf10Integer[digits] + ParseEightDigits(tail);
                        i += digits;
                        significant += digits;
                        exponent -= digits;
                    }
                }
            }

            while (i < text.Length && (uint)(text[i] - '0') <= 9)
            {
                // Eight digits at a time once the first significant digit is in (leading zeros are counted one by one).
                if (mantissa != 0 && significant <= 11 && i + 8 <= text.Length)
                {
                    ulong chunk = BinaryPrimitives.ReadUInt64LittleEndian(text.Slice(i, 8));
                    if (IsEightDigits(chunk))
                    {
                        mantissa = mantissa * 100_000_000 + ParseEightDigits(chunk);
                        significant += 8;
                        exponent -= 8;
                        i += 8;
                        continue;
                    }
                }

                if (significant < 19)
                {
                    if (mantissa != 0 || text[i] != (byte)'0')
                    {
                        mantissa = mantissa * 10 + (uint)(text[i] - '0');
                        significant++;
                    }

                    exponent--;
                }
                else
                {
                    inexact = true;
                }

                i++;
            }

            if (i == fracStart) return Fail(ref pos, i, i >= text.Length ? Error.Truncated : Error.Malformed, out isInteger, out error);
        }

        if (i < text.Length && (text[i] | 0x20) == (byte)'e')
        {
            isInteger = false;
            i++;
            bool expNegative = false;
            if (i < text.Length && (text[i] == (byte)'-' || text[i] == (byte)'+'))
            {
                expNegative = text[i] == (byte)'-';
                i++;
            }

            int expStart = i;
            int e = 0;
            while (i < text.Length && (uint)(text[i] - '0') <= 9)
            {
                if (e < 100000) e = e * 10 + (text[i] - '0');
                i++;
            }

            if (i == expStart) return Fail(ref pos, i, i >= text.Length ? Error.Truncated : Error.Malformed, out isInteger, out error);
            exponent += expNegative ? -e : e;
        }

        pos = i;
        error = Error.None;
        if (!convert) return 0;

        // Clinger's fast path: the mantissa and the power of ten are both exact doubles, so one operation rounds once.
        if (significant <= 15 && !inexact && exponent is >= -22 and <= 22)
        {
            double value = mantissa;
            value = exponent < 0 ? value / PowersOf10[-exponent] : value * PowersOf10[exponent];
            return negative ? -value : value;
        }

        if (mantissa == 0 && significant == 0)
        {
            return negative ? -0.0 : 0.0;
        }

        // Eisel–Lemire needs the exact decimal mantissa; more than 19 significant digits (never seen in real files)
        // or a subnormal result go to the runtime's general, correctly rounded parser.
        if (!inexact && exponent > -400 && exponent < 400 && EiselLemire.TryCompute(mantissa, exponent, negative, out double fast))
        {
            return fast;
        }

        return double.Parse(text[start..i], NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    private static readonly ulong[] PowersOf10Integer = { 1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000 };

    // Where the run of ASCII digits starting at start ends, eight bytes at a time. In a word, a byte's high bit is set
    // when it is above '9' (adding 0x46 crosses 0x80), below '0' (subtracting 0x30 borrows) or not ASCII; a carry or
    // borrow can only reach bytes after the first such byte, and only the first is used.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int DigitRunEnd(ReadOnlySpan<byte> text, int start)
    {
        int i = start;
        while (i + 8 <= text.Length)
        {
            ulong v = BinaryPrimitives.ReadUInt64LittleEndian(text.Slice(i, 8));
            ulong notDigit = ((v + 0x4646464646464646UL) | (v - 0x3030303030303030UL) | v) & 0x8080808080808080UL;
            if (notDigit != 0) return i + (System.Numerics.BitOperations.TrailingZeroCount(notDigit) >> 3);
            i += 8;
        }

        while (i < text.Length && (uint)(text[i] - '0') <= 9) i++;
        return i;
    }

    // SWAR digit tricks (as in Lemire's fast_float): eight ASCII digits, read little-endian, in a few multiplications.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsEightDigits(ulong v) =>
        ((v & 0xF0F0F0F0F0F0F0F0UL) | (((v + 0x0606060606060606UL) & 0xF0F0F0F0F0F0F0F0UL) >> 4)) == 0x3333333333333333UL;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong ParseEightDigits(ulong v)
    {
        const ulong mask = 0x000000FF000000FFUL;
        const ulong mul1 = 0x000F424000000064UL; // 100 + (1000000 << 32)
        const ulong mul2 = 0x0000271000000001UL; // 1 + (10000 << 32)
        v -= 0x3030303030303030UL;
        v = (v * 10) + (v >> 8);
        return (((v & mask) * mul1) + (((v >> 16) & mask) * mul2)) >> 32;
    }

    private static double Fail(ref int pos, int at, Error kind, out bool isInteger, out Error error)
    {
        pos = at;
        isInteger = false;
        error = kind;
        return 0;
    }
}
