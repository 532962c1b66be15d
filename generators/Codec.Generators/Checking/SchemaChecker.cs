using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Codec.Generators.Diagnostics;
using Codec.Generators.Emitting;
using Codec.Generators.Model;
using Codec.Generators.Rules;
using Codec.Generators.Reading;

namespace Codec.Generators.Checking;

/// <summary>
/// Stage 2 of 3 (read → check → emit): resolves names and checks the draft for consistency — unknown types, bad
/// ranges, malformed versions, rules and their arguments — and produces the equatable <see cref="FormatSpec"/>.
/// </summary>
internal sealed class SchemaChecker
{
    private const int MaxMembersPerObject = 64;
    internal static readonly Regex TypeNamePattern = new("^[A-Za-z_][A-Za-z0-9_]*$");
    private static readonly Regex VersionPattern = new(@"^[0-9]+(\.[0-9]+)*$");
    internal static readonly Regex FormatPattern = new(@"^[a-z0-9]+([._-][a-z0-9]+)*$");
    internal static readonly Regex NamespacePattern = new(@"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$");

    private readonly SchemaDraft _draft;
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly IReadOnlyList<TableSpec> _tables;
    private readonly Dictionary<string, TypeDraft> _typesByName = new();
    private bool _failed;

    /// <summary>Checking a type library: types only, every name resolved within the library.</summary>
    private readonly bool _library;

    /// <summary>A library's checked types (what <see cref="Run"/> returns for a version, it keeps here for a library).</summary>
    private List<TypeSpec> _libraryTypes = new();

    private SchemaChecker(SchemaDraft draft, List<DiagnosticInfo> diagnostics, IReadOnlyList<TableSpec> tables, bool library = false)
    {
        _draft = draft;
        _diagnostics = diagnostics;
        _tables = tables;
        _library = library;
    }

    /// <summary>
    /// Checks a type library on its own, so that its mistakes are reported once, in its file: names, members, and
    /// that every type it names is its own or imported (a library is self-contained). Null when versions cannot
    /// import it. The types' origins are the resolver's (<see cref="LibraryResolver"/>).
    /// </summary>
    public static SharedTypesSpec? CheckLibrary(LibraryDraft library, List<DiagnosticInfo> diagnostics)
    {
        var draft = new SchemaDraft { Source = library.Source, FormatId = library.Id, Namespace = library.Namespace, NamespacePosition = library.NamespacePosition };
        draft.Types.AddRange(library.Types);
        var checker = new SchemaChecker(draft, diagnostics, System.Array.Empty<TableSpec>(), library: true);
        if (!FormatPattern.IsMatch(library.Id))
            checker.Error(DiagnosticDescriptors.InvalidValue, library.IdPosition, library.Id.Length + 2, "/library", "a library id is lower-case words joined by '.', '_' or '-', e.g. \"synthesis.common\"");
        checker.Run();
        if (checker._failed) return null;
        return new SharedTypesSpec(library.Namespace, library.Source.Path, checker._libraryTypes.ToEquatableArray(), EquatableArray<ViewImplSpec>.Empty);
    }

    /// <summary>Checks a complete (resolved) draft against the compilation's reference tables; null when errors make it unusable.</summary>
    public static FormatSpec? Check(SchemaDraft draft, List<DiagnosticInfo> diagnostics, IReadOnlyList<TableSpec>? tables = null) =>
        new SchemaChecker(draft, diagnostics, tables ?? System.Array.Empty<TableSpec>()).Run();

