using System.Text.Json.Nodes;
using Codec.Formats.Files;
using Codec.Generators.Emitting;
using Codec.Generators.Model;
using Codec.Tests.Infrastructure;

namespace Codec.Tests.Generator;

/// <summary>
/// The kinds of file a schema may declare are the runtime's registry (<see cref="FileKinds"/>): the generator's words,
/// the members it emits and the language's JSON Schema name the same kinds.
/// </summary>
public sealed class FileKindWordsTests
{
    [Fact]
    public void The_generator_and_the_runtime_name_the_same_kinds()
    {
        Assert.Equal(Words(KindUse.Render), FileKindWords.Render.Order());
        Assert.Equal(Words(KindUse.Dataset), FileKindWords.Dataset.Order());
        foreach (var word in FileKindWords.Render.Concat(FileKindWords.Dataset))
        {
            // What the generated contract refers to is the registry's member of that word.
            var kind = FileKinds.All.Single(k => k.Word == word).Kind;
            Assert.Equal("global::Codec.Formats.Files.FileKind." + kind, FileKindWords.Member(word));
        }
    }

    [Fact]
    public void The_language_schema_lists_the_same_kinds()
    {
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.Schemas, "codec.schema.json")))!;
        var enums = new List<string[]>();
        Collect(schema, enums);
        Assert.Contains(enums, e => e.SequenceEqual(FileKindWords.Render));
        Assert.Contains(enums, e => e.SequenceEqual(FileKindWords.Dataset));
    }

    [Fact]
    public void Every_kind_is_registered_once_at_its_place()
    {
        Assert.Equal(Enum.GetValues<FileKind>(), FileKinds.All.Select(k => k.Kind));
        Assert.Equal(FileKinds.All.Count, FileKinds.All.Select(k => k.Word).Distinct().Count());
        Assert.Equal(FileKind.Image, FileKinds.Of("a/1.rgb.tiff")!.Kind);
        // A .png is read as an image unless a contract says it is a mask.
        Assert.Equal(FileKind.Image, FileKinds.Of("a/1.segments.png")!.Kind);
        Assert.Equal(FileKind.MayaData, FileKinds.Of("shot.MCX")!.Kind);
        Assert.Null(FileKinds.Of("notes.txt"));
    }

    private static string[] Words(KindUse use) => FileKinds.All.Where(k => k.UsedBy.HasFlag(use)).Select(k => k.Word).Order().ToArray();

    private static void Collect(JsonNode? node, List<string[]> enums)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    if (key == "enum" && value is JsonArray a && a.All(v => v is JsonValue)) enums.Add(a.Select(v => v!.GetValue<string>()).ToArray());
                    else Collect(value, enums);
                }

                break;
            case JsonArray a:
                foreach (var item in a) Collect(item, enums);
                break;
        }
    }
}
