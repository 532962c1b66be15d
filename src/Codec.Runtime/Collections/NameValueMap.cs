using Codec.Runtime.Text;

namespace Codec.Runtime.Collections;

/// <summary>One entry of a JSON object keyed by name, e.g. <c>"background": 0</c> of <c>segments_mapping</c>.</summary>
public readonly record struct NameValue(Utf8Text Name, long Value);

/// <summary>
/// A JSON object used as a name → integer map, in file order. Reusable and allocation-free after warm-up.
/// </summary>
public sealed class NameValueMap
{
    private readonly ValueList<NameValue> _entries = new();

    public int Count => _entries.Count;
    public NameValue this[int index] => _entries[index];
    public ReadOnlySpan<NameValue> Entries => _entries.AsSpan();

    public void Clear() => _entries.Clear();

    public void Add(Utf8Text name, long value) => _entries.Add(new NameValue(name, value));

    public bool TryGetValue(ReadOnlySpan<byte> name, out long value)
    {
        foreach (ref readonly var entry in _entries.AsSpan())
        {
            if (entry.Name.Equals(name))
            {
                value = entry.Value;
                return true;
            }
        }

        value = 0;
        return false;
    }
}
