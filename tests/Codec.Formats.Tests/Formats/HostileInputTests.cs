using System.Text;
using Codec.Runtime.Findings;
using Codec.Tests.Infrastructure;

namespace Codec.Tests.Formats;

/// <summary>Bad input gives located findings: never an exception, a hang, or allocation beyond the input's size.</summary>
public sealed class HostileInputTests
{
    private static readonly byte[] Sample = File.ReadAllBytes(Documents.SampleV15);

    [Fact]
    public void Every_truncation_is_a_located_error()
    {
        // Cut the document at many points, including inside strings, numbers and literals.
        for (int cut = 1; cut < Sample.Length; cut += 997)
        {
            var result = Documents.Check(Sample.AsSpan(0, cut).ToArray());
            Assert.True(result.HasErrors, $"cut at {cut}");
            var error = result.Findings.First(f => f.Severity == Severity.Error);
            Assert.True(error.Line > 0, $"cut at {cut}: {error}");
        }
    }

    [Fact]
    public void Truncated_document_reports_where_it_ends()
    {
        var text = Encoding.UTF8.GetString(Sample);
        int cut = text.IndexOf("\"landmarks\"", StringComparison.Ordinal) + 200;
        var result = Documents.Check(Sample.AsSpan(0, cut).ToArray());
        var f = result.Findings.Single(x => x.Code == FindingCodes.Truncated);
        Assert.StartsWith("/landmarks/ibug68/0", f.Path);
        Assert.Equal(text[..cut].Count(c => c == '\n') + 1, f.Line);
    }

    [Fact]
    public void Nesting_ten_thousand_deep_is_refused_without_recursion()
    {
        string deep = "{\"version\": \"1.5\", \"landmarks\": {}, \"camera\": " + new string('[', 10000) + new string(']', 10000) + "}";
        var result = Documents.Check(deep);
        var f = result.Findings.Single(x => x.Code == FindingCodes.TooDeep);
        Assert.Equal(Severity.Error, f.Severity);
        Assert.Equal(1, f.Line);
        Assert.StartsWith("/camera", f.Path);
    }

    [Fact]
    public void Deep_nesting_inside_an_unknown_member_is_refused_too()
    {
        string deep = "{\"version\": \"1.5\", \"landmarks\": {}, \"extra\": " + new string('[', 100000) + "}";
        var result = Documents.Check(deep);
        Assert.Contains(result.Findings, x => x.Code == FindingCodes.TooDeep);
    }

    [Theory]
    [InlineData("Nope")]
    [InlineData("[1, }")]
    [InlineData("\"unterminated")]
    public void An_invalid_value_is_a_syntax_error_not_also_a_wrong_type(string value)
    {
        string json = DecodeTests.ReplaceFirstNumberAfter(Encoding.UTF8.GetString(Sample), "\"focal_length_mm\":", value);
        var result = Documents.Check(json);
        Assert.DoesNotContain(result.Findings, f => f.Code == FindingCodes.WrongType);
        var error = Assert.Single(result.Findings);
        Assert.Contains(error.Code, new[] { FindingCodes.Syntax, FindingCodes.Truncated });
        Assert.StartsWith("/camera/focal_length_mm", error.Path);
    }

    [Fact]
    public void A_number_beyond_double_range_is_an_error_at_its_position()
    {
        string json = DecodeTests.ReplaceFirstNumberAfter(Encoding.UTF8.GetString(Sample), "\"focal_length_mm\":", "1e999");
        var result = Documents.Check(json);
        var f = result.Findings.Single(x => x.Code == FindingCodes.NumberOutOfRange);
        Assert.Equal("/camera/focal_length_mm", f.Path);
        Assert.Contains("1e999", f.Message);
        Assert.True(f.Line > 1);
    }

