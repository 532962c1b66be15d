using Codec.Runtime.Findings;
using Codec.Formats.A2f;
using Codec.Tests.Infrastructure;

namespace Codec.Tests.Datasets;

/// <summary>The Audio2Face-3D dataset API on the shipped sample: shots with audio and cache frames, neutral, lists, blendshapes.</summary>
public sealed class A2fTrainingDataTests
{
    private static readonly string Sample = Path.Combine(TestPaths.SampleData, "a2f");

    [Fact]
    public void The_sample_opens_as_its_shots_with_audio_and_frames()
    {
        Assert.True(A2fTrainingData.IsDataset(Sample));
        var data = A2fTrainingData.Open(Sample);
        Assert.Equal(["cp1_neutral", "cp2_anger", "cp3_joy"], data.Shots.Select(s => s.Name));
        Assert.Equal(["voice1"], data.Voices);
        var neutral = data.ReadNeutral()!;
        int vertices = neutral.Length / 3;
        foreach (var shot in data.Shots)
        {
            var audio = shot.ReadAudio()!;
            Assert.True(audio.SampleRate >= 16000 && audio.Samples.Length > 0);
            Assert.All(audio.Samples, s => Assert.InRange(s, -1f, 1f));
            Assert.NotNull(shot.ReadAudio("voice1"));
            // One cache format per shot in the sample (.npy, .pc2, Maya): the same [F, V, 3] floats from each.
            var skin = shot.ReadCache()!;
            Assert.Equal(vertices, skin.Vertices);
            Assert.Equal(skin.Frames * skin.Vertices * 3, skin.Positions.Length);
            // Audio length agrees with frames at 30 fps within a frame (the dataset's own rule).
            Assert.InRange(audio.DurationSeconds * 30, skin.Frames - 1, skin.Frames + 1);
            Assert.NotNull(shot.ReadCache(tongue: true));
        }

        Assert.Equal([".npy", ".pc2", ".xml"], data.Shots.Select(s => Path.GetExtension(s.CachePath()!)).Order());
        var lips = data.ReadVertexList("geom/skin/lip_dist_vertex_list.json")!;
        Assert.All(lips.Values.SelectMany(v => v), i => Assert.InRange(i, 0, vertices - 1));
        Assert.Equal([""], data.ReadVertexList("geom/tongue/rigid_vertex_list.json")!.Keys);
        // Groups are named by where the dataset's schema declares them, nested ones too.
        Assert.Equal(["lower_lip/bottom", "lower_lip/top", "upper_lip/bottom", "upper_lip/top"], data.ReadVertexList("geom/skin/lip_size_vertex_list.json")!.Keys.Order(StringComparer.Ordinal));
        var notAList = new FindingSink();
        Assert.Null(data.ReadVertexList("bs_data/bs_skin_config.json", notAList));
        Assert.Contains("not a vertex list", Assert.Single(notAList.Findings).Message);
        using var blendshapes = data.OpenBlendshapes()!;
        Assert.Contains(blendshapes.Members, m => m.Key == "poseNames");
    }
}