    private FormatSpec? Run()
    {
        if (!_library && !VersionPattern.IsMatch(_draft.Version)) Error(DiagnosticDescriptors.MalformedVersion, _draft.VersionPosition, _draft.Version.Length + 2, _draft.Version);
        if (!_library && !FormatPattern.IsMatch(_draft.FormatId)) Error(DiagnosticDescriptors.InvalidValue, _draft.FormatPosition, _draft.FormatId.Length + 2, "/format", "a format id is lower-case words joined by '.', '_' or '-', e.g. \"synthesis.info\"");
        if (!NamespacePattern.IsMatch(_draft.Namespace)) Error(DiagnosticDescriptors.InvalidValue, _draft.NamespacePosition, _draft.Namespace.Length + 2, "/namespace", "not a C# namespace");

        foreach (var t in _draft.Types)
        {
            if (!TypeNamePattern.IsMatch(t.Name)) Error(DiagnosticDescriptors.InvalidValue, t.Position, t.Name.Length + 2, "/types/" + t.Name, "type names are C# identifiers");
            _typesByName[t.Name] = t;
        }

        var types = new List<TypeSpec>();
        foreach (var t in _draft.Types)
        {
            var spec = t.IsEnum ? CheckEnum(t) : CheckObject(t);
            if (spec is not null) types.Add(spec);
        }

        if (_library)
        {
            if (!_failed) CheckNoCycles(types);
            _libraryTypes = types;
            return null;
        }

        var root = types.FirstOrDefault(t => t.Name == _draft.RootType);
        if (root is null || root.Kind != TypeKind.Object)
        {
            Error(DiagnosticDescriptors.UnknownType, _draft.RootPosition, _draft.RootType.Length + 2, _draft.RootType, "/root (it must name an object type)");
        }

        if (!_failed) CheckNoCycles(types);

        var format = new FormatSpec(
            _draft.FormatId,
            _draft.Version,
            _draft.Namespace,
            _draft.Namespace + "." + Naming.VersionIdentifier(_draft.Version),
            _draft.RootType,
            _draft.VersionMember,
            _draft.Description,
            _draft.Source.Path,
            types.ToEquatableArray(),
            EquatableArray<RuleSpec>.Empty,
            _draft.Parent,
            Renames(),
            _draft.MatchesMissingVersion ?? false,
            root is null ? null : CheckProduct(root, types),
            LineLayout: _draft.LineLayout ?? false);

        // The version that takes documents without a version member need not declare it.
        if (_draft.VersionMember is { } vm && root is not null && _draft.MatchesMissingVersion != true && root.Members.All(m => m.JsonName != vm))
        {
            Error(DiagnosticDescriptors.InvalidValue, _draft.RootPosition, _draft.RootType.Length + 2, "/versionMember", $"the root type has no member '{vm}'");
        }

        if (_failed) return null;

        var rules = new List<RuleSpec>();
        for (int i = 0; i < _draft.Rules.Count; i++)
        {
            var rule = CheckRule(format, _draft.Rules[i], "/rules/" + i);
            if (rule is not null) rules.Add(rule);
        }

        return _failed ? null : format with { Rules = rules.ToEquatableArray() };
    }

    private EquatableArray<RenameSpec> Renames() =>
        _draft.Types.SelectMany(t => t.Members.Where(m => m.RenamedFrom is not null).Select(m => new RenameSpec(t.Name, m.RenamedFrom!, m.JsonName)))
            .ToEquatableArray();

    private ProductSpec? CheckProduct(TypeSpec root, IReadOnlyList<TypeSpec> types)
    {
        if (_draft.Product is not { } product) return null;
        // An inherited product may name members this version no longer (or not yet) has: those checks do not apply.
        bool inherited = product.Position.Source is { } source && source != _draft.Source;
        var anyOf = new List<PathStep>();
        foreach (var name in product.AnyOf)
        {
            var m = root.Members.FirstOrDefault(x => x.JsonName == name);
            if (m is null && !inherited) Error(DiagnosticDescriptors.InvalidValue, product.Position, 1, "/product/anyOf", $"the root type {root.Name} has no member '{name}'");
            else if (m is not null) anyOf.Add(new PathStep(m.JsonName, m.PropertyName));
        }

        var checks = new List<ProductCheckSpec>();
        foreach (var (member, allowed) in product.Values)
        {
            // "scene.version": a member of a member, each step an object member of the type before it.
            var path = new List<PathStep>();
            var type = root;
            MemberSpec? m = null;
            foreach (var step in member.Split('.'))
            {
                m = type?.Members.FirstOrDefault(x => x.JsonName == step);
                if (m is null) break;
                path.Add(new PathStep(m.JsonName, m.PropertyName));
                type = m.Type.Kind == ValueKind.Object ? types.FirstOrDefault(t => t.Name == m.Type.TypeName) : null;
            }

            if (m is null && inherited) continue;
            if (m is null || m.Type.Kind != ValueKind.Int)
            {
                Error(DiagnosticDescriptors.InvalidValue, product.Position, 1, "/product/values/" + member, $"the root type {root.Name} has no int member '{member}' (a member of a member is named with dots: \"scene.version\")");
                continue;
            }

            checks.Add(new ProductCheckSpec(member, path.ToEquatableArray(), allowed.ToEquatableArray()));
        }

        return new ProductSpec(product.Name, anyOf.ToEquatableArray(), checks.ToEquatableArray());
    }

