using System.Text.Json.Nodes;
using Codec.Formats.Findings;
using Codec.Formats.Synthesis;
using Codec.Formats.Validation.Folders;
using Codec.Runtime.Binary.Image;
using Codec.Runtime.Findings;
using Codec.Tests.Infrastructure;

namespace Codec.Tests.Formats;

/// <summary>
/// A render's EXR in its output folder: named <c>N.exr</c> (not a stray file), its documented channels, its size, its
/// depth range, its beauty, normals, alpha and foreground passes, and its Cryptomatte ids against the manifest — on
/// EXRs OpenEXR wrote (tests/Fixtures/exr/make_pixels.cpp), each defect seeded by the writer. The render is the
/// sample's render 1, its principal point moved to the EXR's 37 × 21 pixels, with a segmentation mask of the
/// character the EXR draws (columns 0–29).
/// </summary>
public sealed class ExrRenderCheckTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("codec-exr-render-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // The render's mask: the left 30 columns are of one class (by default "hair", value 12 of the sample's mapping).
    private List<Finding> CheckWith(string exr, bool fitIntrinsics = true, ushort maskClass = Hair)
    {
        foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.SampleData, "synthesis", "info-1.5"))) File.Copy(file, Path.Combine(_dir, Path.GetFileName(file)), overwrite: true);
        File.Copy(Path.Combine(TestPaths.TestFixtures, "exr", $"render.{exr}.exr"), Path.Combine(_dir, "1.exr"), overwrite: true);
        if (fitIntrinsics)
        {
            var info = JsonNode.Parse(File.ReadAllText(Path.Combine(_dir, "1.info.json")))!;
            info["camera"]!["intrinsics"]![0]![2] = 18.5;
            info["camera"]!["intrinsics"]![1]![2] = 10.5;
            File.WriteAllText(Path.Combine(_dir, "1.info.json"), info.ToJsonString());
        }

        var labels = new ushort[37 * 21];
        for (int i = 0; i < labels.Length; i++) labels[i] = (ushort)(i % 37 < 30 ? maskClass : 0);
        using (var mask = File.Create(Path.Combine(_dir, "1.segments.png"))) PngWriter.WriteLabels(mask, labels, 37, 21, PngPixelFormat.Grey8);

        var results = new SynthesisFolderChecker().CheckAsync(_dir).GetAwaiter().GetResult();
        Assert.Contains(results, r => Path.GetFileName(r.Path) == "1.exr");
        return results.Where(r => Path.GetFileName(r.Path) == "1.exr").SelectMany(r => r.Findings.Where(f => f.Severity != Severity.Info)).ToList();
    }

    [Fact]
    public void A_good_render_exr_passes_and_is_no_stray_file()
    {
        Assert.Empty(CheckWith("good"));
    }

    [Fact]
    public void A_cryptomatte_id_the_manifest_lacks_is_found()
    {
        var finding = Assert.Single(CheckWith("unknown_id"));
        Assert.Equal(FolderFindingCodes.CryptomatteIdUnknown, finding.Code);
        Assert.Contains("1 covered samples of CryptoObject hold ids its manifest does not name (first 12345678 at (3, 5))", finding.Message);
    }

    [Fact]
    public void Depth_past_zmax_is_found()
    {
        var finding = Assert.Single(CheckWith("far_z"));
        Assert.Equal(FolderFindingCodes.DepthOutOfRange, finding.Code);
        Assert.Contains("(first at (9, 7): 150)", finding.Message);
    }

    [Fact]
    public void A_missing_documented_channel_is_found()
    {
        var finding = Assert.Single(CheckWith("no_z"));
        Assert.Equal(FolderFindingCodes.ExrLayout, finding.Code);
        Assert.Contains("no Z channel", finding.Message);
    }

    [Fact]
    public void An_exr_of_another_size_than_the_intrinsics_is_found()
    {
        var finding = Assert.Single(CheckWith("good", fitIntrinsics: false));
        Assert.Equal(FolderFindingCodes.ImageSizeMismatch, finding.Code);
        Assert.Contains("37 x 21 pixels; 1.info.json's principal point (540, 960) makes the render 1080 x 1920", finding.Message);
    }

    private const ushort Hair = 12, Hand = 13;

    [Fact]
    public void Camera_normals_of_half_a_unit_are_found()
    {
        // On hands: the EXR's segmentation.hair pass (of these pixels) disagrees too, which is not this test's.
        var finding = Assert.Single(CheckWith("short_normals", maskClass: Hand), f => f.Code == FolderFindingCodes.NormalsNotUnit);
        Assert.Equal(FolderFindingCodes.NormalsNotUnit, finding.Code);
        Assert.StartsWith("CameraNormals.R, CameraNormals.G, CameraNormals.B: 630 of 630 surface pixels", finding.Message);
    }

    [Fact]
    public void Normals_on_hair_are_not_held_to_unit_length_as_the_render_contract_declares()
    {
        // The producer shades strands (hair, eyelashes, brows, beard) with normals shorter than 1; the contract's
        // unit_normals leaves those classes out, by name, so the same short normals on hair are no finding.
        Assert.Empty(CheckWith("short_normals", maskClass: Hair));
        var rule = SynthesisOutputContract.Contract.Rules.Single(r => r.Name == "unit_normals");
        Assert.Contains("hair", rule.Description);
    }

    [Fact]
    public void A_foreground_pass_over_the_background_is_found()
    {
        var finding = Assert.Single(CheckWith("foreground_everywhere"));
        Assert.Equal(FolderFindingCodes.AlphaMaskMismatch, finding.Code);
        Assert.StartsWith("binary_segmentation.foreground: 147 pixels (", finding.Message);
        Assert.Contains("are outside the foreground where the segmentation mask has a class, or inside it where it has background", finding.Message);
    }

    [Fact]
    public void The_dataset_api_serves_the_exr_passes_as_typed_pixels()
    {
        CheckWith("good");
        var render = SynthesisOutput.Open(_dir).Renders.Single(r => r.RenderId == 1);
        var channels = render.ReadExr()!;
        Assert.Equal(37 * 21, channels["Z"].Samples<float>().Length);
        Assert.Equal(0.5f + (0.01f * 3), channels["Z"].Samples<float>()[3]);
        var normals = ImagePixels.Interleave([channels["CameraNormals.R"], channels["CameraNormals.G"], channels["CameraNormals.B"]]);
        Assert.Equal((3, SampleKind.Float16), (normals.Channels, normals.Kind));
        Assert.Null(SynthesisOutput.Open(_dir).Renders.Single(r => r.RenderId == 0).ReadExr());
    }

    [Fact]
    public void A_class_pass_over_another_class_is_found()
    {
        var finding = Assert.Single(CheckWith("hair_elsewhere"));
        Assert.Equal(FolderFindingCodes.ClassMaskMismatch, finding.Code);
        Assert.StartsWith("segmentation.hair: 777 pixels (", finding.Message);
        Assert.Contains("are outside the pass where the segmentation mask has hair, or inside it where it has another class", finding.Message);
    }

    [Fact]
    public void An_all_black_beauty_pass_is_found()
    {
        var finding = Assert.Single(CheckWith("black"));
        Assert.Equal(FolderFindingCodes.BlankImage, finding.Code);
        Assert.Equal("R, G, B: every pixel is (0, 0, 0)", finding.Message);
    }
}
