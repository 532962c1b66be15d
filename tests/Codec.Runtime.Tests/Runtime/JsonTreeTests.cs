using System.Text;
using Codec.Runtime.Findings;
using Codec.Runtime.Json;

namespace Codec.Tests.Runtime;

/// <summary>
/// The strict reader of whole JSON documents that are not a generated format's (configurations, a dataset's vertex
/// lists and solver configs, Cryptomatte manifests): values as written, and hostile text as a located finding.
/// </summary>
public sealed class JsonTreeTests
{
    private static (JsonNode? Root, FindingSink Sink) Parse(string text) => Parse(Encoding.UTF8.GetBytes(text));

    private static (JsonNode? Root, FindingSink Sink) Parse(byte[] bytes)
    {
        var sink = new FindingSink();
        return (JsonTree.Parse(bytes, sink), sink);
    }

    [Fact]
    public void Values_read_as_written()
    {
        var (root, sink) = Parse("""{"upper": [1, 2, 30000000000], "scale": -1.5e2, "name": "caf\u00e9 \u263A", "on": true, "none": null, "nested": {"a/b": [[]]}}""");
        Assert.Empty(sink.Findings);
        Assert.NotNull(root);
        Assert.Equal(["upper", "scale", "name", "on", "none", "nested"], root.Members.Select(m => m.Key));
        var upper = root["upper"]!;
        Assert.Equal([1L, 2L, 30_000_000_000L], upper.Items.Select(i => i.Integer));
        Assert.True(upper.Items.All(i => i.IsInteger));
        Assert.False(root["scale"]!.IsInteger);
        Assert.Equal(-150, root["scale"]!.Number);
        Assert.Equal("-1.5e2", root["scale"]!.NumberText);
        Assert.Equal("café ☺", root["name"]!.Text);
        Assert.Equal(JsonKind.True, root["on"]!.Kind);
        Assert.Equal(JsonKind.Null, root["none"]!.Kind);
        Assert.True(root.At("/nested/a~1b")!.Items[0].IsArray);
        Assert.Null(root.At("/nested/missing"));
        Assert.Equal(10, root["upper"]!.Offset);
    }

    [Fact]
    public void A_repeated_name_is_a_located_warning_and_the_last_value_is_kept()
    {
        var (root, sink) = Parse("{\"a\": 1,\n \"b\": 2,\n \"a\": 3}");
        Assert.NotNull(root);
        Assert.Equal([("a", 3L), ("b", 2L)], root.Members.Select(m => (m.Key, m.Value.Integer)));
        var finding = Assert.Single(sink.Findings);
        Assert.Equal((FindingCodes.DuplicateMember, Severity.Warning, "/a", 3), (finding.Code, finding.Severity, finding.Path, finding.Line));
    }

    [Theory]
    [InlineData("{\"\\ud800\": 1}", FindingCodes.InvalidUtf8)]          // a lone high surrogate in a name
    [InlineData("[\"\\udc00x\"]", FindingCodes.InvalidUtf8)]            // a lone low surrogate in a value
    [InlineData("[1, 2", FindingCodes.Truncated)]
    [InlineData("[tru]", FindingCodes.Syntax)]
    [InlineData("{\"a\": nul}", FindingCodes.Syntax)]
    [InlineData("[1,]", FindingCodes.Syntax)]
    [InlineData("// a comment\n{}", FindingCodes.Syntax)]
    [InlineData("{} {}", FindingCodes.TrailingContent)]
    [InlineData("", FindingCodes.Truncated)]
    [InlineData("1e999", FindingCodes.NumberOutOfRange)]
    public void Text_that_is_not_one_strict_JSON_document_is_a_located_error(string text, string code)
    {
        var (root, sink) = Parse(text);
        Assert.Null(root);
        var finding = Assert.Single(sink.Findings, f => f.Severity == Severity.Error);
        Assert.Equal(code, finding.Code);
        Assert.True(finding.Line >= 1, finding.ToString());
    }

    [Fact]
    public void Bytes_that_are_not_UTF_8_and_nesting_past_the_limit_are_located_errors()
    {
        var (root, sink) = Parse([(byte)'[', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)']']);
        Assert.Null(root);
        Assert.Equal(FindingCodes.InvalidUtf8, Assert.Single(sink.Findings).Code);

        (root, sink) = Parse(new string('[', 100_000) + new string(']', 100_000));
        Assert.Null(root);
        Assert.Equal(FindingCodes.TooDeep, Assert.Single(sink.Findings).Code);
    }
}