    private TypeSpec? CheckEnum(TypeDraft t)
    {
        var values = new List<EnumValueSpec>();
        var identifiers = new HashSet<string> { "Unknown" };
        var seen = new HashSet<string>();
        foreach (var (value, position) in t.Values)
        {
            if (!seen.Add(value))
            {
                Error(DiagnosticDescriptors.DuplicateMember, position, value.Length + 2, value, "/types/" + t.Name + "/enum");
                continue;
            }

            string id = Naming.Pascal(value);
            if (!identifiers.Add(id))
            {
                Error(DiagnosticDescriptors.NameCollision, position, value.Length + 2, "/types/" + t.Name + "/enum",
                    $"value \"{value}\" becomes the C# name '{id}', which is already taken");
                continue;
            }

            values.Add(new EnumValueSpec(value, id));
        }

        return new TypeSpec(t.Name, TypeKind.Enum, t.Description, UnknownMemberPolicy.Warning, EquatableArray<MemberSpec>.Empty, values.ToEquatableArray(), t.OpenEnum)
        {
            Origin = t.Origin?.Namespace, OriginPath = t.Origin?.Path,
        };
    }

    private TypeSpec? CheckObject(TypeDraft t)
    {
        string at = "/types/" + t.Name;
        var drafts = new List<MemberDraft>();
        if (!CollectMembers(t, drafts, new HashSet<string>())) return null;

        var members = new List<MemberSpec>();
        var properties = new HashSet<string>();
        foreach (var m in drafts)
        {
            // Where the author wrote it: a derived version's added or retyped member is under /changes, not /types.
            string memberAt = m.Pointer ?? at + "/members/" + m.JsonName;
            var type = ResolveType(m.Type, m.TypePosition, memberAt);
            if (type is null) continue;

            string property = m.PropertyName ?? Naming.Pascal(m.JsonName);
            if (!TypeNamePattern.IsMatch(property) || !properties.Add(property) || property == t.Name || property == "Arena")
            {
                Error(DiagnosticDescriptors.NameCollision, m.Position, m.JsonName.Length + 2, memberAt,
                    $"member '{m.JsonName}' becomes the C# property '{property}', which is invalid or already taken");
                continue;
            }

            CheckBounds(m, type, memberAt);
            members.Add(new MemberSpec(m.JsonName, property, type, !m.Optional, m.Description, m.Minimum, m.Maximum, m.MinItems, m.MaxItems,
                m.Aliases.ToEquatableArray(), m.Nullable));
            if (m.Nullable && (m.Minimum is not null || m.Maximum is not null))
            {
                Error(DiagnosticDescriptors.Unsupported, m.RangePosition, 1, memberAt + "/range", "a nullable member cannot have a range; describe the bounds instead");
            }
        }

        var names = new HashSet<string>(members.Select(x => x.JsonName));
        foreach (var m in drafts)
        {
            foreach (var alias in m.Aliases.Where(a => !names.Add(a)))
            {
                Error(DiagnosticDescriptors.DuplicateMember, m.Position, m.JsonName.Length + 2, alias, at + "/members/" + m.JsonName + "/aliases");
            }
        }

        if (members.Sum(x => x.Aliases.Count) > 255)
        {
            Error(DiagnosticDescriptors.Unsupported, t.Position, t.Name.Length + 2, at, "more than 255 aliases in one type");
        }

        if (members.Count > MaxMembersPerObject)
        {
            Error(DiagnosticDescriptors.Unsupported, t.Position, t.Name.Length + 2, at, $"{members.Count} members; an object type may have at most {MaxMembersPerObject}");
        }

        return new TypeSpec(t.Name, TypeKind.Object, t.Description, t.UnknownMembers ?? _draft.UnknownMembers ?? UnknownMemberPolicy.Warning,
            members.ToEquatableArray(), EquatableArray<EnumValueSpec>.Empty, false)
        {
            Origin = t.Origin?.Namespace, OriginPath = t.Origin?.Path,
        };
    }

