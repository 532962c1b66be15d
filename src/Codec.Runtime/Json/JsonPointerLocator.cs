using System.Text;
using Codec.Runtime.Findings;

namespace Codec.Runtime.Json;

/// <summary>
/// Finds where JSON pointers' values start in a document, so findings about the decoded model (semantic rules,
/// ranges) get a line and column too. Only called for findings, never on the clean path.
/// </summary>
public static class JsonPointerLocator
{
    /// <summary>Byte offset of the value at <paramref name="pointer"/>, or -1 when it is not there.</summary>
    public static int Locate(ReadOnlySpan<byte> document, string pointer, DecodeContext context)
    {
        var wanted = new JsonPointerSet();
        var node = wanted.Add(pointer);
        wanted.Resolve(document, context);
        return node.Offset;
    }

    /// <summary>
    /// Adds line, column and byte offset to the findings that have a path but no location, from
    /// <paramref name="locateFrom"/> up (findings a report hides need not be located). One walk of the document
    /// serves every finding, and one pass over its bytes numbers the lines: the cost does not grow with the number of
    /// findings.
    /// </summary>
    public static IReadOnlyList<Finding> AddLocations(ReadOnlySpan<byte> document, IReadOnlyList<Finding> findings, DecodeContext context,
        Severity locateFrom = Severity.Info)
    {
        var wanted = new JsonPointerSet();
        var nodes = new JsonPointerSet.Node?[findings.Count];
        for (int i = 0; i < findings.Count; i++)
        {
            if (NeedsLocation(findings[i], locateFrom)) nodes[i] = wanted.Add(findings[i].Path);
        }

        // Always a new list: callers hand in a sink's own list, which the next document reuses.
        if (wanted.IsEmpty) return findings.ToArray();
        wanted.Resolve(document, context);

        // Line numbers for every offset found, in one forward pass (findings come in rule order, not document order).
        var offsets = new List<int>();
        foreach (var node in nodes)
        {
            if (node is { Offset: >= 0 }) offsets.Add(node.Offset);
        }

        offsets.Sort();
        var lines = new Dictionary<int, (int Line, int Column)>(offsets.Count);
        var index = default(LineIndex);
        foreach (int offset in offsets)
        {
            if (!lines.ContainsKey(offset)) lines[offset] = index.Locate(document, offset);
        }

        var result = new Finding[findings.Count];
        for (int i = 0; i < findings.Count; i++)
        {
            var f = findings[i];
            result[i] = nodes[i] is { Offset: >= 0 and var offset } && lines.TryGetValue(offset, out var at)
                ? f with { Line = at.Line, Column = at.Column, Offset = offset }
                : f;
        }

        return result;
    }

    private static bool NeedsLocation(Finding f, Severity locateFrom) =>
        f.Line == 0 && f.Severity >= locateFrom && !(f.Path.Length == 0 && f.Code == FindingCodes.TooManyFindings);
}

/// <summary>
/// A set of JSON pointers, stored as a tree of their segments, resolved against a document in one walk: only the
/// containers on the way to a wanted value are entered, everything else is skipped by its brackets (the documents
/// located are ones a decoder has read), and the walk stops as soon as every pointer is found.
/// </summary>
internal sealed class JsonPointerSet
{
    private readonly Node _root = new();

    public bool IsEmpty => _root.Pending == 0;

    /// <summary>Adds a pointer (RFC 6901, "" for the whole document) and returns its node, whose offset <see cref="Resolve"/> fills.</summary>
    public Node Add(string pointer)
    {
        var node = _root;
        if (pointer.Length > 0)
        {
            // A pointer not starting with '/' names nothing; it is kept, unresolved.
            if (pointer[0] != '/') return new Node();
            foreach (var raw in pointer[1..].Split('/'))
            {
                string segment = raw.Replace("~1", "/").Replace("~0", "~");
                node.Children ??= new Dictionary<string, Node>(StringComparer.Ordinal);
                if (!node.Children.TryGetValue(segment, out var child)) node.Children[segment] = child = new Node { Parent = node };
                node = child;
            }
        }

        if (!node.Wanted)
        {
            node.Wanted = true;
            for (var n = node; n is not null; n = n.Parent) n.Pending++;
        }

        return node;
    }

    /// <summary>Fills every node's offset that the document has; the others stay at -1. A broken document ends the walk quietly.</summary>
    public void Resolve(ReadOnlySpan<byte> document, DecodeContext context)
    {
        if (IsEmpty) return;
        try
        {
            var cursor = new JsonCursor(document, context);
            if (cursor.Peek() == JsonKind.None) return;
            Walk(ref cursor, _root);
        }
        catch (JsonDecodeException)
        {
            // What was found before the break keeps its offset.
        }
    }

    // At the start of a value; consumes it. Returns true when nothing more is wanted anywhere (the walk can stop).
    private bool Walk(ref JsonCursor cursor, Node node)
    {
        var kind = cursor.Peek();
        if (node.Wanted && node.Offset < 0)
        {
            node.Offset = cursor.Position;
            if (Found(node)) return true;
        }

        if (node.Children is not { } children || node.Pending == 0 || kind is not (JsonKind.Object or JsonKind.Array))
        {
            cursor.SkipChecked();
            return false;
        }

        var lookup = children.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> name = stackalloc char[32];
        int state = 0;
        if (kind == JsonKind.Object)
        {
            cursor.TryBeginObject();
            while (cursor.NextMember(ref state, out var key))
            {
                if (node.Pending > 0 && TryFind(lookup, key, ref name, out var child) && child.Pending > 0)
                {
                    if (Walk(ref cursor, child)) return true;
                }
                else
                {
                    cursor.SkipChecked();
                }
            }
        }
        else
        {
            cursor.TryBeginArray();
            for (int i = 0; cursor.NextElement(ref state); i++)
            {
                if (node.Pending > 0 && i.TryFormat(name, out int written) && lookup.TryGetValue(name[..written], out var child) && child.Pending > 0)
                {
                    if (Walk(ref cursor, child)) return true;
                }
                else
                {
                    cursor.SkipChecked();
                }
            }
        }

        return false;
    }

    private static bool TryFind(Dictionary<string, Node>.AlternateLookup<ReadOnlySpan<char>> lookup, ReadOnlySpan<byte> key, ref Span<char> buffer, out Node child)
    {
        int chars = Encoding.UTF8.GetMaxCharCount(key.Length);
        if (chars > buffer.Length) buffer = new char[chars];
        int written = Encoding.UTF8.GetChars(key, buffer);
        return lookup.TryGetValue(buffer[..written], out child!);
    }

    // Counts a found node off itself and every ancestor; true when the whole set is found.
    private bool Found(Node found)
    {
        found.Wanted = false;
        for (var n = found; n is not null; n = n.Parent) n.Pending--;
        return _root.Pending == 0;
    }

    internal sealed class Node
    {
        /// <summary>Where the value starts in the document; -1 until found (or when absent).</summary>
        public int Offset { get; set; } = -1;

        /// <summary>A pointer ends here and is not found yet.</summary>
        public bool Wanted { get; set; }

        /// <summary>Wanted, not yet found pointers at or below this node.</summary>
        public int Pending { get; set; }

        public Dictionary<string, Node>? Children { get; set; }

        public Node? Parent { get; init; }
    }
}
