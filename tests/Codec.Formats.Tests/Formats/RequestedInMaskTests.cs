using System.Text.Json.Nodes;
using Codec.Formats.Findings;
using Codec.Formats.Validation.Folders;
using Codec.Formats.Validation;
using Codec.Tests.Infrastructure;

namespace Codec.Tests.Formats;

/// <summary>
/// What a metadata line requests is in the picture (X725): a requested item shows in the segmentation mask as its
/// class, and a class only that item makes shows only when it was requested. The producer's real jobs pass.
/// </summary>
public sealed class RequestedInMaskTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("codec-request-").FullName;

    public RequestedInMaskTests()
    {
        string from = Path.Combine(TestPaths.SynthesisFixtures, "face-api-1.2");
        if (!Directory.Exists(from)) return;
        foreach (var file in Directory.EnumerateFiles(from)) File.Copy(file, Path.Combine(_dir, Path.GetFileName(file)));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private async Task<List<string>> Requests(string file)
    {
        var results = await new SynthesisFolderChecker().CheckAsync(_dir);
        return results.Where(r => Path.GetFileName(r.Path) == file).SelectMany(r => r.Findings)
            .Where(f => f.Code == FolderFindingCodes.RequestNotInMask).Select(f => f.Message).ToList();
    }

    // Rewrites the metadata line of render <paramref name="renderId"/>.
    private void EditLine(int renderId, Action<JsonNode> edit)
    {
        string path = Path.Combine(_dir, "metadata.jsonl");
        var lines = File.ReadAllLines(path).Select(line =>
        {
            var node = JsonNode.Parse(line)!;
            if (node["render_id"]!.GetValue<int>() != renderId) return line;
            edit(node);
            return node.ToJsonString();
        });
        File.WriteAllLines(path, lines);
    }

    [FixtureFact]
    public async Task The_producers_jobs_show_what_they_request()
    {
        foreach (var job in new[] { "face-api-1.2", "faces-1.1", "face-api-1.2-modalities", "humans-1.5" })
        {
            var results = await new SynthesisFolderChecker().CheckAsync(Path.Combine(TestPaths.SynthesisFixtures, job));
            Assert.DoesNotContain(results.SelectMany(r => r.Findings), f => f.Code == FolderFindingCodes.RequestNotInMask);
        }
    }

    [FixtureFact]
    public async Task Facial_hair_in_the_mask_that_the_line_does_not_request_is_a_warning()
    {
        // Render 5 asks for a beard and its mask has one; asked for none, the beard's pixels are unexplained.
        EditLine(5, line => line["scene"]!["facial_attributes"]!["facial_hair"]!["style"] = "none");
        var message = Assert.Single(await Requests("5.segments.png"));
        Assert.Matches(@"^the mask has [0-9,]+ pixels of class beard, but line \d+ requests no facial hair$", message);
    }

    [FixtureFact]
    public async Task Requested_headwear_missing_from_the_mask_is_a_warning()
    {
        // Render 0's headscarf: its class renamed onto a value no pixel has, so that the mask shows no headwear.
        string info = Path.Combine(_dir, "0.info.json");
        var node = JsonNode.Parse(File.ReadAllText(info))!;
        var mapping = node["segments_mapping"]!.AsObject();
        (mapping["headwear"], mapping["mouthbag"]) = (22, 16);
        File.WriteAllText(info, node.ToJsonString());
        var message = Assert.Single(await Requests("0.segments.png"));
        Assert.Matches(@"^line \d+ requests headwear 'female_headscarf_1', but the mask has no pixel of class headwear$", message);
    }

    [FixtureFact]
    public async Task An_item_whose_class_the_mapping_lacks_is_not_checked()
    {
        // Render 1 asks for glasses, which these masks have no class for: nothing to compare.
        Assert.Empty(await Requests("1.segments.png"));
        EditLine(1, line => line["scene"]!["accessories"]!["glasses"]!["style"] = "none");
        Assert.Empty(await Requests("1.segments.png"));
    }
}