    // Base members come first, then the type's own; an own member replaces a base member of the same name.
    private bool CollectMembers(TypeDraft t, List<MemberDraft> into, HashSet<string> visiting)
    {
        if (!visiting.Add(t.Name))
        {
            Error(DiagnosticDescriptors.Unsupported, t.BasePosition, t.Name.Length + 2, "/types/" + t.Name + "/base", "types inherit from each other in a cycle");
            return false;
        }

        if (t.Base is { } baseName)
        {
            if (!_typesByName.TryGetValue(baseName, out var baseType) || baseType.IsEnum)
            {
                Error(DiagnosticDescriptors.UnknownType, t.BasePosition, baseName.Length + 2, baseName, "/types/" + t.Name + "/base");
                return false;
            }

            if (!CollectMembers(baseType, into, visiting)) return false;
        }

        foreach (var m in t.Members)
        {
            into.RemoveAll(existing => existing.JsonName == m.JsonName);
            into.Add(m);
        }

        return true;
    }

    private TypeRef? ResolveType(string text, TextPosition position, string at)
    {
        if (TypeVocabulary.ModelKind(text) is { } kind) return new TypeRef(kind);
        if (text.StartsWith("list<", System.StringComparison.Ordinal) && text.EndsWith(">", System.StringComparison.Ordinal))
        {
            var element = ResolveType(text.Substring(5, text.Length - 6), position, at);
            if (element is null) return null;
            if (element.Kind != ValueKind.Object && !TypeVocabulary.ListElements.Contains(element.Kind))
            {
                Error(DiagnosticDescriptors.Unsupported, position, text.Length + 2, at, $"lists of {element.Describe()}; list items may be {string.Join(", ", TypeVocabulary.ListElements.Select(TypeVocabulary.TextOf))} or an object type");
                return null;
            }

            return new TypeRef(ValueKind.List, Element: element);
        }

        if (text.Contains("[") || text.StartsWith("map<", System.StringComparison.Ordinal))
        {
            Error(DiagnosticDescriptors.Unsupported, position, text.Length + 2, at, $"'{text}'; fixed arrays are {TypeVocabulary.Shapes}");
            return null;
        }

        if (_typesByName.TryGetValue(text, out var declared))
        {
            return new TypeRef(declared.IsEnum ? ValueKind.Enum : ValueKind.Object, declared.Name);
        }

        Error(DiagnosticDescriptors.UnknownType, position, text.Length + 2, text, at);
        return null;
    }

    private void CheckBounds(MemberDraft m, TypeRef type, string at)
    {
        if (m.Minimum is not null || m.Maximum is not null)
        {
            // The bounds themselves were checked where they were read (JsonObjectReader.ReadRange).
            if (!type.IsScalarNumber && !(type.Kind == ValueKind.List && type.Element!.IsScalarNumber))
            {
                Error(DiagnosticDescriptors.BadRange, m.RangePosition, 1, at + "/range", $"a range applies to numbers, not to {type.Describe()}");
            }
        }

        if (m.MinItems is not null || m.MaxItems is not null)
        {
            if (type.Kind is not (ValueKind.List or ValueKind.IntMap))
            {
                Error(DiagnosticDescriptors.BadRange, m.CountPosition, 1, at, $"minItems/maxItems apply to lists and maps, not to {type.Describe()}");
            }
            else if (m.MinItems is { } lo && m.MaxItems is { } hi && lo > hi)
            {
                Error(DiagnosticDescriptors.BadRange, m.CountPosition, 1, at, $"minItems {lo} is greater than maxItems {hi}");
            }
        }
    }

    private void CheckNoCycles(List<TypeSpec> types)
    {
        var byName = types.ToDictionary(t => t.Name);
        var state = new Dictionary<string, int>();

        bool Visit(TypeSpec t)
        {
            if (state.TryGetValue(t.Name, out int s)) return s == 2;
            state[t.Name] = 1;
            foreach (var m in t.Members)
            {
                var target = m.Type.Kind == ValueKind.List ? m.Type.Element! : m.Type;
                if (target.Kind == ValueKind.Object && byName.TryGetValue(target.TypeName!, out var next) && !Visit(next))
                {
                    var draft = _typesByName[t.Name];
                    Error(DiagnosticDescriptors.Unsupported, draft.Position, t.Name.Length + 2, "/types/" + t.Name, "a type that contains itself (directly or indirectly); JSON nesting must be bounded");
                    return false;
                }
            }

            state[t.Name] = 2;
            return true;
        }

        foreach (var t in types) if (t.Kind == TypeKind.Object && !Visit(t)) return;
    }

