namespace Codec.Formats.Files;

/// <summary>How codec reads a file: one kind per way of reading, shared by the render contract, the dataset contract, <c>inspect</c> and <c>validate</c>.</summary>
public enum FileKind
{
    /// <summary>A JSON document of a schema'd format: a render's info.json, which every other file of the render is checked against.</summary>
    Info,

    /// <summary>A PNG or TIFF image.</summary>
    Image,

    /// <summary>A PNG of class values, named by a mapping of the info.json.</summary>
    Mask,

    /// <summary>An OpenEXR image with several passes.</summary>
    Exr,

    /// <summary>A Wavefront OBJ mesh.</summary>
    Mesh,

    /// <summary>Channels of a render's EXR standing for an image the render has no file of (no file of its own).</summary>
    Pass,

    /// <summary>WAV audio.</summary>
    Wav,

    /// <summary>A NumPy array.</summary>
    Npy,

    /// <summary>A NumPy archive of arrays.</summary>
    Npz,

    /// <summary>A Point Cache 2 animation.</summary>
    Pc2,

    /// <summary>A Maya cache: its XML description, with its data file beside it.</summary>
    Maya,

    /// <summary>A Maya cache's data file (.mc, .mcx), read through its description.</summary>
    MayaData,

    /// <summary>A JSON file of a dataset whose members the dataset contract checks (vertex lists, solver settings).</summary>
    Json,
}

/// <summary>Which contracts may declare files of a kind.</summary>
[Flags]
public enum KindUse
{
    None = 0,

    /// <summary>A render contract (<c>"kind"</c> of a render's file).</summary>
    Render = 1,

    /// <summary>A dataset contract (<c>"kind"</c> of a dataset's file).</summary>
    Dataset = 2,
}

/// <summary>
/// One kind of file: the word schema files name it by, what users call it, the extensions it goes by (the first is
/// the usual one), which contracts declare it, and whether it is checked with the folder it belongs to (an image or a
/// cache means something only beside its render's or dataset's other files).
/// </summary>
public sealed record FileKindInfo(FileKind Kind, string Word, string Title, IReadOnlyList<string> Extensions, KindUse UsedBy, bool ReadWithItsFolder);

/// <summary>
/// Every kind of file codec reads, registered once. The render and dataset contracts name their files' kinds by
/// <see cref="FileKindInfo.Word"/> (the generator checks the words against its copy, a test holds the two equal);
/// <c>inspect</c> picks how to describe a file by its extension here, and <c>validate</c> tells a user who names an
/// image or a cache that it is checked with its folder.
/// </summary>
public static class FileKinds
{
    public static IReadOnlyList<FileKindInfo> All { get; } =
    [
        new(FileKind.Info, "info", "Synthesis info.json", [".json"], KindUse.Render, false),
        new(FileKind.Image, "image", "PNG or TIFF image", [".png", ".tif", ".tiff"], KindUse.Render, true),
        new(FileKind.Mask, "mask", "label mask", [".png"], KindUse.Render, true),
        new(FileKind.Exr, "exr", "OpenEXR image", [".exr"], KindUse.Render, true),
        new(FileKind.Mesh, "mesh", "Wavefront mesh", [".obj"], KindUse.Render, true),
        new(FileKind.Pass, "pass", "pass of a render's EXR", [], KindUse.Render, true),
        new(FileKind.Wav, "wav", "WAV audio", [".wav"], KindUse.Dataset, true),
        new(FileKind.Npy, "npy", "NumPy array", [".npy"], KindUse.Dataset, true),
        new(FileKind.Npz, "npz", "NumPy archive", [".npz"], KindUse.Dataset, true),
        new(FileKind.Pc2, "pc2", "Point Cache 2", [".pc2"], KindUse.Dataset, true),
        new(FileKind.Maya, "maya", "Maya cache (.xml + data)", [".xml"], KindUse.Dataset, true),
        new(FileKind.MayaData, "maya-data", "Maya cache data", [".mc", ".mcx"], KindUse.None, true),
        new(FileKind.Json, "json", "dataset JSON file", [".json"], KindUse.Dataset, false),
    ];

    /// <summary>The registration of <paramref name="kind"/>.</summary>
    public static FileKindInfo Get(FileKind kind) => All[(int)kind];

    /// <summary>
    /// The kind a file is read as by its name alone (the first registered with its extension: a <c>.png</c> is an
    /// image, a <c>.json</c> an info.json), or null for an extension codec does not read.
    /// </summary>
    public static FileKindInfo? Of(string path)
    {
        string extension = Path.GetExtension(path);
        return All.FirstOrDefault(k => k.Extensions.Contains(extension, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>The extensions codec reads, as a user would list them (<c>.npy, .npz, …</c>).</summary>
    public static string ExtensionList => string.Join(", ", All.SelectMany(k => k.Extensions).Distinct());
}