    [Fact]
    public void Invalid_utf8_in_a_string_is_located()
    {
        var text = Encoding.UTF8.GetString(Sample);
        int at = text.IndexOf("\"outfit\": \"", StringComparison.Ordinal) + "\"outfit\": \"".Length;
        var bytes = (byte[])Sample.Clone();
        bytes[at + 2] = 0xC3; // a lead byte followed by an ASCII letter
        var result = Documents.Check(bytes);
        var f = result.Findings.Single(x => x.Code == FindingCodes.InvalidUtf8);
        Assert.Equal("/identity_metadata/outfit", f.Path);
        Assert.Equal(text[..at].Count(c => c == '\n') + 1, f.Line);
    }

    [Fact]
    public void Wrong_types_are_reported_per_member_and_decoding_goes_on()
    {
        string json = Encoding.UTF8.GetString(Sample)
            .Replace("\"eye_fold\": false", "\"eye_fold\": \"no\"")
            .Replace("\"frame_number\": 1", "\"frame_number\": 1.5");
        json = DecodeTests.ReplaceFirstNumberAfter(json, "\"focal_length_mm\":", "[1]");
        var result = Documents.Check(json);
        var wrong = result.Findings.Where(f => f.Code == FindingCodes.WrongType).ToList();
        Assert.Contains(wrong, f => f.Path == "/identity_metadata/eye_fold" && f.Message.Contains("boolean"));
        Assert.Contains(wrong, f => f.Path == "/render/frame_number" && f.Message.Contains("integer"));
        Assert.Contains(wrong, f => f.Path == "/camera/focal_length_mm" && f.Message.Contains("found an array"));
        // Everything after the bad values was still read: no truncation or syntax finding.
        Assert.DoesNotContain(result.Findings, f => f.Code is FindingCodes.Truncated or FindingCodes.Syntax);
    }

    [Fact]
    public void A_100_MB_string_is_reported_without_copying_it()
    {
        var head = Encoding.UTF8.GetBytes("{\"version\": \"1.5\", \"landmarks\": {}, \"identity_metadata\": {\"outfit\": \"");
        var tail = Encoding.UTF8.GetBytes("\"}}");
        var bytes = new byte[head.Length + 100_000_000 + tail.Length];
        head.CopyTo(bytes, 0);
        bytes.AsSpan(head.Length, 100_000_000).Fill((byte)'a');
        tail.CopyTo(bytes, head.Length + 100_000_000);

        var checker = new Codec.Formats.Validation.DocumentChecker(Codec.Formats.BuiltInFormats.CreateSynthesisInfo());
        long before = GC.GetAllocatedBytesForCurrentThread();
        var result = checker.Check(bytes);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        var f = result.Findings.Single(x => x.Code == FindingCodes.StringTooLong);
        Assert.Equal("/identity_metadata/outfit", f.Path);
        Assert.Equal(1, f.Line);
        Assert.True(allocated < 4_000_000, $"allocated {allocated} bytes");
    }

    [Theory]
    [InlineData("\"identity_metadata\": {\"sex\": \"", "/identity_metadata/sex")]
    [InlineData("\"identity_metadata\": {\"iris_color\": \"", "/identity_metadata/iris_color")]
    public void Over_long_enum_and_numeric_strings_are_reported_as_too_long(string head, string path)
    {
        var sb = new StringBuilder("{\"version\": \"1.5\", \"landmarks\": {}, ").Append(head);
        for (int i = 0; i < 300_000; i++) sb.Append("\\n\\u0041");
        sb.Append("\"}}");
        var result = Documents.Check(sb.ToString());
        var f = Assert.Single(result.Findings, x => x.Path == path);
        Assert.Equal(FindingCodes.StringTooLong, f.Code);
    }