    private RuleSpec? CheckRule(FormatSpec format, RuleDraft draft, string at)
    {
        if (!RuleRegistry.FormatRules.TryGetValue(draft.Name, out var definition))
        {
            Error(DiagnosticDescriptors.UnknownRule, draft.Position, draft.Name.Length + 2, draft.Name, RuleRegistry.Names(RuleScope.Format));
            return null;
        }

        var args = new List<RuleArgument>();
        EquatableArray<PathStep> listSteps = EquatableArray<PathStep>.Empty;
        string listPointer = "";
        TypeSpec? itemType = null;
        bool ok = true;
        void Bad(TextPosition position, int length, string message)
        {
            Error(DiagnosticDescriptors.BadRuleArgument, position, length, draft.Name, message);
            ok = false;
        }

        foreach (var parameter in definition.Parameters)
        {
            var given = draft.Arguments.Where(a => a.Parameter == parameter.Name).ToList();
            if (given.Count == 0)
            {
                Bad(draft.Position, draft.Name.Length + 2, $"parameter '{parameter.Name}' ({parameter.Description}) is missing");
                continue;
            }

            var (_, pointer, position) = given[0];
            var resolved = ResolvePointer(format, pointer, out string error, out var prefixSteps, out string prefixPointer, out var elementType);
            if (resolved is null)
            {
                Bad(position, pointer.Length + 2, $"'{pointer}': {error}");
                continue;
            }

            if (!parameter.Kinds.Contains(resolved.Value.Kind))
            {
                Bad(position, pointer.Length + 2,
                    $"'{pointer}' is {resolved.Value.Type.Describe()}, but '{parameter.Name}' needs {string.Join(" or ", parameter.Kinds.Select(k => new TypeRef(k).Describe()))}");
                continue;
            }

            bool perItem = prefixSteps is not null;
            if (parameter.PerItem && !perItem)
            {
                Bad(position, pointer.Length + 2, $"'{parameter.Name}' must point into the items of a list, e.g. \"/points/*/{parameter.Name}\"");
                continue;
            }

            if (perItem)
            {
                if (listSteps.Count == 0)
                {
                    listSteps = prefixSteps!.Value;
                    listPointer = prefixPointer;
                    itemType = elementType;
                }
                else if (listPointer != prefixPointer)
                {
                    Bad(position, pointer.Length + 2, $"'{pointer}' iterates a different list than '{listPointer}/*'; one rule iterates one list");
                    continue;
                }
            }

            args.Add(new RuleArgument(parameter.Name, pointer, resolved.Value.Kind, resolved.Value.Steps, perItem));
        }

        foreach (var (parameter, _, position) in draft.Arguments)
        {
            if (definition.Parameter(parameter) is null)
                Bad(position, 1, $"unknown parameter '{parameter}'; '{draft.Name}' takes {string.Join(", ", definition.Parameters.Select(p => p.Name).Concat(definition.Options()))}");
        }

        var options = definition.Options().ToList();
        foreach (var option in draft.Options.Where(o => !options.Contains(o.Key)))
            Bad(option.Value, option.Key.Length + 2, $"'{draft.Name}' takes no '{option.Key}'{(options.Count == 0 ? "" : "; its options: " + string.Join(", ", options))}");

        if (!ok) return null;

        KnownOffsetSpec? knownOffset = null;
        if (draft.KnownOffset is { } offset)
        {
            var keyMember = itemType?.Members.FirstOrDefault(m => m.JsonName == offset.Key);
            if (keyMember is null || keyMember.Type.Kind != ValueKind.Int)
            {
                Error(DiagnosticDescriptors.BadRuleArgument, offset.Position, 1, draft.Name,
                    "knownOffset applies to a rule over a list, and its key must be an int member of the list's items");
                return null;
            }

            knownOffset = new KnownOffsetSpec(keyMember.PropertyName, offset.From, offset.To, offset.Tolerance);
        }

        string? tableClass = null;
        if (definition.Table != TableUse.None)
        {
            if (draft.Table is null)
            {
                Error(DiagnosticDescriptors.BadRuleArgument, draft.Position, draft.Name.Length + 2, draft.Name, "parameter 'table' (a reference table id) is missing");
                return null;
            }

            var table = _tables.FirstOrDefault(t => t.TableId == draft.Table);
            if (table is null)
            {
                Error(DiagnosticDescriptors.UnknownTable, draft.TablePosition, draft.Table.Length + 2, draft.Name, draft.Table,
                    _tables.Count == 0 ? "none" : string.Join(", ", _tables.Select(t => t.TableId).OrderBy(t => t, System.StringComparer.Ordinal)));
                return null;
            }

            if (definition.Table == TableUse.LocatedTable && table.Constraints.Count == 0)
            {
                Error(DiagnosticDescriptors.BadRuleArgument, draft.TablePosition, draft.Table.Length + 2, draft.Name, $"table '{draft.Table}' states no location constraints");
                return null;
            }

            tableClass = table.GlobalClassName;
        }

        return new RuleSpec(draft.Name, draft.Tolerance ?? definition.DefaultTolerance ?? 0, args.ToEquatableArray(), listSteps, listPointer, draft.KnownBug, knownOffset,
            tableClass, draft.IdOffset);
    }

