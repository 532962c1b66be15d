using System.Buffers;
using System.Text;
using System.Text.Json;
using Codec.Formats;
using Codec.Formats.Validation;
using Codec.Runtime.Findings;
using Codec.Runtime.Json;
using Codec.Tests.Infrastructure;

namespace Codec.Tests.Formats;

/// <summary>metadata.jsonl: every version, the product check, lenient versions, and line-by-line streaming.</summary>
public sealed class MetadataTests
{
    public static TheoryData<string> MetadataFixtures()
    {
        var data = new TheoryData<string>();
        if (TestPaths.HasFixtures)
        {
            foreach (var f in Directory.EnumerateFiles(TestPaths.SynthesisFixtures, "metadata.jsonl", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetRelativePath(TestPaths.SynthesisFixtures, f));
            }
        }

        if (data.Count == 0) data.Add("(fixtures absent)");
        return data;
    }

    private static string FixtureLine(string folder, int index = 0) =>
        File.ReadAllText(Path.Combine(TestPaths.SynthesisFixtures, folder, "metadata.jsonl")).Split('\n', StringSplitOptions.RemoveEmptyEntries)[index];

    private static MetadataLineResult CheckLine(string line, DecodeOptions? options = null) =>
        new MetadataLineChecker(options).Process(Encoding.UTF8.GetBytes(line), 1);

    [FixtureTheory]
    [MemberData(nameof(MetadataFixtures))]
    public async Task Real_metadata_files_validate_with_no_errors_under_their_own_version(string fixture)
    {
        string expected = FixtureVersions.MetadataVersionOf(fixture);
        var results = new List<MetadataLineResult>();
        var summary = await MetadataFileChecker.CheckFileAsync(Path.Combine(TestPaths.SynthesisFixtures, fixture), results.Add);

        Assert.NotEmpty(results);
        Assert.All(results, r => Assert.False(r.HasErrors, Documents.Describe(r.Findings)));
        Assert.All(results, r => Assert.Equal(expected, r.Version));
        Assert.Equal(results.Count, summary.Stats.Lines);
        Assert.Equal(Enumerable.Range(1, results.Count).Select(i => (long)i), results.Select(r => r.LineNumber));
    }

