using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Codec.Generators.Diagnostics;
using Codec.Generators.Model;
using Codec.Tests.Infrastructure;

namespace Codec.Tests.Generator;

/// <summary>
/// The schema language's type words are defined once (<see cref="TypeVocabulary"/>): the JSON Schema an editor checks
/// schema files with, the descriptions of members and CODEC004's message all come from that table.
/// </summary>
public sealed class TypeVocabularyTests
{
    private static string SchemaPath => Path.Combine(TestPaths.Schemas, "codec.schema.json");

    [Fact]
    public void The_json_schema_lists_the_vocabulary()
    {
        var file = JsonNode.Parse(File.ReadAllText(SchemaPath))!.AsObject();
        var defs = file["$defs"]!.AsObject();
        var typeExpression = new JsonObject
        {
            ["description"] = TypeVocabulary.ModelWords + ", list<T>, or a declared type name.",
            ["type"] = "string",
            ["anyOf"] = new JsonArray(
                new JsonObject { ["enum"] = new JsonArray([.. TypeVocabulary.Words.Select(w => (JsonNode)w.Text), .. TypeVocabulary.ListWords.Select(w => (JsonNode)w)]) },
                new JsonObject { ["pattern"] = "^list<[A-Za-z_][A-Za-z0-9_]*>$" },
                new JsonObject { ["pattern"] = "^[A-Za-z_][A-Za-z0-9_]*$" }),
        };
        var viewWords = TypeVocabulary.Words.Where(w => w.View is not null).Select(w => Regex.Escape(w.Text).Replace("]", "\\]"));
        var viewType = new JsonObject
        {
            ["type"] = "string",
            ["description"] = TypeVocabulary.ViewWords + ", a view of this file, or list<view>.",
            ["pattern"] = "^(" + string.Join("|", viewWords) + "|[A-Za-z_][A-Za-z0-9_]*|list<[A-Za-z_][A-Za-z0-9_]*>)$",
        };
        // A dataset JSON field: a number or a list of numbers, in the same words.
        var fieldType = new JsonObject { ["enum"] = new JsonArray([.. DatasetFieldTypes.Words.Select(w => (JsonNode)w)]) };
        var fieldProperties = defs["jsonField"]!["properties"]!.AsObject();
        bool same = JsonNode.DeepEquals(defs["typeExpression"], typeExpression) && JsonNode.DeepEquals(defs["viewType"], viewType)
            && JsonNode.DeepEquals(fieldProperties["type"], fieldType);
        if (!same && Snapshot.Accepting)
        {
            defs["typeExpression"] = typeExpression;
            defs["viewType"] = viewType;
            fieldProperties["type"] = fieldType;
            File.WriteAllText(SchemaPath, CompactJson.Write(file) + "\n");
            return;
        }

        Assert.True(same, "codec.schema.json's $defs/typeExpression, $defs/viewType or $defs/jsonField/properties/type differ from the type vocabulary; CODEC_ACCEPT_SNAPSHOTS=1 rewrites them.\n"
            + CompactJson.Write(new JsonObject { ["typeExpression"] = typeExpression.DeepClone(), ["viewType"] = viewType.DeepClone(), ["jsonFieldType"] = fieldType.DeepClone() }));
        foreach (var word in TypeVocabulary.Words.Where(w => w.View is not null)) Assert.Matches(viewType["pattern"]!.GetValue<string>(), word.Text);
    }

    [Fact]
    public void Every_kind_with_a_word_has_exactly_one_and_the_messages_list_them()
    {
        var named = Enum.GetValues<ValueKind>().Except([ValueKind.Object, ValueKind.Enum, ValueKind.List]);
        Assert.Equal(named.Order(), TypeVocabulary.Words.Select(w => w.Model).Order());
        var viewNamed = Enum.GetValues<ViewValueKind>().Except([ViewValueKind.View, ViewValueKind.ViewList]);
        Assert.Equal(viewNamed.Order(), TypeVocabulary.Words.Where(w => w.View is not null).Select(w => w.View!.Value).Order());
        Assert.Equal(TypeVocabulary.Words.Count, TypeVocabulary.Words.Select(w => w.Text).Distinct().Count());
        string unknownType = DiagnosticDescriptors.UnknownType.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var word in TypeVocabulary.Words) Assert.Contains(word.Text, unknownType);
        foreach (var word in TypeVocabulary.Words)
        {
            Assert.Equal(word.Model, TypeVocabulary.ModelKind(word.Text));
            Assert.Equal(word.Text, new TypeRef(word.Model).Describe());
        }
    }
}
