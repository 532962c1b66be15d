using System.Text.Json;

namespace Codec.Native;

/// <summary>A request to an open folder or dataset: <c>{"op": "image", "render": 3, "name": "depth"}</c>.</summary>
internal sealed class Request
{
    private readonly JsonElement _root;

    private Request(JsonElement root) => _root = root;

    public string Op => Text("op") ?? throw new BindingException("a request names its op");

    public static Request Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new BindingException("a request is a JSON object: " + e.Message);
        }

        return document.RootElement.ValueKind == JsonValueKind.Object ? new Request(document.RootElement.Clone()) : throw new BindingException("a request is a JSON object");
    }

    public string? Text(string name) => _root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public bool Flag(string name) => _root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    /// <summary>An index below <paramref name="count"/> (a render's, a shot's).</summary>
    public int Index(string name, int count)
    {
        if (!_root.TryGetProperty(name, out var value) || !value.TryGetInt32(out int index)) throw new BindingException($"the request gives no {name} index");
        return index >= 0 && index < count ? index : throw new BindingException($"{name} {index} is out of range: there are {count}");
    }
}
