using System.Text;
using Codec.Runtime.Findings;
using Codec.Runtime.Json;

namespace Codec.Native;

/// <summary>
/// A request to an open folder or dataset: <c>{"op": "image", "render": 3, "name": "depth"}</c>, read with Codec's own
/// JSON reader (as everything the library reads is).
/// </summary>
internal sealed class Request
{
    private readonly JsonNode _root;

    private Request(JsonNode root) => _root = root;

    public string Op => Text("op") ?? throw new BindingException("a request names its op");

    public static Request Parse(string json) =>
        Read(json) is { IsObject: true } root ? new Request(root) : throw new BindingException("a request is a JSON object");

    /// <summary>Arguments as on the command line: a JSON array of strings.</summary>
    public static string[] Arguments(string json)
    {
        if (Read(json) is not { IsArray: true } root || root.Items.Any(i => !i.IsString)) throw new BindingException("validate's arguments are a JSON array of strings");
        return root.Items.Select(i => i.Text!).ToArray();
    }

    public string? Text(string name) => _root[name] is { IsString: true } value ? value.Text : null;

    public bool Flag(string name) => _root[name] is { Kind: JsonKind.True };

    /// <summary>An index below <paramref name="count"/> (a render's, a shot's).</summary>
    public int Index(string name, int count)
    {
        if (_root[name] is not { IsInteger: true } value) throw new BindingException($"the request gives no {name} index");
        return value.Integer >= 0 && value.Integer < count ? (int)value.Integer : throw new BindingException($"{name} {value.Integer} is out of range: there are {count}");
    }

    private static JsonNode? Read(string json)
    {
        var sink = new FindingSink();
        return JsonTree.Parse(Encoding.UTF8.GetBytes(json), sink) ?? throw new BindingException("a request is JSON: " + string.Join("; ", sink.Findings.Select(f => f.Message)));
    }
}
