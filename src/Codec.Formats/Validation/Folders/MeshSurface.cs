using Codec.Runtime.Geometry;

namespace Codec.Formats.Validation.Folders;

/// <summary>
/// A mesh as a surface: its edges (from its faces) measured against each other, to find a vertex pulled out of place
/// (all its edges long beside its neighbours' own) and a face joining far vertices (an edge far longer than the mesh's
/// usual edge). Scale-free: every test is a ratio of lengths within the one mesh.
/// </summary>
public sealed class MeshSurface
{
    private readonly int[] _edgeStarts;   // per vertex, where its incident edges start in _neighbours/_lengths (CSR)
    private readonly int[] _neighbours;
    private readonly double[] _lengths;

    private MeshSurface(int vertices, List<(int A, int B)> edges, Vec3d[] points)
    {
        Edges = edges.Select(e => (e.A, e.B, Length(points[e.A], points[e.B]))).ToArray();
        _edgeStarts = new int[vertices + 1];
        foreach (var (a, b) in edges)
        {
            _edgeStarts[a + 1]++;
            _edgeStarts[b + 1]++;
        }

        for (int v = 0; v < vertices; v++) _edgeStarts[v + 1] += _edgeStarts[v];
        var fill = _edgeStarts[..^1].ToArray();
        _neighbours = new int[edges.Count * 2];
        _lengths = new double[edges.Count * 2];
        foreach (var (a, b, length) in Edges)
        {
            (_neighbours[fill[a]], _lengths[fill[a]++]) = (b, length);
            (_neighbours[fill[b]], _lengths[fill[b]++]) = (a, length);
        }

        MedianEdge = Median(Edges.Select(e => e.Length).ToArray());
    }

    /// <summary>Every edge once (its two vertices, lower first), with its length.</summary>
    public (int A, int B, double Length)[] Edges { get; }

    /// <summary>The mesh's usual edge: the median length.</summary>
    public double MedianEdge { get; }

    /// <summary>The surface of <paramref name="mesh"/>: the unique edges of its faces (face indices outside the vertices are skipped).</summary>
    public static MeshSurface Of(ObjMesh mesh) => new(mesh.Vertices.Length, EdgesOf(mesh), mesh.Vertices);

    // The faces of the last meshes seen on this thread and their edges: the renders of a job share each kind of mesh's
    // faces (a MediaPipe face mesh, a dense SAI mesh), so its edges are found once and the faces compared after that.
    [ThreadStatic] private static List<(int Vertices, int[] FaceStarts, int[] Indices, List<(int, int)> Edges)>? t_known;
    private const int KnownMeshes = 4;

    private static List<(int, int)> EdgesOf(ObjMesh mesh)
    {
        var known = t_known ??= new();
        int n = mesh.Vertices.Length;
        foreach (var entry in known)
        {
            if (entry.Vertices == n && entry.FaceStarts.AsSpan().SequenceEqual(mesh.FaceStarts) && entry.Indices.AsSpan().SequenceEqual(mesh.Indices)) return entry.Edges;
        }

        var edges = UniqueEdges(mesh);
        if (known.Count == KnownMeshes) known.RemoveAt(known.Count - 1);
        known.Insert(0, (n, mesh.FaceStarts, mesh.Indices, edges));
        return edges;
    }

    private static List<(int, int)> UniqueEdges(ObjMesh mesh)
    {
        int n = mesh.Vertices.Length;
        var seen = new HashSet<long>(mesh.Indices.Length);
        var edges = new List<(int, int)>();
        for (int f = 0; f < mesh.FaceCount; f++)
        {
            int start = mesh.FaceStarts[f], end = mesh.FaceStarts[f + 1];
            for (int i = start; i < end; i++)
            {
                int a = mesh.Indices[i], b = mesh.Indices[i + 1 < end ? i + 1 : start];
                if (a == b || (uint)a >= (uint)n || (uint)b >= (uint)n) continue;
                if (a > b) (a, b) = (b, a);
                if (seen.Add(((long)a << 32) | (uint)b)) edges.Add((a, b));
            }
        }

        return edges;
    }

    /// <summary>
    /// How far out of place vertex <paramref name="v"/> stands: the median length of its edges against the median, over
    /// its neighbours, of the median length of their other edges (1 on an even mesh; a vertex pulled away from its
    /// neighbours has every edge long while theirs stay short). Zero for a vertex without edges.
    /// </summary>
    public double VertexRatio(int v)
    {
        int start = _edgeStarts[v], end = _edgeStarts[v + 1];
        if (end == start) return 0;
        double own = Median(_lengths[start..end]);
        var around = new List<double>(end - start);
        for (int i = start; i < end; i++)
        {
            int n = _neighbours[i];
            var others = new List<double>();
            for (int j = _edgeStarts[n]; j < _edgeStarts[n + 1]; j++)
            {
                if (_neighbours[j] != v) others.Add(_lengths[j]);
            }

            if (others.Count > 0) around.Add(Median([.. others]));
        }

        if (around.Count == 0) return 0;
        double theirs = Median([.. around]);
        return theirs > 0 ? own / theirs : own > 0 ? double.PositiveInfinity : 0;
    }

    private static double Length(Vec3d a, Vec3d b) => Math.Sqrt(((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y)) + ((a.Z - b.Z) * (a.Z - b.Z)));

    private static double Median(double[] values)
    {
        if (values.Length == 0) return 0;
        Array.Sort(values);
        int mid = values.Length / 2;
        return values.Length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }
}
