using System.Text;
using System.Text.Json;
using Codec.Runtime.Findings;
using Codec.Runtime.Json;

namespace Codec.Tests.Runtime;

/// <summary>
/// Strings and member names are scanned eight bytes at a time; whatever the length and wherever a quote, an escape,
/// a control byte or a non-ASCII character falls, the result is the one System.Text.Json reads.
/// </summary>
public sealed class JsonStringScanTests
{
    public static TheoryData<string> Specials => new() { "", "\\\"", "\\\\", "\\n", "\\u00e9", "é", "日本", "\U0001F600" };

    [Theory]
    [MemberData(nameof(Specials))]
    public void Names_and_values_read_as_System_Text_Json_reads_them_at_every_position(string special)
    {
        for (int length = 0; length <= 80; length++)
        {
            for (int at = 0; at <= length; at += Math.Max(1, length / 10))
            {
                string body = new string('a', at) + special + new string('b', length - at);
                byte[] json = Encoding.UTF8.GetBytes($"{{\"{body}\": \"{body}\", \"next\": 1}}");
                string expected = JsonDocument.Parse(json).RootElement.EnumerateObject().First().Value.GetString()!;

                var sink = new FindingSink();
                var cursor = new JsonCursor(json, new DecodeContext { Sink = sink });
                Assert.True(cursor.TryBeginObject());
                int state = 0;
                Assert.True(cursor.NextMember(ref state, out var name));
                string nameText = Encoding.UTF8.GetString(name);
                Assert.True(cursor.ReadTextSpan(out var value));
                Assert.Equal(expected, Encoding.UTF8.GetString(value));
                Assert.Equal(expected, nameText);
                Assert.True(cursor.NextMember(ref state, out var next));
                Assert.Equal("next", Encoding.UTF8.GetString(next));
                Assert.Empty(sink.Findings);
            }
        }
    }

    [Fact]
    public void A_control_byte_anywhere_in_a_string_is_a_finding()
    {
        for (int at = 0; at < 70; at++)
        {
            byte[] json = Encoding.UTF8.GetBytes("[\"" + new string('a', at) + "\u0001" + new string('b', 70 - at) + "\"]");
            var sink = new FindingSink();
            var cursor = new JsonCursor(json, new DecodeContext { Sink = sink });
            bool threw = false;
            try
            {
                cursor.TryBeginArray();
                int state = 0;
                cursor.NextElement(ref state);
                cursor.ReadTextSpan(out _);
            }
            catch (JsonDecodeException)
            {
                threw = true;
            }

            Assert.True(threw || sink.Findings.Count > 0, $"a control byte at {at} passed");
        }
    }
}
