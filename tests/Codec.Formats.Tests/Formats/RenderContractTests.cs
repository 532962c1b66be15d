using Codec.Formats.Findings;
using Codec.Formats.Synthesis;
using Codec.Formats.Validation.Folders;
using Codec.Runtime.Binary.Image;
using Codec.Runtime.Findings;
using Codec.Tests.Infrastructure;

namespace Codec.Tests.Formats;

/// <summary>
/// The folder check is driven by a render contract: a modality declared in a schema file (tests/TestSchemas/renders),
/// with rules that exist, is listed, read and checked with no C#; the shipped contract declares every file it reads.
/// </summary>
public sealed class RenderContractTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("codec-render-contract-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static RenderContract UvContract()
    {
        string schema = Path.Combine(TestPaths.TestsDirectory(), "TestSchemas", "renders", "uv-render.codec.json");
        var assembly = GeneratorHarness.Load(GeneratorHarness.Schema("uv-render.codec.json", File.ReadAllText(schema)));
        return (RenderContract)assembly.GetType("Test.Renders.UvRender")!.GetProperty("Contract")!.GetValue(null)!;
    }

    // The three renders of the sample job, by their intrinsics 1024 × 1024, 1080 × 1920 and 1024 × 1024: a good UV
    // pass, a blank one, one of half the size.
    private string Job()
    {
        string sample = Path.Combine(TestPaths.SampleData, "synthesis", "info-1.5");
        foreach (var file in Directory.GetFiles(sample)) File.Copy(file, Path.Combine(_dir, Path.GetFileName(file)));
        WriteUv("0.uv.png", 1024, 1024, i => (byte)(i % 251));
        WriteUv("1.uv.png", 1080, 1920, _ => 7);
        WriteUv("2.uv.png", 512, 512, i => (byte)i);
        return _dir;
    }

    private void WriteUv(string name, int width, int height, Func<int, byte> value)
    {
        var pixels = new byte[width * height * 3];
        for (int i = 0; i < pixels.Length; i++) pixels[i] = value(i);
        using var stream = File.Create(Path.Combine(_dir, name));
        PngWriter.Write(stream, pixels, width, height, PngPixelFormat.Rgb8);
    }

    [Fact]
    public async Task A_modality_declared_in_a_schema_file_is_listed_read_and_checked_with_no_code()
    {
        var results = await new SynthesisFolderChecker(new FolderCheckOptions { Contract = UvContract() }).CheckAsync(Job());
        var uv = results.Where(r => r.Path.EndsWith(".uv.png", StringComparison.Ordinal)).ToDictionary(r => Path.GetFileName(r.Path), r => r.Findings);
        Assert.Equal(["0.uv.png", "1.uv.png", "2.uv.png"], uv.Keys.Order());
        Assert.Empty(uv["0.uv.png"]);
        Assert.Equal(FolderFindingCodes.BlankImage, Assert.Single(uv["1.uv.png"]).Code);
        // Of another size: the size rule ends the file's checks, so the blank check does not repeat it.
        var resized = Assert.Single(uv["2.uv.png"]);
        Assert.Equal(FolderFindingCodes.ImageSizeMismatch, resized.Code);
        Assert.Equal("512 x 512 pixels; 2.info.json's principal point (512, 512) makes the render 1024 x 1024", resized.Message);
    }

    [Fact]
    public async Task A_file_the_contract_does_not_declare_is_not_read()
    {
        var results = await new SynthesisFolderChecker().CheckAsync(Job());
        Assert.DoesNotContain(results, r => r.Path.EndsWith(".uv.png", StringComparison.Ordinal));
    }

    [Fact]
    public void The_shipped_contract_declares_one_info_file_and_every_rule_applies_to_declared_files()
    {
        var contract = SynthesisOutputContract.Contract;
        Assert.Equal("info.json", Assert.Single(contract.Anchor.Suffixes));
        var names = contract.Files.Select(f => f.Name).ToHashSet();
        Assert.All(contract.Rules, r => Assert.All(r.In, name => Assert.Contains(name, names)));
        Assert.All(contract.Files.SelectMany(f => f.Passes), p => Assert.Contains(p.As, names));
        // The tolerances a codec.json may set, each with its reason.
        Assert.All(contract.Tolerances, t => Assert.False(string.IsNullOrWhiteSpace(t.Description)));
    }

    [Fact]
    public async Task A_tolerance_set_by_name_reaches_the_rule()
    {
        Job();
        // 2.uv.png is 512 px off; a principal-point tolerance of 600 px lets it through to the blank check.
        var loose = new FolderCheckOptions { Contract = UvContract(), Tolerances = new Dictionary<string, double> { ["principalPointPx"] = 600 } };
        var results = await new SynthesisFolderChecker(loose).CheckAsync(_dir);
        Assert.Empty(results.Single(r => r.Path.EndsWith("2.uv.png", StringComparison.Ordinal)).Findings);
    }
}
