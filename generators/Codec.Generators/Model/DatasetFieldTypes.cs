using System.Collections.Generic;
using System.Linq;

namespace Codec.Generators.Model;

/// <summary>
/// The types a dataset JSON field may have: a number or a list of numbers, written with the schema language's words
/// (<see cref="TypeVocabulary"/>), and the runtime's <c>JsonFieldType</c> member each becomes.
/// </summary>
internal static class DatasetFieldTypes
{
    private static readonly ValueKind[] Numbers = [ValueKind.Int, ValueKind.Float];

    /// <summary>The words a field may use: <c>int, float, list&lt;int&gt;, list&lt;float&gt;</c>.</summary>
    public static IEnumerable<string> Words =>
        Numbers.Select(k => TypeVocabulary.TextOf(k)!).Concat(Numbers.Select(k => "list<" + TypeVocabulary.TextOf(k) + ">"));

    /// <summary>The <c>JsonFieldType</c> member a word names (<c>list&lt;int&gt;</c> → <c>IntList</c>), or null.</summary>
    public static string? Member(string word)
    {
        foreach (var kind in Numbers)
        {
            string text = TypeVocabulary.TextOf(kind)!;
            if (word == text) return kind.ToString();
            if (word == "list<" + text + ">") return kind + "List";
        }

        return null;
    }
}
