using Codec.Formats.Files;
using Codec.Runtime.Findings;

namespace Codec.Formats.Datasets;

/// <summary>
/// Everything a cross-file rule sees: the layout, the files read (in path order), the bound dimensions, the frame
/// rate the user gave (<c>--fps</c>), and where findings go (by the relative path they concern).
/// </summary>
public sealed record DatasetRuleContext(DatasetContract Contract, IReadOnlyList<FileFacts> Files, DimensionBinder Dimensions, double? FramesPerSecond,
    Action<string, Finding> Report)
{
    public FileFacts? ByPath(string relative) => Files.FirstOrDefault(f => f.File.RelativePath == relative);

    /// <summary>What rules learnt about the instances, for the facts a report draws; shared by every copy of the context.</summary>
    public InstanceLabels Labels { get; init; } = new();

    /// <summary>True when <paramref name="relative"/> names an archive file of the layout (whose members may be instances).</summary>
    public bool IsArchive(string relative) =>
        Contract.Folders.Any(folder => folder.Files.Any(file => file.Kind == FileKind.Npz && folder.Path + "/" + file.Name == relative));

    /// <summary>
    /// The instances of <paramref name="placeholder"/> that <paramref name="where"/> holds: files of a folder (a
    /// folder pattern such as <c>cache/skin/{shot}</c>, or a plain folder whose file names bind it), or the members
    /// of an archive claimed by <c>{placeholder}</c>. Each comes with the path to report at and, where the folder
    /// has another placeholder (<c>audio/aug/{voice}</c>), that placeholder's value as its group.
    /// </summary>
    public IEnumerable<Instance> Instances(string where, string placeholder)
    {
        foreach (var f in Files)
        {
            if (f.File.Folder.Path == where && f.File.Bound(placeholder) is { } value)
            {
                string? group = f.File.Bindings.Where(b => b.Key != placeholder).Select(b => b.Value).FirstOrDefault();
                yield return new Instance(value, group, InstancePath(f.File, where, placeholder));
            }
            else if (f.File.RelativePath == where && f.Readable && f.File.Spec.Members.Any(m => m.Key == "{" + placeholder + "}"))
            {
                var named = f.File.Spec.Members.Where(m => !MemberSpecs.IsPattern(m.Key)).Select(m => m.Key).ToHashSet(StringComparer.Ordinal);
                foreach (var key in f.Members.Keys.Where(k => !named.Contains(k)).Order(StringComparer.Ordinal))
                    yield return new Instance(key, null, f.File.RelativePath);
            }
        }
    }

    // A folder instance is reported at its folder (cache/skin/cp1), a file that binds the instance by its name at the file.
    private static string InstancePath(DatasetFile file, string folderPattern, string placeholder)
    {
        string token = "{" + placeholder + "}";
        return folderPattern.Contains(token, StringComparison.Ordinal) ? Substitute(folderPattern, file.Bindings) : file.RelativePath;
    }

    private static string Substitute(string pattern, IReadOnlyList<KeyValuePair<string, string>> bindings)
    {
        foreach (var (name, value) in bindings) pattern = pattern.Replace("{" + name + "}", value, StringComparison.Ordinal);
        return pattern;
    }
}

/// <summary>One instance of a placeholder: its value, its group (another placeholder's value) and where to report it.</summary>
/// <summary>What the rules of a dataset learnt that its files do not say themselves.</summary>
public sealed class InstanceLabels
{
    /// <summary>The emotion of each instance (by <c>placeholder=value</c>, as a file's bindings say it).</summary>
    public Dictionary<string, string> Emotions { get; } = new(StringComparer.Ordinal);

    /// <summary>The frame rate the dataset's caches are played at (declared by a cache, else given, else the layout's default).</summary>
    public double? FramesPerSecond { get; set; }
}

public readonly record struct Instance(string Value, string? Group, string ReportAt);
