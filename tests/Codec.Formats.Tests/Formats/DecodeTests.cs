using System.Buffers;
using System.Text;
using Codec.Formats;
using Codec.Formats.Synthesis.Info;
using Codec.Runtime.Findings;
using Codec.Tests.Infrastructure;
using V12 = Codec.Formats.Synthesis.Info.V1_2;
using V15 = Codec.Formats.Synthesis.Info.V1_5;
using SynthesisCommon = Codec.Formats.Synthesis.Common;

namespace Codec.Tests.Formats;

/// <summary>Decoding real and sample files: version dispatch, values, round trips, allocation.</summary>
public sealed class DecodeTests
{
    public static TheoryData<string> Fixtures() => FixtureData();

    /// <summary>Every real info.json fixture: each must decode and round-trip under its own version.</summary>
    public static TheoryData<string> SupportedFixtures() => FixtureData();

    private static TheoryData<string> FixtureData()
    {
        var data = new TheoryData<string>();
        foreach (var f in Documents.FixtureInfoFiles()) data.Add(Path.GetRelativePath(TestPaths.SynthesisFixtures, f));
        if (data.Count == 0) data.Add("(fixtures absent)");
        return data;
    }

    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (var f in Documents.SampleFiles()) data.Add(Path.GetRelativePath(TestPaths.SampleData, f));
        return data;
    }

    [FixtureTheory]
    [MemberData(nameof(Fixtures))]
    public void Real_files_validate_with_no_errors_under_their_own_version(string fixture)
    {
        var result = Documents.Check(File.ReadAllBytes(Path.Combine(TestPaths.SynthesisFixtures, fixture)));
        Assert.True(!result.HasErrors, Documents.Describe(result.Findings));
        Assert.Equal(FixtureVersions.InfoVersionOf(fixture), result.Version);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_files_validate_with_no_errors_or_warnings(string sample)
    {
        var result = Documents.Check(File.ReadAllBytes(Path.Combine(TestPaths.SampleData, sample)));
        Assert.True(result.Findings.All(f => f.Severity == Severity.Info), Documents.Describe(result.Findings));
    }

    [FixtureTheory]
    [MemberData(nameof(SupportedFixtures))]
    public void Decode_encode_decode_is_lossless_on_real_files(string fixture)
    {
        AssertRoundTrip(File.ReadAllBytes(Path.Combine(TestPaths.SynthesisFixtures, fixture)));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Decode_encode_decode_is_lossless_on_samples(string sample) =>
        AssertRoundTrip(File.ReadAllBytes(Path.Combine(TestPaths.SampleData, sample)));

    // Encoding is deterministic, so equal encodings of the first and second decode mean equal models.
    private static void AssertRoundTrip(byte[] original)
    {
        var format = BuiltInFormats.CreateSynthesisInfo();
        var sink = new FindingSink();
        var model = format.Decode(original, sink, out _)!;
        var first = new ArrayBufferWriter<byte>();
        format.Encode(model, first);

        var again = BuiltInFormats.CreateSynthesisInfo();
        var model2 = again.Decode(first.WrittenSpan, sink, out _)!;
        var second = new ArrayBufferWriter<byte>();
        again.Encode(model2, second);
        Assert.Equal(Encoding.UTF8.GetString(first.WrittenSpan), Encoding.UTF8.GetString(second.WrittenSpan));
        Assert.DoesNotContain(sink.Findings, f => f.Severity == Severity.Error);
    }

    [FixtureFact]
    public void Values_of_the_real_1_5_file_are_decoded_exactly()
    {
        var bytes = File.ReadAllBytes(Path.Combine(TestPaths.SynthesisFixtures, "humans-1.5", "24.info.json"));
        var format = BuiltInFormats.CreateSynthesisInfo();
        var doc = Assert.IsType<V15.InfoFile>(format.Decode(bytes, new FindingSink(), out var version));
        Assert.Equal("1.5", version);
        Assert.Equal(3103.030303030303, doc.Camera.Intrinsics[0, 0]);
        Assert.Equal(0.0, doc.Camera.Intrinsics[2, 0]);
        Assert.Equal(-5.1229850214440376e-05, doc.Camera.TransformCam2world.Mat4x4[0, 3]);
        Assert.Equal(68, doc.Landmarks.Ibug68.Count);
        Assert.Equal(32, doc.Landmarks.KinectV2.Count);
        Assert.Equal(133, doc.Landmarks.Coco.WholeBody.Count);
        Assert.Equal(54, doc.Landmarks.Mpeg4.Count);
        Assert.Equal("2.13", doc.Landmarks.Mpeg4[0].Name.ToString());
        Assert.Equal(12, doc.Landmarks.Mpeg4[0].Id);
        Assert.Equal(SynthesisCommon.Sex.Male, doc.IdentityMetadata.Sex);
        Assert.Equal(74, doc.IdentityMetadata.IrisColor.Value);
        Assert.Equal(Codec.Runtime.Numbers.NumberForm.String, doc.IdentityMetadata.IrisColor.Form);
        Assert.True(doc.SegmentsMapping.TryGetValue("background"u8, out long background));
        Assert.Equal(0, background);
        Assert.False(doc.HasClothingSegmentsMapping);
        Assert.False(doc.Landmarks.Mediapipe.HasLeftIris);
    }

    [FixtureFact]
    public void Integer_literals_where_floats_are_meant_and_negative_zero_decode()
    {
        var bytes = File.ReadAllBytes(Path.Combine(TestPaths.SynthesisFixtures, "face-api-1.2", "0.info.json"));
        var doc = Assert.IsType<V12.InfoFile>(BuiltInFormats.CreateSynthesisInfo().Decode(bytes, new FindingSink(), out _));
        Assert.Equal(1.0, doc.Camera.Intrinsics[2, 2]);
        Assert.Equal(0.0, doc.Camera.Intrinsics[1, 0]); // written as the integer 0
        Assert.Equal(1.0, doc.FacialAttributes.Hair.RelativeLength); // written as 1
    }

    [Fact]
    public void Negative_zero_keeps_its_sign_through_decode_and_encode()
    {
        string json = File.ReadAllText(Documents.SampleV12);
        json = ReplaceFirstNumberAfter(json, "\"zmin\":", "-0.0");
        var format = BuiltInFormats.CreateSynthesisInfo();
        var doc = (V12.InfoFile)format.Decode(Encoding.UTF8.GetBytes(json), new FindingSink(), out _)!;
        Assert.True(double.IsNegative(doc.Render.Zmin));
        var output = new ArrayBufferWriter<byte>();
        format.Encode(doc, output);
        var back = (V12.InfoFile)BuiltInFormats.CreateSynthesisInfo().Decode(output.WrittenSpan, new FindingSink(), out _)!;
        Assert.True(double.IsNegative(back.Render.Zmin));
    }

    [Fact]
    public void Python_NaN_and_Infinity_decode_with_a_warning()
    {
        string json = ReplaceFirstNumberAfter(File.ReadAllText(Documents.SampleV12), "\"zmax\":", "Infinity");
        json = ReplaceFirstNumberAfter(json, "\"zmin\":", "NaN");
        var result = Documents.Check(json);
        var warnings = result.Findings.Where(f => f.Code == "J106").ToList();
        Assert.Equal(2, warnings.Count);
        Assert.All(warnings, w => Assert.Equal(Severity.Warning, w.Severity));
        Assert.Contains(warnings, w => w.Path == "/render/zmax" && w.Line > 0);
    }

    [Fact]
    public void Unknown_version_is_one_clear_finding_naming_the_known_versions()
    {
        var result = Documents.Check("{\"version\": \"9.9\", \"camera\": {}}");
        var f = Documents.Single(result, FindingCodes.UnknownVersion);
        Assert.Equal(Severity.Error, f.Severity);
        Assert.Equal("/version", f.Path);
        Assert.Contains("9.9", f.Message);
        Assert.Contains("0, 1, 1.1, 1.2, 1.3, 1.4, 1.5", f.Message);
        Assert.Single(result.Findings);
    }

    [Theory]
    [InlineData("\"1.5-beta\"")]
    [InlineData("\"1.5.\"")]
    [InlineData("\"v1.5\"")]
    [InlineData("1.5e0")]
    public void Malformed_versions_match_no_schema(string version)
    {
        var json = File.ReadAllText(Documents.SampleV15).Replace("\"version\": \"1.5\"", "\"version\": " + version);
        var result = Documents.Check(json);
        Assert.Null(result.Version);
        Assert.Equal(FindingCodes.UnknownVersion, Assert.Single(result.Findings).Code);
    }

    [Fact]
    public void Missing_version_and_integer_versions_are_handled()
    {
        // No version member: the earliest files (version 0). Without any Human API member it is another product.
        Assert.Equal(FindingCodes.OtherProduct, Assert.Single(Documents.Check("{\"camera\": {}}").Findings).Code);
        Assert.Equal("0", Documents.Check("{\"camera\": {}, \"landmarks\": []}").Version);
        // Versions compare as versions: the number 1.5 selects the "1.5" schema.
        var asNumber = File.ReadAllText(Documents.SampleV15).Replace("\"version\": \"1.5\"", "\"version\": 1.5");
        Assert.Equal("1.5", Documents.Check(asNumber).Version);
    }

    [Theory]
    [InlineData("[1, 2]", FindingCodes.NotAnObject)]
    [InlineData("42", FindingCodes.NotAnObject)]
    [InlineData("", FindingCodes.Truncated)]
    [InlineData("  \n ", FindingCodes.Truncated)]
    [InlineData("\uFEFF", FindingCodes.Truncated)]
    [InlineData("<xml/>", FindingCodes.Syntax)]
    public void Documents_that_are_not_objects_get_one_clear_finding(string json, string code)
    {
        var f = Assert.Single(Documents.Check(json).Findings);
        Assert.Equal(code, f.Code);
        Assert.Equal(Severity.Error, f.Severity);
        Assert.True(f.Line > 0);
    }

    [Fact]
    public void A_byte_order_mark_is_accepted()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(File.ReadAllBytes(Documents.SampleV15)).ToArray();
        var result = Documents.Check(bytes);
        Assert.Equal("1.5", result.Version);
        Assert.Empty(result.Findings);
    }

    [Theory]
    [InlineData("info-1.2/0.info.json")]
    [InlineData("info-1.5/1.info.json")]
    public void Decoding_through_the_dispatcher_into_a_reused_model_allocates_nothing(string sample)
    {
        var bytes = File.ReadAllBytes(Path.Combine(TestPaths.SampleData, "synthesis", sample));
        var format = new SynthesisInfoFormat();
        var sink = new FindingSink();
        Assert.Equal(0, Allocations.Measure(() =>
        {
            sink.Reset();
            format.Decode(bytes, sink, out _);
        }));
        Assert.Equal(0, sink.Count);
    }

    [Fact]
    public void Validating_a_clean_document_allocates_nothing()
    {
        // The 1.5 sample has no findings at all (1.2 files always get quaternion-order infos, which are data).
        var bytes = File.ReadAllBytes(Documents.SampleV15);
        var doc = new V15.InfoFile();
        var context = new Codec.Runtime.Json.DecodeContext();
        Assert.Equal(0, Allocations.Measure(() => V15.InfoFileDecoder.Decode(bytes, doc, context)));

        var validator = new V15.InfoFileValidator();
        var sink = new FindingSink();
        Assert.Equal(0, Allocations.Measure(() => validator.Validate(doc, sink)));
        Assert.Equal(0, sink.Count);
    }

    internal static string ReplaceFirstNumberAfter(string json, string key, string replacement)
    {
        int at = json.IndexOf(key, StringComparison.Ordinal) + key.Length;
        int start = at;
        while (json[start] == ' ') start++;
        int end = start;
        while (end < json.Length && (char.IsDigit(json[end]) || json[end] is '-' or '.' or 'e' or 'E' or '+')) end++;
        return json[..start] + replacement + json[end..];
    }
}
