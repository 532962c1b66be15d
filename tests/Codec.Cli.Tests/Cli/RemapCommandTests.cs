using Codec.Cli.Commands;
using Codec.Runtime.Binary.Image;
using Codec.Runtime.Findings;
using Codec.Tests.Infrastructure;

namespace Codec.Tests.Cli;

/// <summary><c>codec remap</c>: a render's own numbering into a stable target table, verified, never over its input.</summary>
public sealed class RemapCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("codec-remap-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // A render in the files' own numbering: dense and alphabetical, so ids mean nothing across renders. The rest of a
    // real info.json is left out (remap reads only the mapping); its pupils say it is a Human API file.
    private const string Info = """{ "version": "1.5", "pupil_coordinates": {}, "segments_mapping": { "background": 0, "eyebrows": 1, "eyelash_left": 2, "eyelid_left": 3, "foot_right": 4 } }""";
    private static readonly ushort[] Mask = [0, 1, 2, 3, 4, 4, 1, 0, 3, 3, 0, 0];

    private (string Mask, string Info) Render(string maskName = "7.segments.png", ushort[]? labels = null)
    {
        string mask = Path.Combine(_dir, maskName), info = Path.Combine(_dir, "7.info.json");
        using (var stream = File.Create(mask)) PngWriter.WriteLabels(stream, labels ?? Mask, 4, 3, PngPixelFormat.Grey16);
        File.WriteAllText(info, Info);
        return (mask, info);
    }

    private static PngImage Read(string path) => PngImage.Decode(File.ReadAllBytes(path), new FindingSink())!;

    [Fact]
    public void Classes_are_renumbered_by_name_and_missing_classes_become_default()
    {
        var (mask, info) = Render();
        string output = Path.Combine(_dir, "out.png");
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        Assert.Equal(0, RemapCommand.Run(mask, info, null, output, null, false, stdout, stderr));

        var image = Read(output);
        Assert.Equal(8, image.BitDepth); // every body id fits a byte
        // background 0, eyebrows 39 (the fixed id, not the seed's 89), eyelash_left not in the table → 0,
        // eyelid_left 92 (merged with eyelashes_left), foot_right 89.
        ushort[] expected = [0, 39, 0, 92, 89, 89, 39, 0, 92, 92, 0, 0];
        Assert.Equal(expected, image.Labels);
        Assert.Contains("labels of synthesis.segmentation.body, verified", stdout.ToString());
        Assert.Contains("eyelash_left (not in the target: default)", stdout.ToString());
        Assert.Contains("warning X711: class \"eyelash_left\" (1 pixels)", stderr.ToString());
    }

    [Fact]
    public void The_face_table_and_a_16_bit_output_can_be_chosen()
    {
        var (mask, info) = Render();
        string output = Path.Combine(_dir, "face.png");
        Assert.Equal(0, RemapCommand.Run(mask, info, "face", output, 16, false, new StringWriter(), new StringWriter()));
        var image = Read(output);
        Assert.Equal(16, image.BitDepth);
        Assert.Equal(new ushort[] { 0, 39, 0, 92, 0, 0, 39, 0, 92, 92, 0, 0 }, image.Labels); // the face table has no feet
    }

    [Fact]
    public void Nothing_is_written_over_the_input_or_an_existing_file()
    {
        var (mask, info) = Render();
        byte[] before = File.ReadAllBytes(mask);
        var stderr = new StringWriter();
        Assert.Equal(2, RemapCommand.Run(mask, info, null, mask, null, true, new StringWriter(), stderr));
        Assert.Contains("a file being read", stderr.ToString());
        Assert.Equal(before, File.ReadAllBytes(mask));

        // Nor through a link to it, with --force.
        string link = Path.Combine(_dir, "link.png");
        File.CreateSymbolicLink(link, mask);
        stderr = new StringWriter();
        Assert.Equal(2, RemapCommand.Run(mask, info, null, link, null, true, new StringWriter(), stderr));
        Assert.Contains("a link to a file being read", stderr.ToString());
        Assert.Equal(before, File.ReadAllBytes(mask));

        string existing = Path.Combine(_dir, "existing.png");
        File.WriteAllText(existing, "keep");
        stderr = new StringWriter();
        Assert.Equal(2, RemapCommand.Run(mask, info, null, existing, null, false, new StringWriter(), stderr));
        Assert.Contains("use --force", stderr.ToString());
        Assert.Equal("keep", File.ReadAllText(existing));
        Assert.Equal(0, RemapCommand.Run(mask, info, null, existing, null, true, new StringWriter(), new StringWriter()));
    }

    [Fact]
    public void A_value_the_mapping_does_not_list_stops_the_remap()
    {
        var (mask, info) = Render(labels: [0, 1, 2, 3, 9, 4, 1, 0, 3, 3, 0, 0]);
        string output = Path.Combine(_dir, "out.png");
        var stderr = new StringWriter();
        Assert.Equal(1, RemapCommand.Run(mask, info, null, output, null, false, new StringWriter(), stderr));
        Assert.Contains("1 pixels have value 9, which segments_mapping does not list", stderr.ToString());
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Usage_errors_are_exit_code_2()
    {
        var (mask, info) = Render();
        var stderr = new StringWriter();
        Assert.Equal(2, RemapCommand.Run(mask, info, "bodyy", Path.Combine(_dir, "o.png"), null, false, new StringWriter(), stderr));
        Assert.Contains("use one of body, face, clothing, clothing-loader", stderr.ToString());
        Assert.Equal(2, RemapCommand.Run(mask, info, null, Path.Combine(_dir, "o.png"), 12, false, new StringWriter(), new StringWriter()));
        Assert.Equal(2, RemapCommand.Run(Path.Combine(_dir, "none.png"), info, null, Path.Combine(_dir, "o.png"), null, false, new StringWriter(), new StringWriter()));
    }

    [FixtureFact]
    public void Real_masks_remap_to_the_body_and_loader_clothing_tables()
    {
        string folder = Path.Combine(TestPaths.SynthesisFixtures, "humans-1.5");
        string body = Path.Combine(_dir, "24.body.png");
        Assert.Equal(0, RemapCommand.Run(Path.Combine(folder, "24.segments.png"), Path.Combine(folder, "24.info.json"), null, body, null, false, new StringWriter(), new StringWriter()));
        var source = Read(Path.Combine(folder, "24.segments.png"));
        var remapped = Read(body);
        // Pixel counts survive: hair is 53 in this file and 17 in the body table.
        Assert.Equal(source.Labels.Count(l => l == 53), remapped.Labels.Count(l => l == 17));
        Assert.Equal(source.Labels.Length, remapped.Labels.Length);

        string clothing = Path.Combine(_dir, "0.clothing.png");
        var stdout = new StringWriter();
        Assert.Equal(0, RemapCommand.Run(Path.Combine(folder, "0.clothing_segments.png"), Path.Combine(folder, "0.info.json"), "clothing-loader", clothing, null, false, stdout, new StringWriter()));
        Assert.Contains("1 →   3  long sleeve outerwear", stdout.ToString());
    }

    [Fact]
    public void Another_renders_mapping_is_said_not_passed_in_silence()
    {
        var (_, info) = Render();
        var (mask, _) = Render("3.segments.png");
        var stderr = new StringWriter();
        Assert.Equal(0, RemapCommand.Run(mask, info, null, Path.Combine(_dir, "out.png"), null, false, new StringWriter(), stderr));
        Assert.Contains("warning: 3.segments.png is render 3's mask, but 7.info.json is render 7's", stderr.ToString());
        Assert.Contains("give --info 3.info.json", stderr.ToString());

        // Its own render's mapping: nothing said about it.
        var own = new StringWriter();
        Assert.Equal(0, RemapCommand.Run(Path.Combine(_dir, "7.segments.png"), info, null, Path.Combine(_dir, "own.png"), null, false, new StringWriter(), own));
        Assert.DoesNotContain("render 7's", own.ToString());
    }
}
