using System.Text;
using Codec.Runtime.Findings;
using Codec.Runtime.Json;

namespace Codec.Tests.Runtime;

/// <summary>
/// Whitespace between tokens is passed eight spaces at a time: any run of spaces, newlines, carriage returns and tabs,
/// of any length, wherever it falls, is whitespace, and any other byte in it (a form feed, a control byte) is not.
/// </summary>
public sealed class JsonWhitespaceTests
{
    private static string Run(Random random, int length)
    {
        var text = new StringBuilder(length);
        for (int i = 0; i < length; i++) text.Append(random.Next(10) switch { 0 => '\n', 1 => '\r', 2 => '\t', _ => ' ' });
        return text.ToString();
    }

    [Fact]
    public void Runs_of_every_length_and_mix_are_whitespace()
    {
        var random = new Random(5);
        for (int length = 0; length <= 100; length++)
        {
            for (int sample = 0; sample < 4; sample++)
            {
                string Ws() => sample == 0 ? new string(' ', length) : Run(random, length);
                string json = $"{Ws()}{{{Ws()}\"a\"{Ws()}:{Ws()}[{Ws()}1.5{Ws()},{Ws()}-2{Ws()}]{Ws()}}}{Ws()}";
                var sink = new FindingSink();
                var root = JsonTree.Parse(Encoding.UTF8.GetBytes(json), sink);
                Assert.True(root is not null && sink.Count == 0, $"length {length}: {string.Join("; ", sink.Findings.Select(f => f.Message))}");
                var items = root!["a"]!.Items;
                Assert.Equal([1.5, -2.0], items.Select(i => i.Number));
            }
        }
    }

    [Theory]
    [InlineData((byte)0x0C)]
    [InlineData((byte)0x01)]
    [InlineData((byte)0x0B)]
    [InlineData((byte)0xA0)]
    public void Another_byte_inside_a_run_is_refused_where_it_is(byte intruder)
    {
        for (int at = 0; at < 70; at++)
        {
            var json = Encoding.UTF8.GetBytes("[1," + new string(' ', 70) + "2]");
            json[3 + at] = intruder;
            var sink = new FindingSink();
            JsonTree.Parse(json, sink);
            var finding = Assert.Single(sink.Findings);
            Assert.Equal(3 + at, finding.Offset);
        }
    }
}