    /// <summary>
    /// Resolves a JSON pointer against the model. With a <c>*</c> segment, <paramref name="prefixSteps"/> are the steps
    /// to the list and the returned steps start at the list item.
    /// </summary>
    private static (ValueKind Kind, TypeRef Type, EquatableArray<PathStep> Steps)? ResolvePointer(FormatSpec format, string pointer, out string error,
        out EquatableArray<PathStep>? prefixSteps, out string prefixPointer, out TypeSpec? elementType)
    {
        prefixSteps = null;
        prefixPointer = "";
        elementType = null;
        if (!pointer.StartsWith("/", System.StringComparison.Ordinal))
        {
            error = "a JSON pointer starts with '/'";
            return null;
        }

        var segments = pointer.Substring(1).Split('/');
        var current = format.FindType(format.RootType)!;
        var steps = new List<PathStep>();
        string walked = "";
        TypeRef? type = null;
        for (int i = 0; i < segments.Length; i++)
        {
            string segment = segments[i].Replace("~1", "/").Replace("~0", "~");
            if (segment == "*")
            {
                if (type is null || type.Kind != ValueKind.List || type.Element!.Kind != ValueKind.Object || prefixSteps is not null)
                {
                    error = prefixSteps is not null ? "only one '*' is supported" : "'*' must follow a list of objects";
                    return null;
                }

                prefixSteps = steps.ToEquatableArray();
                prefixPointer = walked;
                steps = new List<PathStep>();
                current = format.FindType(type.Element.TypeName!)!;
                elementType = current;
                type = null;
                walked += "/*";
                continue;
            }

            if (type is not null)
            {
                if (type.Kind != ValueKind.Object)
                {
                    error = $"'{walked}' is {type.Describe()} and has no member '{segment}'";
                    return null;
                }

                current = format.FindType(type.TypeName!)!;
            }

            var member = current.Members.FirstOrDefault(m => m.JsonName == segment);
            if (member is null)
            {
                error = $"type {current.Name} has no member '{segment}'";
                return null;
            }

            steps.Add(new PathStep(member.JsonName, member.PropertyName));
            walked += "/" + segment;
            type = member.Type;
        }

        if (type is null)
        {
            error = "the pointer ends at a list item, not at a value";
            return null;
        }

        error = "";
        return (type.Kind, type, steps.ToEquatableArray());
    }

    private void Error(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, TextPosition position, int length, params string[] args)
    {
        if (descriptor.DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error) _failed = true;
        if (position.Source is { } source && source != _draft.Source && args.Length > 0)
        {
            // Something inherited broke (e.g. a rule whose member this version removed): the problem is this file's,
            // so report it here, at "parent", and say where the inherited part is written.
            args = (string[])args.Clone();
            args[args.Length - 1] += $" (inherited from {System.IO.Path.GetFileName(source.Path)}, line {position.Line + 1}; version {_draft.Version})";
            position = _draft.ParentPosition;
            length = (_draft.Parent?.Length ?? 0) + 2;
        }

        _diagnostics.Add(SchemaReader.Diag(_draft.Source, descriptor.Id, position, length, args));
    }
}
