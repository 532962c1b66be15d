using System.Collections.Generic;
using System.Linq;
using Codec.Generators.Diagnostics;
using Codec.Generators.Model;
using Codec.Generators.Reading;

namespace Codec.Generators.Checking;

/// <summary>
/// Before the versions: each type library with the libraries it imports (its types then include theirs, so importing
/// a library brings what its types name), checked on its own so that its mistakes are reported once, in its file.
/// </summary>
internal sealed class LibraryResolver
{
    private readonly Dictionary<string, LibraryDraft> _byId = new();
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly Dictionary<LibraryDraft, SharedTypesSpec?> _checked = new();
    private readonly List<LibraryDraft> _visiting = new();

    private LibraryResolver(List<DiagnosticInfo> diagnostics) => _diagnostics = diagnostics;

    /// <summary>
    /// Every library by id (null where it or a library it imports has errors), and the checked types of each usable one.
    /// A second file with an id already taken is reported and left out, and so is a library whose namespace is another
    /// library's or a format version's (<paramref name="versionNamespaces"/>, by namespace, with the file that writes
    /// there): its emitted types would collide with theirs.
    /// </summary>
    public static (Dictionary<string, LibraryDraft?> ById, List<SharedTypesSpec> Checked) ResolveAll(List<LibraryDraft> libraries, IReadOnlyDictionary<string, string> versionNamespaces, List<DiagnosticInfo> diagnostics)
    {
        var resolver = new LibraryResolver(diagnostics);
        var usable = new List<LibraryDraft>();
        var namespaces = versionNamespaces.ToDictionary(p => p.Key, p => p.Value);
        foreach (var library in libraries)
        {
            if (resolver._byId.TryGetValue(library.Id, out var first))
            {
                diagnostics.Add(SchemaReader.Diag(library.Source, DiagnosticDescriptors.BadImport.Id, library.IdPosition, library.Id.Length + 2, "/library",
                    $"type library '{library.Id}' is already defined by {System.IO.Path.GetFileName(first.Source.Path)}"));
                continue;
            }

            if (namespaces.TryGetValue(library.Namespace, out var owner))
            {
                diagnostics.Add(SchemaReader.Diag(library.Source, DiagnosticDescriptors.BadImport.Id, library.NamespacePosition, library.Namespace.Length + 2, "/namespace",
                    $"namespace {library.Namespace} is already {owner}'s; a type library's namespace is its own"));
                continue;
            }

            namespaces[library.Namespace] = System.IO.Path.GetFileName(library.Source.Path);

            resolver._byId[library.Id] = library;
            usable.Add(library);
        }

        var byId = new Dictionary<string, LibraryDraft?>();
        var specs = new List<SharedTypesSpec>();
        foreach (var library in usable)
        {
            var spec = resolver.Resolve(library);
            byId[library.Id] = spec is null ? null : library;
            if (spec is not null) specs.Add(spec);
        }

        return (byId, specs);
    }

    private SharedTypesSpec? Resolve(LibraryDraft library)
    {
        if (_checked.TryGetValue(library, out var done)) return done;
        _checked[library] = null;
        var own = new TypeOrigin(library.Namespace, library.Source.Path);
        foreach (var t in library.Types) t.Origin ??= own;

        bool ok = true;
        var imported = new Dictionary<string, (TypeDraft Type, string From)>();
        for (int i = 0; i < library.Imports.Count; i++)
        {
            var (id, position) = library.Imports[i];
            string at = "/imports/" + i;
            if (!_byId.TryGetValue(id, out var other))
            {
                Report(library, position, id, at, Unknown(id, _byId.Keys.Where(k => k != library.Id)));
                ok = false;
                continue;
            }

            if (other == library || _visiting.Contains(other))
            {
                Report(library, position, id, at, $"libraries import each other in a cycle: {string.Join(" → ", _visiting.Append(library).Select(l => l.Id).Append(id))}");
                ok = false;
                continue;
            }

            _visiting.Add(library);
            var resolved = Resolve(other);
            _visiting.RemoveAt(_visiting.Count - 1);
            if (resolved is null)
            {
                Report(library, position, id, at, HasErrors(id));
                ok = false;
                continue;
            }

            foreach (var t in other.Types)
            {
                if (imported.TryGetValue(t.Name, out var seen) && seen.Type.Origin != t.Origin)
                {
                    Report(library, position, id, at, DefinedTwice(t.Name, seen.From, id));
                    ok = false;
                }

                imported[t.Name] = (t, id);
            }
        }

        // Its own types come first and replace imported ones by name; the imported are copies (origin kept).
        var ownNames = new HashSet<string>(library.Types.Where(t => t.Origin == own).Select(t => t.Name));
        library.Types.AddRange(imported.Values.Where(i => !ownNames.Contains(i.Type.Name)).Select(i => i.Type.Copy()));
        if (!ok) return null;
        return _checked[library] = SchemaChecker.CheckLibrary(library, _diagnostics);
    }

    // What an import can get wrong, worded once for libraries and versions alike.
    internal static string Unknown(string id, IEnumerable<string> known)
    {
        string list = string.Join(", ", known.OrderBy(k => k, System.StringComparer.Ordinal));
        return $"no type library '{id}' in this compilation; libraries: {(list.Length == 0 ? "(none)" : list)}";
    }

    internal static string HasErrors(string id) => $"type library '{id}' has errors (reported in its file)";

    internal static string DefinedTwice(string type, string first, string second) =>
        $"type {type} is defined by both '{first}' and '{second}'; import one of them, or declare {type} under \"types\"";

    private void Report(LibraryDraft library, TextPosition position, string id, string at, string message) =>
        _diagnostics.Add(SchemaReader.Diag(library.Source, DiagnosticDescriptors.BadImport.Id, position, id.Length + 2, at, message));
}
