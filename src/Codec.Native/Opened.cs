using System.Text.Json;
using Codec.Formats.A2f;
using Codec.Formats.Validation.Runs;

namespace Codec.Native;

/// <summary>An open Synthesis output folder or Audio2Face-3D dataset, as the caller holds it by handle.</summary>
internal abstract class Opened
{
    /// <summary>Values as JSON: a render's views, a vertex list.</summary>
    public abstract void Query(Request request, Utf8JsonWriter w);

    /// <summary>A file decoded into an array the answer describes.</summary>
    public abstract NativeArray Read(Request request, Utf8JsonWriter w);

    public static Opened Get(long handle) => Handles.Get<Opened>(handle, "folder or dataset");

    /// <summary>Opens <paramref name="path"/> as what it is, writes its listing, and answers its handle.</summary>
    public static long Open(string path, Utf8JsonWriter w)
    {
        if (!Directory.Exists(path)) throw new BindingException(File.Exists(path) ? $"{path} is a file: open a Synthesis output folder or an Audio2Face-3D dataset" : "no such folder: " + path);
        Opened opened = A2fTrainingData.IsDataset(path) ? new DatasetBinding(A2fTrainingData.Open(path))
            : Codec.Formats.Validation.Folders.SynthesisFolderChecker.IsOutputFolder(path) ? new SynthesisBinding(Codec.Formats.Synthesis.SynthesisOutput.Open(path))
            : throw new BindingException($"{path} is neither a Synthesis output folder (a metadata.jsonl or info.json files) nor an Audio2Face-3D dataset; codec.open_all finds those below it");
        opened.List(w);
        return Handles.Add(opened);
    }

    /// <summary>Writes <c>{"units": [{"kind": "synthesis" | "a2f", "path"}]}</c>: what <c>codec validate</c> would check as folders and datasets under <paramref name="root"/>.</summary>
    public static void Find(string root, Utf8JsonWriter w)
    {
        if (UnitFinder.Find([root], () => throw new BindingException("standard input is not a folder"), out string error) is not { } found) throw new BindingException(error);
        w.WriteStartObject();
        w.WriteStartArray("units");
        foreach (var unit in found.Units)
        {
            if (unit.Kind is not (UnitKind.Folder or UnitKind.Dataset)) continue;
            w.WriteStartObject();
            w.WriteString("kind", unit.Kind == UnitKind.Folder ? "synthesis" : "a2f");
            w.WriteString("path", unit.Path);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    protected abstract void List(Utf8JsonWriter w);
}
