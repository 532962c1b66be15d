using System.Collections;

namespace Codec.Runtime.Collections;

/// <summary>A reusable list of values (numbers, texts, vectors). <see cref="Clear"/> keeps the capacity.</summary>
public sealed class ValueList<T> : IReadOnlyList<T> where T : struct
{
    private T[] _items = Array.Empty<T>();
    private int _count;

    public int Count => _count;

    public T this[int index] => (uint)index < (uint)_count ? _items[index] : throw new ArgumentOutOfRangeException(nameof(index));

    public void Clear() => _count = 0;

    public void Add(in T item)
    {
        if (_count == _items.Length)
        {
            Array.Resize(ref _items, Math.Max(4, _items.Length * 2));
        }

        _items[_count++] = item;
    }

    public ReadOnlySpan<T> AsSpan() => new(_items, 0, _count);

    public ReadOnlySpan<T>.Enumerator GetEnumerator() => AsSpan().GetEnumerator();
    IEnumerator<T> IEnumerable<T>.GetEnumerator() => AsEnumerable().GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => AsEnumerable().GetEnumerator();

    private IEnumerable<T> AsEnumerable()
    {
        for (int i = 0; i < _count; i++) yield return _items[i];
    }
}
