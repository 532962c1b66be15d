using System.Buffers.Text;
using Codec.Runtime.Findings;

namespace Codec.Runtime.Geometry;

/// <summary>
/// A Wavefront <c>.obj</c> mesh as Synthesis writes its dense landmarks (Houdini export: comments, <c>g</c>, <c>v x y z</c>
/// lines, then <c>f</c> faces of 1-based indices, no normals or texture coordinates). Vertices in world space, metres.
/// </summary>
public sealed class ObjMesh
{
    private ObjMesh(Vec3d[] vertices, int[] faceStarts, int[] indices)
    {
        Vertices = vertices;
        FaceStarts = faceStarts;
        Indices = indices;
    }

    public Vec3d[] Vertices { get; }

    /// <summary>Where each face's (0-based) indices start in <see cref="Indices"/>; one extra entry marks the end.</summary>
    public int[] FaceStarts { get; }
    public int[] Indices { get; }
    public int FaceCount => FaceStarts.Length - 1;

    /// <summary>Most vertices or face indices read (well beyond the 4840-point SAI mesh).</summary>
    public const int MaxElements = 1 << 24;

    /// <summary>Decodes UTF-8/ASCII .obj text; null (with findings located by line) when a line or an index is bad.</summary>
    public static ObjMesh? Decode(ReadOnlySpan<byte> text, FindingSink sink, string path = "")
    {
        var vertices = new List<Vec3d>();
        var starts = new List<int> { 0 };
        var indices = new List<int>();
        int lineNumber = 0;
        while (!text.IsEmpty)
        {
            lineNumber++;
            int end = text.IndexOf((byte)'\n');
            var line = end < 0 ? text : text[..end];
            text = end < 0 ? default : text[(end + 1)..];
            if (!line.IsEmpty && line[^1] == (byte)'\r') line = line[..^1];
            if (line.IsEmpty || line[0] == (byte)'#' || line[0] == (byte)'g' || line[0] == (byte)'o' || line[0] == (byte)'s') continue;
            if (line.StartsWith("v "u8))
            {
                if (!Numbers(line[2..], out var v))
                {
                    Bad(sink, path, lineNumber, "a vertex line needs three numbers");
                    return null;
                }

                if (vertices.Count == MaxElements)
                {
                    Bad(sink, path, lineNumber, $"more than {MaxElements} vertices");
                    return null;
                }

                vertices.Add(v);
            }
            else if (line.StartsWith("f "u8))
            {
                var rest = line[2..];
                int count = 0;
                while (true)
                {
                    rest = rest.TrimStart((byte)' ');
                    if (rest.IsEmpty) break;
                    int space = rest.IndexOf((byte)' ');
                    var token = space < 0 ? rest : rest[..space];
                    rest = space < 0 ? default : rest[space..];
                    int slash = token.IndexOf((byte)'/');
                    if (slash >= 0) token = token[..slash];
                    if (!Utf8Parser.TryParse(token, out int index, out int used) || used != token.Length || index < 1)
                    {
                        Bad(sink, path, lineNumber, "a face index is not a positive integer (relative indices are not read)");
                        return null;
                    }

                    if (indices.Count == MaxElements)
                    {
                        Bad(sink, path, lineNumber, $"more than {MaxElements} face indices");
                        return null;
                    }

                    indices.Add(index - 1);
                    count++;
                }

                if (count < 3)
                {
                    Bad(sink, path, lineNumber, $"a face has {count} vertices; at least 3 are needed");
                    return null;
                }

                starts.Add(indices.Count);
            }
            else
            {
                Bad(sink, path, lineNumber, "only v, f, g and comment lines are read");
                return null;
            }
        }

        // Faces may come before their vertices are all read in general .obj files; here every index is checked at the end.
        for (int i = 0; i < indices.Count; i++)
        {
            if (indices[i] >= vertices.Count)
            {
                sink.Add(new Finding(FindingCodes.BadMeshLine, Severity.Error, path, $"face index {indices[i] + 1} is beyond the {vertices.Count} vertices"));
                return null;
            }
        }

        return new ObjMesh(vertices.ToArray(), starts.ToArray(), indices.ToArray());
    }

    private static bool Numbers(ReadOnlySpan<byte> rest, out Vec3d v)
    {
        v = default;
        Span<double> xyz = stackalloc double[3];
        for (int i = 0; i < 3; i++)
        {
            rest = rest.TrimStart((byte)' ');
            int space = rest.IndexOf((byte)' ');
            var token = space < 0 ? rest : rest[..space];
            if (!double.TryParse(token, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out xyz[i]) || !double.IsFinite(xyz[i]))
            {
                return false;
            }

            rest = space < 0 ? default : rest[space..];
        }

        v = new Vec3d(xyz[0], xyz[1], xyz[2]);
        return rest.TrimStart((byte)' ').IsEmpty;
    }

    private static void Bad(FindingSink sink, string path, int line, string message) =>
        sink.Add(new Finding(FindingCodes.BadMeshLine, Severity.Error, path, message, line, 1));
}
