using System.Text.Json.Nodes;
using System.Text;
using Codec.Formats.Findings;
using Codec.Formats.Validation.Folders;
using Codec.Runtime.Findings;
using Codec.Runtime.Geometry;
using Codec.Tests.Infrastructure;

namespace Codec.Tests.Formats;

/// <summary>Dense landmark meshes (N.mediapipe_dense.obj, N.sai_dense.obj): decoding, counts, projection into the render.</summary>
public sealed class MeshTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("codec-mesh-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Humans(string name) => Path.Combine(TestPaths.SynthesisFixtures, "humans-1.5", name);

    [FixtureTheory]
    [InlineData("24.mediapipe_dense.obj", 468, 898, 3)]
    [InlineData("24.sai_dense.obj", 4840, 4664, 4)]
    public void Real_meshes_decode_with_their_counts(string name, int vertices, int faces, int corners)
    {
        var sink = new FindingSink();
        var mesh = ObjMesh.Decode(File.ReadAllBytes(Humans(name)), sink, name)!;
        Assert.Empty(sink.Findings);
        Assert.Equal((vertices, faces), (mesh.Vertices.Length, mesh.FaceCount));
        Assert.Equal(corners, mesh.FaceStarts[1] - mesh.FaceStarts[0]);
        Assert.All(mesh.Indices, i => Assert.InRange(i, 0, vertices - 1));
    }

    [FixtureFact]
    public async Task Real_meshes_project_into_their_render_and_a_moved_camera_is_caught()
    {
        var results = await new SynthesisFolderChecker().CheckAsync(Path.Combine(TestPaths.SynthesisFixtures, "humans-1.5"));
        var meshes = results.Where(r => r.Path.EndsWith(".obj", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, meshes.Count);
        Assert.All(meshes, r => Assert.Empty(r.Findings));

        // The same meshes with the camera moved 10 m to the side: they no longer land in the image.
        var info = JsonNode.Parse(File.ReadAllText(Humans("24.info.json")))!;
        var row = info["camera"]!["transform_world2cam"]!["mat_4x4"]![0]!;
        row[3] = row[3]!.GetValue<double>() + 10;
        File.WriteAllText(Path.Combine(_dir, "24.info.json"), info.ToJsonString());
        File.Copy(Humans("24.sai_dense.obj"), Path.Combine(_dir, "24.sai_dense.obj"));
        var moved = await new SynthesisFolderChecker().CheckAsync(_dir);
        var findings = moved.Single(r => r.Path.EndsWith(".obj", StringComparison.Ordinal)).Findings;
        Assert.Equal([FolderFindingCodes.MeshMismatch, FolderFindingCodes.DenseMeshOffLandmarks], findings.Select(f => f.Code));
        Assert.Contains("project outside the image", findings[0].Message);
    }

    [FixtureTheory]
    [InlineData("24.sai_dense.obj", 0, 0.005, "of 41 iBUG-68 points of the nose, eyes and mouth in 24.info.json lie farther than 0.5 mm from every vertex in camera space")]
    [InlineData("24.mediapipe_dense.obj", 2, 0.05, "51 of 51 iBUG-68 points of the brows, nose, eyes and mouth in 24.info.json lie farther than 10 mm from every vertex in camera space")]
    public async Task A_mesh_moved_off_the_landmarks_is_caught(string name, int axis, double metres, string message)
    {
        // The real mesh moved along a world axis (SAI 5 mm, MediaPipe 5 cm): it still projects into the image, but
        // no longer onto the info.json's points.
        File.Copy(Humans("24.info.json"), Path.Combine(_dir, "24.info.json"));
        var moved = File.ReadLines(Humans(name)).Select(line =>
        {
            if (!line.StartsWith("v ", StringComparison.Ordinal)) return line;
            var xyz = line[2..].Split(' ').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            xyz[axis] += metres;
            return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"v {xyz[0]} {xyz[1]} {xyz[2]}");
        });
        File.WriteAllLines(Path.Combine(_dir, name), moved);
        var results = await new SynthesisFolderChecker().CheckAsync(_dir);
        var f = Assert.Single(results.Single(r => r.Path.EndsWith(".obj", StringComparison.Ordinal)).Findings);
        Assert.Equal(FolderFindingCodes.DenseMeshOffLandmarks, f.Code);
        Assert.Contains(message, f.Message);

        // Looser tolerances (codec.json's saiDenseMm, mediapipeDenseMm) let it pass.
        var loose = await new SynthesisFolderChecker(new FolderCheckOptions { Tolerances = new Dictionary<string, double> { ["saiDenseMm"] = 10, ["mediapipeDenseMm"] = 60 } }).CheckAsync(_dir);
        Assert.Empty(loose.Single(r => r.Path.EndsWith(".obj", StringComparison.Ordinal)).Findings);
    }

    [Theory]
    [InlineData("v 1 2\n", 1, "three numbers")]
    [InlineData("v 1 2 3\nv 1 2 3\nf 1 2\n", 3, "at least 3")]
    [InlineData("v 1 2 3\nf 1 2 x\n", 2, "positive integer")]
    [InlineData("v 1 2 3\nvn 0 0 1\n", 2, "only v, f, g")]
    [InlineData("v nan 2 3\n", 1, "three numbers")]
    public void A_bad_line_is_a_finding_at_its_line(string obj, int line, string message)
    {
        var sink = new FindingSink();
        Assert.Null(ObjMesh.Decode(Encoding.ASCII.GetBytes(obj), sink));
        var f = Assert.Single(sink.Findings);
        Assert.Equal(FindingCodes.BadMeshLine, f.Code);
        Assert.Equal(line, f.Line);
        Assert.Contains(message, f.Message);
    }

    [Fact]
    public void A_face_index_beyond_the_vertices_is_a_finding()
    {
        var sink = new FindingSink();
        Assert.Null(ObjMesh.Decode("v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 4\n"u8, sink));
        Assert.Contains("beyond the 3 vertices", Assert.Single(sink.Findings).Message);
    }

    [FixtureTheory]
    [InlineData("24.mediapipe_dense.obj", 5, "1 of 468 vertices stand out of the surface (their edges over 3 times as long as their neighbours'); worst: vertex 5,")]
    [InlineData("24.sai_dense.obj", 2000, "1 of 4840 vertices stand out of the surface (their edges over 3 times as long as their neighbours'); worst: vertex 2000,")]
    public async Task One_vertex_out_of_place_is_caught_at_the_vertex(string name, int vertex, string message)
    {
        // The real mesh with one vertex moved 5 cm in depth: the other vertices still lie near the landmarks, so only
        // the surface tells.
        File.Copy(Humans("24.info.json"), Path.Combine(_dir, "24.info.json"));
        int seen = 0;
        var lines = File.ReadAllLines(Humans(name)).Select(line =>
        {
            if (!line.StartsWith("v ", StringComparison.Ordinal) || ++seen != vertex) return line;
            var parts = line.Split(' ');
            return $"v {parts[1]} {parts[2]} {(double.Parse(parts[3], System.Globalization.CultureInfo.InvariantCulture) + 0.05).ToString("R", System.Globalization.CultureInfo.InvariantCulture)}";
        });
        File.WriteAllLines(Path.Combine(_dir, name), lines);
        var results = await new SynthesisFolderChecker().CheckAsync(_dir);
        var finding = Assert.Single(results.Single(r => r.Path.EndsWith(name, StringComparison.Ordinal)).Findings, f => f.Code == FolderFindingCodes.MeshOutOfShape);
        Assert.StartsWith(message, finding.Message);
    }

    [FixtureFact]
    public async Task A_face_joining_far_vertices_is_caught()
    {
        File.Copy(Humans("24.info.json"), Path.Combine(_dir, "24.info.json"));
        File.WriteAllText(Path.Combine(_dir, "24.sai_dense.obj"), File.ReadAllText(Humans("24.sai_dense.obj")).TrimEnd() + "\nf 1 2420 4840\n");
        var results = await new SynthesisFolderChecker().CheckAsync(_dir);
        var finding = Assert.Single(results.Single(r => r.Path.EndsWith(".obj", StringComparison.Ordinal)).Findings);
        Assert.Equal(FolderFindingCodes.MeshOutOfShape, finding.Code);
        Assert.StartsWith("3 edges are over 8 times the mesh's median edge (0.00267): faces join far vertices; worst: vertices", finding.Message);
    }

    [Fact]
    public void An_even_grid_has_every_vertex_in_place_and_a_lifted_one_stands_out()
    {
        // A 5 x 5 grid of unit squares: every vertex's edges are as long as its neighbours'.
        var text = new StringBuilder();
        for (int y = 0; y < 5; y++) for (int x = 0; x < 5; x++) text.Append($"v {x} {y} {(x == 2 && y == 2 ? 10 : 0)}\n");
        for (int y = 0; y < 4; y++) for (int x = 0; x < 4; x++) text.Append($"f {(y * 5) + x + 1} {(y * 5) + x + 2} {((y + 1) * 5) + x + 2} {((y + 1) * 5) + x + 1}\n");
        var surface = MeshSurface.Of(ObjMesh.Decode(Encoding.ASCII.GetBytes(text.ToString()), new FindingSink())!);
        Assert.Equal(40, surface.Edges.Length);
        Assert.True(surface.VertexRatio(12) > 10, $"the lifted centre: {surface.VertexRatio(12)}");
        Assert.All(new[] { 0, 4, 6, 24 }, v => Assert.InRange(surface.VertexRatio(v), 0.5, 1.5));
    }
}