    [Fact]
    public void Escaped_huge_string_is_not_unescaped_into_memory()
    {
        var sb = new StringBuilder("{\"version\": \"1.5\", \"landmarks\": {}, \"hdri\": {\"name\": \"");
        for (int i = 0; i < 1_000_000; i++) sb.Append("\\n\\u0041");
        sb.Append("\"}}");
        var bytes = Encoding.UTF8.GetBytes(sb.ToString());
        long before = GC.GetAllocatedBytesForCurrentThread();
        var result = Documents.Check(bytes);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Contains(result.Findings, x => x.Code == FindingCodes.StringTooLong);
        Assert.True(allocated < 4_000_000, $"allocated {allocated} bytes");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{\"version\": \"1.5\"} trailing")]
    [InlineData("{\"version\": \"1.5\",}")]
    [InlineData("{\"version\": \"1.5\" \"camera\": {}}")]
    [InlineData("{\"version\": \"1.5\", \"landmarks\": {}, \"camera\": {\"intrinsics\": [[1,2,3],[4,5,6],[7,8]]}}")]
    [InlineData("{\"version\": \"1.5\", \"landmarks\": {}, \"camera\": {\"intrinsics\": [01]}}")]
    [InlineData("{\"version\": \"1.5\", \"landmarks\": {}, \"gesture\": {\"name\": \"a\\qb\"}}")]
    [InlineData("{\"version\": \"1.5\", \"landmarks\": {}, \"gesture\": {\"name\": \"\\ud800\"}}")]
    [InlineData("{\"version\": \"1.5\", \"landmarks\": {}, \"gesture\": {\"name\": \"tab\there\"}}")]
    [InlineData("{\"version\": \"1.5\", \"landmarks\": {}, \"version\": 7}")]
    [InlineData("\uFEFF{\"version\": \"1.5\"}")]
    public void Malformed_documents_give_findings_not_exceptions(string json)
    {
        var result = Documents.Check(json);
        Assert.NotEmpty(result.Findings);
    }

    [Fact]
    public void A_result_keeps_its_findings_when_the_checker_reads_the_next_document()
    {
        // One checker per worker reads file after file: a result must not share the sink's list the next one reuses.
        var checker = new Codec.Formats.Validation.DocumentChecker(Codec.Formats.BuiltInFormats.CreateSynthesisInfo(),
            new Codec.Runtime.Json.DecodeOptions { LocateFrom = Severity.Error });
        var broken = checker.Check("{\"version\": \"1.5\", \"landmarks\": {}, \"x\": 1}"u8.ToArray());
        int before = broken.Findings.Count;
        Assert.True(before > 0);
        checker.Check(Sample);
        Assert.Equal(before, broken.Findings.Count);
    }

    [Fact]
    public void Findings_are_capped_so_a_flood_cannot_exhaust_memory()
    {
        var sb = new StringBuilder("{\"version\": \"1.5\", \"landmarks\": {}");
        for (int i = 0; i < 50_000; i++) sb.Append(",\"x").Append(i).Append("\": 1");
        sb.Append('}');
        var result = Documents.Check(sb.ToString());
        Assert.True(result.Findings.Count <= 1001);
        // The cut is a visible warning, and what was cut is counted by severity for the totals.
        var cut = Assert.Single(result.Findings, f => f.Code == FindingCodes.TooManyFindings);
        Assert.Equal(Severity.Warning, cut.Severity);
        Assert.True(result.Unlisted.Total >= 49_000, $"{result.Unlisted.Total} unlisted");
        Assert.Contains($"{result.Unlisted.Total} more findings", cut.Message);
    }

    [Fact]
    public void The_input_buffer_is_never_written()
    {
        var bytes = (byte[])Sample.Clone();
        Documents.Check(bytes);
        Assert.Equal(Sample, bytes);
    }

    [Fact]
    public void A_repeated_list_member_is_replaced_not_appended()
    {
        string json = Encoding.UTF8.GetString(Sample);
        int at = json.IndexOf("\"tags\": [", StringComparison.Ordinal);
        json = json[..at] + "\"tags\": [\"first\"],\n        " + json[at..];
        var format = Codec.Formats.BuiltInFormats.CreateSynthesisInfo();
        var sink = new FindingSink();
        var doc = Assert.IsType<Codec.Formats.Synthesis.Info.V1_5.InfoFile>(format.Decode(Encoding.UTF8.GetBytes(json), sink, out _));
        Assert.Equal(FindingCodes.DuplicateMember, Assert.Single(sink.Findings).Code);
        Assert.DoesNotContain(doc.Hdri.Tags, t => t.ToString() == "first");
        Assert.Equal(4, doc.Hdri.Tags.Count);
    }
}
