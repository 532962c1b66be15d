using System.Text;
using Codec.Runtime.Findings;
using Codec.Runtime.Json;

namespace Codec.Tests.Runtime;

/// <summary>Findings about the decoded model get the line and column of their value, all from one walk of the document.</summary>
public sealed class JsonPointerLocatorTests
{
    private static readonly DecodeContext Context = new();

    // One item per line: item i is on line i + 2, its "x" value at a column that grows with the digits of i.
    private static byte[] Items(int count)
    {
        var text = new StringBuilder("{\"items\": [\n");
        for (int i = 0; i < count; i++) text.Append($"  {{\"name\": \"n{i}\", \"x\": {i}}}{(i + 1 < count ? "," : "")}\n");
        text.Append("]}\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static Finding At(string path, Severity severity = Severity.Error) => new("S201", severity, path, "m");

    [Fact]
    public void Many_findings_in_any_order_are_each_located_at_their_value()
    {
        const int count = 3000;
        var document = Items(count);
        // Reverse document order, each pointer twice, as rules report them: no order to rely on.
        var findings = Enumerable.Range(0, count).Reverse().SelectMany(i => new[] { At($"/items/{i}/x"), At($"/items/{i}") }).ToList();

        var located = JsonPointerLocator.AddLocations(document, findings, Context);

        string text = Encoding.UTF8.GetString(document);
        var lines = text.Split('\n');
        for (int k = 0; k < located.Count; k++)
        {
            int i = count - 1 - (k / 2);
            var f = located[k];
            Assert.Equal(i + 2, f.Line);
            string line = lines[i + 1];
            int expectedColumn = k % 2 == 0 ? line.IndexOf("\"x\": ", StringComparison.Ordinal) + 6 : line.IndexOf('{') + 1;
            Assert.Equal(expectedColumn, f.Column);
            string expectedValue = k % 2 == 0 ? i.ToString(System.Globalization.CultureInfo.InvariantCulture) : "{";
            Assert.Equal(expectedValue, Encoding.UTF8.GetString(document, (int)f.Offset, expectedValue.Length));
        }
    }

    [Fact]
    public void Findings_below_the_located_severity_keep_no_location()
    {
        var document = Items(3);
        var findings = new[] { At("/items/1/x", Severity.Info), At("/items/2/x", Severity.Warning) };

        var located = JsonPointerLocator.AddLocations(document, findings, Context, locateFrom: Severity.Warning);

        Assert.Equal(0, located[0].Line);
        Assert.Equal(-1, located[0].Offset);
        Assert.Equal(4, located[1].Line);
    }

    [Fact]
    public void Escaped_segments_the_root_and_absent_values_are_handled()
    {
        var document = "{\n\"a/b\": 1,\n\"c~d\": [true, {\"e\": null}]\n}"u8.ToArray();
        var located = JsonPointerLocator.AddLocations(document,
            [At("/a~1b"), At("/c~0d/1/e"), At(""), At("/missing"), At("/c~0d/7"), At("/a~1b/deeper"), At("no-slash")], Context);

        Assert.Equal((2, 8), (located[0].Line, located[0].Column));
        Assert.Equal((3, 21), (located[1].Line, located[1].Column));
        Assert.Equal((1, 1), (located[2].Line, located[2].Column));
        Assert.All(located.Skip(3), f => Assert.Equal(0, f.Line));
    }

    [Fact]
    public void A_broken_document_keeps_what_was_found_before_the_break()
    {
        // The walk enters "b" on the way to /b/y and meets the break there: it ends quietly.
        var document = "{\"a\": 1,\n\"b\": {\"x\": 1,, \"y\": 2}, \"c\": 2}"u8.ToArray();
        var located = JsonPointerLocator.AddLocations(document, [At("/a"), At("/b/y"), At("/c")], Context);

        Assert.Equal(1, located[0].Line);
        Assert.Equal(0, located[1].Line);
        Assert.Equal(0, located[2].Line);
    }

    [Fact]
    public void A_finding_already_located_while_decoding_is_left_as_it_is()
    {
        var document = Items(2);
        var decoded = new Finding("S100", Severity.Error, "/items/1/x", "m", 9, 9) { Offset = 99 };
        var located = JsonPointerLocator.AddLocations(document, [decoded], Context);
        Assert.Same(decoded, located[0]);
    }

    [Fact]
    public void One_pointer_alone_is_located_too()
    {
        var document = Items(5);
        int offset = JsonPointerLocator.Locate(document, "/items/4/name", Context);
        Assert.Equal("\"n4\"", Encoding.UTF8.GetString(document, offset, 4));
        Assert.Equal(-1, JsonPointerLocator.Locate(document, "/items/5", Context));
    }

    // Values whose brackets a naive count would get wrong: brackets and escaped quotes inside strings, nesting, empty
    // containers, a backslash ending a string.
    public static TheoryData<string> Values => new()
    {
        "[1, 2, 3]", "{}", "[]", "[[], {}, [[{}]]]", "{\"a]\": \"}\", \"b\": [\"[\", \"\\\"]\"]}",
        "[\"\\\\\", \"]\"]", "{\"k\": {\"k\": {\"k\": [1e5, -0.5, true, null, \"x\"]}}}", "\"a [ string\"", "-12.5e-3", "true",
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void A_checked_value_is_skipped_to_where_the_checking_skip_ends(string value)
    {
        byte[] document = Encoding.UTF8.GetBytes($"[ {value} , 7]");
        // Each cursor its own context: a context's frames belong to one cursor at a time.
        var checking = new JsonCursor(document, new DecodeContext());
        var trusted = new JsonCursor(document, new DecodeContext());
        int a = 0, b = 0;
        Assert.True(checking.TryBeginArray() && checking.NextElement(ref a));
        Assert.True(trusted.TryBeginArray() && trusted.NextElement(ref b));

        checking.Skip();
        trusted.SkipChecked();

        Assert.Equal(checking.Position, trusted.Position);
        Assert.True(trusted.NextElement(ref b));
        Assert.True(trusted.ReadInt64(out long seven));
        Assert.Equal(7, seven);
    }

    [Theory]
    [InlineData("[1, [2, 3]")]
    [InlineData("{\"a\": \"unterminated ]}")]
    [InlineData("[\"ends in an escape\\")]
    public void A_cut_document_ends_a_checked_skip_as_truncated(string text)
    {
        var cursor = new JsonCursor(Encoding.UTF8.GetBytes(text), Context);
        try
        {
            cursor.SkipChecked();
            Assert.Fail("the skip should have ended at the cut");
        }
        catch (JsonDecodeException e)
        {
            Assert.Equal(FindingCodes.Truncated, e.Code);
        }
    }
}
