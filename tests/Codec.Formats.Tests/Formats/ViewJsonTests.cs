using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Codec.Formats;
using Codec.Formats.Synthesis.Info;
using Codec.Formats.Synthesis.Metadata;
using Codec.Runtime.Findings;
using Codec.Tests.Infrastructure;

namespace Codec.Tests.Formats;

/// <summary>
/// The views written as JSON by the code generated from the views files (what the native library hands to Python): every
/// member under its views-file name, the values the C# views give, and a description that is the views file's.
/// </summary>
public sealed class ViewJsonTests
{
    public static TheoryData<string, string> InfoDocuments() => ViewTests.InfoDocuments();

    [Theory]
    [MemberData(nameof(InfoDocuments))]
    public void Info_views_as_json_hold_what_the_views_give(string name, string json)
    {
        var info = new SynthesisInfoFormat().Decode(Encoding.UTF8.GetBytes(json), new FindingSink(), out _);
        Assert.True(info is not null, name);
        var written = Write(w => InfoDocumentJson.Write(w, info));

        var camera = written["camera"]!;
        for (int r = 0; r < 3; r++)
            for (int c = 0; c < 3; c++) Assert.Equal(info.Camera!.Intrinsics[r, c], camera["intrinsics"]![r]![c]!.GetValue<double>());
        var ibug = written["landmarks"]!["ibug68"]!.AsArray();
        Assert.Equal(info.Landmarks!.Ibug68!.Count, ibug.Count);
        for (int i = 0; i < ibug.Count; i++)
        {
            Assert.Equal(info.Landmarks.Ibug68[i].ScreenSpacePos.X, ibug[i]!["screen_space_pos"]![0]!.GetValue<double>());
            Assert.Equal(info.Landmarks.Ibug68[i].Id, ibug[i]!["id"]!.GetValue<long>());
        }

        // A member the version lacks is there, as null: a reader in another language sees every member of the views file.
        Assert.Equal(info.HasZMin, written["z_min"] is not null);
        Assert.True(written.ContainsKey("z_min"));
        AssertEveryMember(written, "InfoDocument", InfoDocumentJson.Description);
    }

    [Fact]
    public void Metadata_views_as_json_hold_every_member_and_the_line_values()
    {
        foreach (var line in File.ReadLines(Path.Combine(TestPaths.SampleData, "synthesis", "info-1.5", "metadata.jsonl")))
        {
            var document = BuiltInFormats.CreateSynthesisMetadata().Decode(Encoding.UTF8.GetBytes(line), new FindingSink(), out _);
            Assert.NotNull(document);
            var written = Write(w => MetadataDocumentJson.Write(w, document));
            Assert.Equal(document.RenderId, written["render_id"]!.GetValue<long>());
            AssertEveryMember(written, "MetadataDocument", MetadataDocumentJson.Description);
        }
    }

    [Fact]
    public void Numbers_that_are_not_finite_are_written_as_the_words_python_reads()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            foreach (double value in new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0.1 }) Codec.Runtime.Json.ViewJsonWriter.Number(w, value);
            w.WriteEndArray();
        }

        Assert.Equal("[NaN,Infinity,-Infinity,0.1]", Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [Fact]
    public void The_description_is_the_views_file()
    {
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "schemas", "synthesis", "info", "info.views.codec.json")))!;
        var description = JsonNode.Parse(InfoDocumentJson.Description)!;
        Assert.Equal("synthesis.info", description["format"]!.GetValue<string>());
        Assert.Equal(file["root"]!.GetValue<string>(), description["root"]!.GetValue<string>());
        foreach (var (view, spec) in file["views"]!.AsObject())
        {
            var members = spec!["members"]!.AsObject();
            var described = description["views"]![view]!["members"]!.AsObject();
            Assert.Equal(members.Select(m => m.Key), described.Select(m => m.Key));
            foreach (var (member, type) in members)
                Assert.Equal(type is JsonValue ? type.GetValue<string>() : type!["type"]!.GetValue<string>(), described[member]!["type"]!.GetValue<string>());
        }
    }

    private static JsonObject Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer)) write(w);
        return JsonNode.Parse(buffer.WrittenSpan.ToArray())!.AsObject();
    }

    private static void AssertEveryMember(JsonObject written, string view, string description)
    {
        var members = JsonNode.Parse(description)!["views"]![view]!["members"]!.AsObject().Select(m => m.Key);
        Assert.Equal(members, written.Select(m => m.Key));
    }
}