    [FixtureTheory]
    [MemberData(nameof(MetadataFixtures))]
    public void Real_metadata_lines_round_trip(string fixture)
    {
        foreach (var line in File.ReadAllText(Path.Combine(TestPaths.SynthesisFixtures, fixture)).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var format = BuiltInFormats.CreateSynthesisMetadata();
            var sink = new FindingSink();
            var first = new ArrayBufferWriter<byte>();
            format.Encode(format.Decode(Encoding.UTF8.GetBytes(line), sink, out _)!, first);
            var second = new ArrayBufferWriter<byte>();
            format.Encode(format.Decode(first.WrittenSpan, sink, out _)!, second);
            Assert.Equal(Encoding.UTF8.GetString(first.WrittenSpan), Encoding.UTF8.GetString(second.WrittenSpan));
            Assert.False(sink.HasErrors, Documents.Describe(sink.Findings));
            // Semantically the same document as the original line.
            Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(line).RootElement, JsonDocument.Parse(first.WrittenMemory).RootElement));
        }
    }

    [Fact]
    public void The_seed_example_line_is_version_1_3_and_clean()
    {
        string line = JsonSerializer.Serialize(JsonDocument.Parse(SeedExamples.MetadataLine).RootElement);
        var result = CheckLine(line);
        Assert.Equal("1.3", result.Version);
        Assert.Empty(result.Findings);
    }

    [FixtureFact]
    public void Integer_version_1_is_version_1_and_versions_compare_as_versions()
    {
        string line = FixtureLine("faces-1.1").Replace("\"version\":\"1.1\"", "\"version\":1");
        Assert.Equal("1", CheckLine(line).Version);
        Assert.Equal("1.1", CheckLine(FixtureLine("faces-1.1").Replace("\"version\":\"1.1\"", "\"version\":\"1.1.0\"")).Version);
    }

    [FixtureFact]
    public void A_retail_line_is_one_finding_not_a_wall_of_errors()
    {
        var result = CheckLine(FixtureLine("face-api-1.2").Replace("\"api\":0", "\"api\":3"));
        var f = Assert.Single(result.Findings);
        Assert.Equal(FindingCodes.OtherProduct, f.Code);
        Assert.Contains("not a Synthesis Human API file", f.Message);
        Assert.Contains("'api' is 3", f.Message);
    }

    [FixtureFact]
    public void A_containers_line_is_one_finding_not_a_wall_of_errors()
    {
        // The containers product writes metadata lines of version 1 (an integer) whose scene is version 1 and holds a container.
        string line = FixtureLine("face-api-1.2").Replace("\"version\":\"1.2\"", "\"version\":1").Replace("\"scene\":{\"id\":4163,", "\"scene\":{\"version\":1,\"container\":{\"type\":\"box\",\"size\":[1,2,3]},\"id\":4163,")
            .Replace(",\"version\":0", "");
        var result = CheckLine(line);
        var f = Assert.Single(result.Findings);
        Assert.Equal(FindingCodes.OtherProduct, f.Code);
        Assert.Contains("'scene.version' is 1, and Synthesis Human API files have 0", f.Message);
    }

    [FixtureFact]
    public void Unknown_versions_are_errors_or_decoded_with_the_nearest_older_schema()
    {
        // A version above every schema (adding one must not break this test).
        var known = Codec.Formats.Synthesis.Metadata.SynthesisMetadataFormat.KnownVersions;
        string line = FixtureLine("humans-1.5").Replace("\"version\":\"1.4\"", "\"version\":\"99.0\"");

        var strict = CheckLine(line);
        Assert.Null(strict.Version);
        var error = Assert.Single(strict.Findings);
        Assert.Equal(FindingCodes.UnknownVersion, error.Code);
        Assert.Contains(string.Join(", ", known), error.Message);

        // Decoded with the newest schema: the line is a 1.4 line, so a newer schema may find more to say about it
        // (a member it renamed); what this test holds is the version chosen and the warning that says so.
        var lenient = CheckLine(line, new DecodeOptions { UnknownVersions = UnknownVersionPolicy.NearestLower });
        Assert.Equal(known[^1], lenient.Version);
        var warning = Assert.Single(lenient.Findings, f => f.Code == FindingCodes.NearestVersionUsed);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Contains("nearest older version, " + known[^1], warning.Message);
        Assert.DoesNotContain(lenient.Findings, f => f.Code is FindingCodes.UnknownVersion or FindingCodes.MissingVersion);
    }

    [FixtureFact]
    public void Gender_renamed_sex_without_a_version_change_is_accepted_and_kept()
    {
        string line = FixtureLine("face-api-1.2").Replace("\"gender\":", "\"sex\":");
        var format = BuiltInFormats.CreateSynthesisMetadata();
        var sink = new FindingSink();
        var model = Assert.IsType<Codec.Formats.Synthesis.Metadata.V1_2.MetadataLine>(format.Decode(Encoding.UTF8.GetBytes(line), sink, out _));
        Assert.Empty(sink.Findings);
        Assert.Equal(1, model.Scene.IdentityMetadata.GenderSpelling);
        var output = new ArrayBufferWriter<byte>();
        format.Encode(model, output);
        string encoded = Encoding.UTF8.GetString(output.WrittenSpan);
        Assert.Contains("\"sex\":", encoded);
        Assert.DoesNotContain("\"gender\":", encoded);
    }

    [FixtureFact]
    public void Open_vocabularies_keep_unknown_values_without_a_finding()
    {
        string changed = FixtureLines().First(l => l.Contains("\"outdoor_umbrellas\"")).Replace("\"outdoor_umbrellas\"", "\"a_new_hdri_2024\"");
        var format = BuiltInFormats.CreateSynthesisMetadata();
        var sink = new FindingSink();
        var model = Assert.IsType<Codec.Formats.Synthesis.Metadata.V1_2.MetadataLine>(format.Decode(Encoding.UTF8.GetBytes(changed), sink, out _));
        Assert.Empty(sink.Findings);
        Assert.Equal(Codec.Formats.Synthesis.Common.HdriName.Unknown, model.Scene.Environment.Hdri.Name);
        Assert.Equal("a_new_hdri_2024", model.Scene.Environment.Hdri.NameText.ToString());
    }

    // ---------------------------------------------------------------- streaming

    private static async Task<(List<MetadataLineResult> Results, MetadataFileSummary Summary)> Stream(byte[] bytes, MetadataFileOptions? options = null)
    {
        var results = new List<MetadataLineResult>();
        var summary = await MetadataFileChecker.CheckAsync(new MemoryStream(bytes), results.Add, options);
        return (results, summary);
    }

    private static string[] FixtureLines() =>
        File.ReadAllText(Path.Combine(TestPaths.SynthesisFixtures, "face-api-1.2", "metadata.jsonl")).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [FixtureFact]
    public async Task Crlf_bom_blank_lines_and_a_missing_final_newline_are_handled()
    {
        var lines = FixtureLines();
        string text = "\uFEFF" + lines[0] + "\r\n\r\n   \n" + string.Join("\r\n", lines.Skip(1));
        var (results, summary) = await Stream(Encoding.UTF8.GetBytes(text));

        Assert.Equal(15, results.Count);
        Assert.All(results, r => Assert.Empty(r.Findings));
        Assert.Equal(1, results[0].LineNumber);
        Assert.Equal(4, results[1].LineNumber); // two blank lines in between still count as lines of the file
        Assert.Equal(2, summary.Stats.BlankLines);
        Assert.False(summary.Stats.EndsWithNewline);
    }

    [FixtureFact]
    public async Task A_line_longer_than_the_read_buffer_is_read_whole()
    {
        var lines = FixtureLines();
        var results = new List<MetadataLineResult>();
        var stats = await Codec.Runtime.Lines.JsonLinesReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n")),
            () => new MetadataLineChecker(), results.Add, new Codec.Runtime.Lines.JsonLinesOptions { ReadBufferBytes = 64 });
        Assert.Equal(15, results.Count);
        Assert.All(results, r => Assert.Empty(r.Findings));
        Assert.True(stats.EndsWithNewline);
    }

    [FixtureFact]
    public async Task A_line_over_the_limit_is_one_finding_and_reading_goes_on()
    {
        var lines = FixtureLines();
        string huge = "{\"version\":\"1.2\",\"pad\":\"" + new string('x', 5000) + "\"}";
        string text = lines[0] + "\n" + huge + "\n" + lines[1];
        var (results, summary) = await Stream(Encoding.UTF8.GetBytes(text), new MetadataFileOptions { MaxLineBytes = 4096 });

        Assert.Equal(3, results.Count);
        var f = Assert.Single(results[1].Findings);
        Assert.Equal(FindingCodes.DocumentTooLarge, f.Code);
        Assert.Equal(2, f.Line);
        Assert.Empty(results[2].Findings);
        Assert.Equal(1, summary.Stats.OversizedLines);
    }

    [FixtureFact]
    public async Task Invalid_utf8_is_a_finding_on_its_line()
    {
        var lines = FixtureLines();
        var bytes = new List<byte>(Encoding.UTF8.GetBytes(lines[0] + "\n"));
        var bad = Encoding.UTF8.GetBytes(lines[1].Replace("vray", "vr\u00e9y"));
        int at = Array.IndexOf(bad, (byte)0xC3);
        bad[at] = 0xFF; // not UTF-8
        bytes.AddRange(bad);
        var (results, _) = await Stream(bytes.ToArray());

        Assert.Empty(results[0].Findings);
        var f = Assert.Single(results[1].Findings, x => x.Severity == Severity.Error);
        Assert.Equal(2, f.Line);
        Assert.Contains("UTF-8", f.Message);
    }

    [FixtureFact]
    public async Task Parallel_decoding_gives_the_same_results_in_file_order()
    {
        var lines = FixtureLines();
        var many = Enumerable.Range(0, 200).SelectMany(i => lines.Select((l, j) => (i * 7 + j) % 50 == 0 ? l.Replace("\"age\":", "\"age\":-") : l)).ToArray();
        var bytes = Encoding.UTF8.GetBytes(string.Join("\n", many));
        var (sequential, _) = await Stream(bytes);
        var (parallel, _) = await Stream(bytes, new MetadataFileOptions { Parallelism = 4 });

        Assert.Equal(many.Length, parallel.Count);
        Assert.Equal(sequential.Select(r => r.LineNumber), parallel.Select(r => r.LineNumber));
        Assert.Equal(sequential.Select(r => Documents.Describe(r.Findings)), parallel.Select(r => Documents.Describe(r.Findings)));
        Assert.Contains(parallel, r => r.HasErrors);
    }

    [FixtureFact]
    public async Task A_failing_callback_stops_the_read_with_its_exception()
    {
        var bytes = Encoding.UTF8.GetBytes(string.Join("\n", Enumerable.Repeat(FixtureLines()[0], 5000)));
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => MetadataFileChecker.CheckAsync(new MemoryStream(bytes),
            r => { if (r.LineNumber == 1234) throw new InvalidOperationException("stop"); }, new MetadataFileOptions { Parallelism = 3 }));
        Assert.Equal("stop", e.Message);
    }

    [FixtureFact]
    public async Task A_read_error_ends_the_read_with_that_error_and_no_callback_after_it()
    {
        var block = Encoding.UTF8.GetBytes(string.Join("\n", FixtureLines()) + "\n");
        bool returned = false, lateCallback = false;
        var e = await Assert.ThrowsAsync<IOException>(async () =>
        {
            await MetadataFileChecker.CheckAsync(new FailingStream(new RepeatingStream(block, 50L << 20), failAt: 1L << 20),
                _ => lateCallback |= returned, new MetadataFileOptions { Parallelism = 2 });
        });
        returned = true;
        await Task.Delay(200);
        Assert.Equal("disk gone", e.Message);
        Assert.False(lateCallback);
    }

    private sealed class FailingStream(Stream inner, long failAt) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => inner.Length;
        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_read >= failAt) throw new IOException("disk gone");
            int n = inner.Read(buffer, offset, count);
            _read += n;
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private static string SampleLine(string folder) =>
        File.ReadLines(Path.Combine(TestPaths.SampleData, "synthesis", folder, "metadata.jsonl")).First();

    [Fact]
    public void A_reader_bound_to_one_version_says_when_a_line_declares_another()
    {
        // A 1.4 line (the 1.5 sample's) read by the 1.3 decoder, as a [CodecFormat("synthesis.metadata", "1.3")] class does.
        var context = new DecodeContext();
        var model = new Codec.Formats.Synthesis.Metadata.V1_3.MetadataLine();
        Codec.Formats.Synthesis.Metadata.V1_3.MetadataLineDecoder.DecodeThisVersion(Encoding.UTF8.GetBytes(SampleLine("info-1.5")), model, context);
        var mismatch = Assert.Single(context.Sink.Findings, f => f.Code == FindingCodes.VersionMismatch);
        Assert.Equal("/version", mismatch.Path);
        Assert.Contains("declares version 1.4; this reader reads version 1.3 only", mismatch.Message);

        // A 1.2 line read by the 1.2 decoder: nothing to say about the version.
        context = new DecodeContext();
        Codec.Formats.Synthesis.Metadata.V1_2.MetadataLineDecoder.DecodeThisVersion(Encoding.UTF8.GetBytes(SampleLine("info-1.2")), new Codec.Formats.Synthesis.Metadata.V1_2.MetadataLine(), context);
        Assert.DoesNotContain(context.Sink.Findings, f => f.Code == FindingCodes.VersionMismatch);

        // The check allocates nothing on a line of the reader's own version.
        var line12 = Encoding.UTF8.GetBytes(SampleLine("info-1.2"));
        var quiet = new DecodeContext();
        Assert.Equal(0, Allocations.Measure(() => VersionProbe.Expect(line12, "version"u8, "1.2"u8, false, quiet)));
    }

    [Theory]
    [InlineData("info-1.2")]
    [InlineData("info-1.5")]
    public void A_metadata_line_encodes_to_one_line(string folder)
    {
        var format = BuiltInFormats.CreateSynthesisMetadata();
        var line = format.Decode(Encoding.UTF8.GetBytes(SampleLine(folder)), new FindingSink(), out _)!;
        var output = new ArrayBufferWriter<byte>();
        format.Encode(line, output);
        string text = Encoding.UTF8.GetString(output.WrittenSpan);
        Assert.Equal(1, text.Count(c => c == '\n'));
        Assert.EndsWith("\n", text);
        // The same line (members in the schema's order, which may differ from the file's).
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(SampleLine(folder)), System.Text.Json.Nodes.JsonNode.Parse(text)));
    }

    [FixtureFact]
    public async Task A_metadata_file_of_another_product_is_one_finding_with_the_count_of_its_lines()
    {
        // The containers product's lines (scene.version 1 with a container): 3,000 of them are one fact, told once.
        string line = File.ReadLines(Path.Combine(TestPaths.SynthesisFixtures, "face-api-1.2", "metadata.jsonl")).First();
        var other = line.Replace("\"scene\":{", "\"scene\":{\"container\":{\"type\":\"box\"},").Replace(",\"version\":0", ",\"version\":1");
        var text = string.Join("\n", Enumerable.Repeat(other, 3000)) + "\n";
        var results = new List<MetadataLineResult>();
        var summary = await MetadataFileChecker.CheckAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)), results.Add);
        var found = results.SelectMany(r => r.Findings).Where(f => f.Code == FindingCodes.OtherProduct).ToList();
        var once = Assert.Single(found);
        Assert.Equal(1, once.Line);
        Assert.EndsWith("(and so are 2,999 more of the file's lines: 3,000 in all)", once.Message);
        Assert.Equal(1, summary.Errors);
    }
}
