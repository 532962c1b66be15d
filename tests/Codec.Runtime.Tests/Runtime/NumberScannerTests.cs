using System.Globalization;
using System.Text;
using Codec.Runtime.Numbers;

namespace Codec.Tests.Runtime;

/// <summary>Numbers as real files write them decode exactly: the same bits as a correctly rounded parse.</summary>
public sealed class NumberScannerTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("-0.0")]
    [InlineData("1")]
    [InlineData("1.0")]
    [InlineData("-17")]
    [InlineData("0.5784899592399597")]
    [InlineData("3103.030303030303")]
    [InlineData("-5.1229850214440376e-05")]
    [InlineData("3.795717518073616e-09")]
    [InlineData("1.2986717257135183e-21")]
    [InlineData("58.666666666666664")]
    [InlineData("0.32705323764198635")]
    [InlineData("1E+3")]
    [InlineData("123456789012345678901234567890")]
    [InlineData("2.2250738585072014e-308")]
    [InlineData("4.9e-324")]
    [InlineData("1.7976931348623157e308")]
    [InlineData("9007199254740993")]
    [InlineData("0.1")]
    [InlineData("1e-400")]
    public void Decodes_to_the_correctly_rounded_double(string text)
    {
        int pos = 0;
        double value = NumberScanner.Scan(Encoding.ASCII.GetBytes(text), ref pos, out _, out var error);
        Assert.Equal(NumberScanner.Error.None, error);
        Assert.Equal(text.Length, pos);
        double expected = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(value));
    }

    [Fact]
    public void Random_doubles_round_trip_bit_for_bit()
    {
        var random = new Random(7);
        for (int i = 0; i < 20000; i++)
        {
            double d = BitConverter.Int64BitsToDouble(random.NextInt64());
            if (!double.IsFinite(d)) continue;
            string text = d.ToString("R", CultureInfo.InvariantCulture);
            int pos = 0;
            double back = NumberScanner.Scan(Encoding.ASCII.GetBytes(text), ref pos, out _, out _);
            Assert.True(BitConverter.DoubleToInt64Bits(d) == BitConverter.DoubleToInt64Bits(back), text);
        }
    }

    [Fact]
    public void Random_decimal_strings_of_every_length_and_exponent_match_the_runtime_parser()
    {
        // Exercises Clinger's fast path, Eisel-Lemire (with the 8-digit SWAR steps and the padded last group) and the general fallback.
        var random = new Random(11);
        var sb = new StringBuilder();
        for (int i = 0; i < 200_000; i++)
        {
            sb.Clear();
            if (random.Next(2) == 0) sb.Append('-');
            int intDigits = random.Next(0, 4);
            if (intDigits == 0) sb.Append('0');
            else
            {
                sb.Append((char)('1' + random.Next(9)));
                for (int d = 1; d < intDigits; d++) sb.Append((char)('0' + random.Next(10)));
            }

            int fracDigits = random.Next(0, 24);
            if (fracDigits > 0)
            {
                sb.Append('.');
                int zeros = random.Next(0, 3) == 0 ? random.Next(0, 6) : 0;
                for (int d = 0; d < fracDigits; d++) sb.Append(d < zeros ? '0' : (char)('0' + random.Next(10)));
            }

            if (random.Next(3) == 0) sb.Append(random.Next(2) == 0 ? 'e' : 'E').Append(random.Next(2) == 0 ? "-" : "").Append(random.Next(0, 330));
            string text = sb.ToString();
            // As in a document: often more bytes after the number, which the scanner reads ahead into but not past.
            string[] after = ["", ",\n                ", "]", "}\n", " ,", "\u00e9"];
            int pos = 0;
            double value = NumberScanner.Scan(Encoding.UTF8.GetBytes(text + after[random.Next(after.Length)]), ref pos, out _, out var error);
            Assert.Equal(NumberScanner.Error.None, error);
            Assert.Equal(text.Length, pos);
            double expected = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
            Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(value), $"{text}: {value:R} != {expected:R}");
        }
    }

    [Theory]
    [InlineData("01")]
    [InlineData("1.")]
    [InlineData("-")]
    [InlineData(".5")]
    [InlineData("1e")]
    [InlineData("+1")]
    public void Rejects_what_JSON_does_not_allow(string text)
    {
        int pos = 0;
        NumberScanner.Scan(Encoding.ASCII.GetBytes(text), ref pos, out _, out var error);
        // "01" scans "0" and leaves "1": the cursor then rejects the stray digit as a syntax error.
        Assert.True(error != NumberScanner.Error.None || pos < text.Length, text);
    }

    [Fact]
    public void Integers_are_told_apart_from_reals()
    {
        int pos = 0;
        NumberScanner.Scan("42"u8, ref pos, out bool integer, out _);
        Assert.True(integer);
        pos = 0;
        NumberScanner.Scan("42.0"u8, ref pos, out integer, out _);
        Assert.False(integer);
    }

    [Theory]
    [InlineData("0", 0L)]
    [InlineData("-7", -7L)]
    [InlineData("123456789012345678", 123456789012345678L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("-9223372036854775808", long.MinValue)]
    public void Integers_decode_exactly_up_to_64_bits(string text, long expected)
    {
        var context = new Codec.Runtime.Json.DecodeContext();
        var cursor = new Codec.Runtime.Json.JsonCursor(Encoding.ASCII.GetBytes(text), context);
        Assert.True(cursor.ReadInt64(out long value));
        Assert.Equal(expected, value);
        Assert.Equal(0, context.Sink.Count);
    }

    [Theory]
    [InlineData("9223372036854775808", "J105")]
    [InlineData("1.5", "S201")]
    [InlineData("2e3", "S201")]
    [InlineData("\"3\"", "S201")]
    public void Non_integers_and_overflow_are_reported(string text, string code)
    {
        var context = new Codec.Runtime.Json.DecodeContext();
        var cursor = new Codec.Runtime.Json.JsonCursor(Encoding.ASCII.GetBytes(text), context);
        Assert.False(cursor.ReadInt64(out _));
        Assert.Equal(code, Assert.Single(context.Sink.Findings).Code);
        cursor.ExpectEnd();
    }
}
