using System.Collections.Generic;
using System.Linq;
using Codec.Generators.Model;

namespace Codec.Generators.Emitting;

/// <summary>
/// Emits a decoder for each kind of JSON document a dataset layout declares fields in (a vertex list, a solver
/// config): one pass of the strict <c>JsonCursor</c> that follows the declared pointers member by member, reads each
/// field's value into its slot, and skips everything else. Files whose fields have the same pointers and types share
/// one decoder.
/// </summary>
internal static class DatasetDocumentEmitter
{
    private const string Ns = "global::Codec.Formats.Datasets";
    private const string Json = "global::Codec.Runtime.Json";

    /// <summary>A file's slots: one per distinct pointer, in the order the fields first name them.</summary>
    public static List<string> Slots(DatasetFileSpec file) => file.Fields.Select(f => f.Pointer).Distinct().ToList();

    /// <summary>The decoders to emit, and which one each JSON file with fields uses (by its folder and name).</summary>
    public static (List<Document> Documents, Dictionary<DatasetFileSpec, string> ByFile) Plan(DatasetSpec spec)
    {
        var documents = new List<Document>();
        var byFile = new Dictionary<DatasetFileSpec, string>();
        var names = new HashSet<string>();
        foreach (var file in spec.Folders.SelectMany(f => f.Files).Where(f => f.Kind == "json" && f.Fields.Count > 0))
        {
            var slots = Slots(file);
            string signature = string.Join("\n", slots.Select(p => p + " " + file.Fields.First(f => f.Pointer == p).Type));
            var document = documents.FirstOrDefault(d => d.Signature == signature);
            if (document is null)
            {
                string name = Naming.Pascal(System.IO.Path.GetFileNameWithoutExtension(file.Name));
                string unique = name;
                for (int n = 2; !names.Add(unique); n++) unique = name + n;
                document = new Document(unique, signature, file, slots, new List<string>());
                documents.Add(document);
            }

            if (!document.Users.Contains(file.Name)) document.Users.Add(file.Name);

            byFile[file] = document.Name;
        }

        return (documents, byFile);
    }

    /// <summary>
    /// One decoder: its method name, the file it was planned from (its fields give pointers and types), its slots, and
    /// the names of the files that use it.
    /// </summary>
    internal sealed record Document(string Name, string Signature, DatasetFileSpec File, List<string> Slots, List<string> Users);

    /// <summary>Emits the decoders as a nested class <c>Documents</c> of the layout's class.</summary>
    public static void Emit(SourceWriter w, List<Document> documents)
    {
        if (documents.Count == 0) return;
        w.Line();
        w.Line("// The JSON documents the layout declares fields in, each decoded in one pass over the declared pointers.");
        w.Open("private static class Documents");
        bool first = true;
        foreach (var document in documents)
        {
            if (!first) w.Line();
            first = false;
            EmitDecoder(w, document);
        }

        w.Close();
    }

    // A node of the pointer tree: a member name, and either a field's slot or the members below.
    private sealed class Node
    {
        public string Name = "";
        public int Slot = -1;
        public string Type = "";
        public string Severity = "error";
        public readonly List<Node> Children = new();

        public IEnumerable<Node> Fields => Slot >= 0 ? new[] { this } : Children.SelectMany(c => c.Fields);

        // The gravest severity of the fields at or below the node: what a value of the wrong kind here is reported as.
        public string Gravest => Fields.Any(f => f.Severity == "error") ? "Error" : "Warning";
    }

    private static void EmitDecoder(SourceWriter w, Document document)
    {
        var root = Tree(document);
        w.Line($"/// <summary>Decodes {Naming.Xml(string.Join(", ", document.Users))}.</summary>");
        w.Open($"public static void {document.Name}(ref {Json}.JsonCursor cursor, {Ns}.JsonFieldValues values)");
        if (root.Slot >= 0)
        {
            w.Line(Read(root));
        }
        else
        {
            w.Open($"if (!values.EnterObject(ref cursor, {Severity(root.Gravest)}))");
            foreach (var field in root.Fields) w.Line($"values.Unreadable({field.Slot});");
            w.Line("return;");
            w.Close();
            w.Line();
            EmitMembers(w, root, 0);
        }

        w.Close();
    }

    // The loop over an object's members: each declared one read or entered (a repeat is reported), the rest skipped.
    private static void EmitMembers(SourceWriter w, Node node, int depth)
    {
        string state = "state" + depth, name = "name" + depth;
        w.Line($"int {state} = 0;");
        // An object on the way met twice is said once; a field met twice is said by the reader (it knows its slot is filled).
        for (int i = 0; i < node.Children.Count; i++)
        {
            if (node.Children[i].Slot < 0) w.Line($"bool seen{depth}_{i} = false;");
        }

        w.Open($"while (cursor.NextMember(ref {state}, out var {name}))");
        for (int i = 0; i < node.Children.Count; i++)
        {
            var child = node.Children[i];
            w.Open($"{(i == 0 ? "if" : "else if")} (global::System.MemoryExtensions.SequenceEqual({name}, {Naming.Utf8Literal(child.Name)}))");
            if (child.Slot >= 0)
            {
                w.Line(Read(child));
            }
            else
            {
                w.Line($"if (seen{depth}_{i}) cursor.ReportDuplicateMember();");
                w.Line($"seen{depth}_{i} = true;");
                w.Open($"if (!values.EnterObject(ref cursor, {Severity(child.Gravest)}))");
                foreach (var field in child.Fields) w.Line($"values.Unreadable({field.Slot});");
                w.Line("continue;");
                w.Close();
                w.Line();
                EmitMembers(w, child, depth + 1);
            }

            w.Close();
        }

        w.Line(node.Children.Count == 0 ? "cursor.Skip();" : "else cursor.Skip();");
        w.Close();
    }

    private static string Read(Node field) =>
        $"values.Read(ref cursor, {field.Slot}, {Ns}.JsonFieldType.{DatasetFieldTypes.Member(field.Type)}, {Severity(field.Gravest)});";

    private static string Severity(string severity) => "global::Codec.Runtime.Findings.Severity." + severity;

    // The declared pointers as a tree of member names ("~1" is '/', "~0" is '~', as JSON pointers escape them).
    private static Node Tree(Document document)
    {
        var root = new Node();
        for (int slot = 0; slot < document.Slots.Count; slot++)
        {
            string pointer = document.Slots[slot];
            var fields = document.File.Fields.Where(f => f.Pointer == pointer).ToList();
            var node = root;
            foreach (var segment in pointer.Length == 0 ? [] : pointer.Substring(1).Split('/'))
            {
                string name = segment.Replace("~1", "/").Replace("~0", "~");
                var child = node.Children.FirstOrDefault(c => c.Name == name);
                if (child is null) node.Children.Add(child = new Node { Name = name });
                node = child;
            }

            node.Slot = slot;
            node.Type = fields[0].Type;
            node.Severity = fields.Any(f => f.Severity == "error") ? "error" : "warning";
        }

        return root;
    }
}
