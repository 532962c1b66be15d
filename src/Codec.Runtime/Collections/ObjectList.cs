using System.Collections;

namespace Codec.Runtime.Collections;

/// <summary>
/// A list of reusable model objects. <see cref="Clear"/> keeps the instances; <see cref="AddSlot"/> hands back
/// an existing one when it can, so decoding a document of the same shape again allocates nothing.
/// </summary>
public sealed class ObjectList<T> : IReadOnlyList<T> where T : class, new()
{
    private T[] _items = Array.Empty<T>();
    private int _count;

    public int Count => _count;

    public T this[int index] => (uint)index < (uint)_count ? _items[index] : throw new ArgumentOutOfRangeException(nameof(index));

    public void Clear() => _count = 0;

    /// <summary>Returns the next element to fill in, reusing a previous document's instance when there is one.</summary>
    public T AddSlot()
    {
        if (_count == _items.Length)
        {
            Array.Resize(ref _items, Math.Max(4, _items.Length * 2));
        }

        var item = _items[_count] ??= new T();
        _count++;
        return item;
    }

    /// <summary>Drops the last slot (used when an element turned out to be unusable).</summary>
    public void RemoveLast()
    {
        if (_count > 0) _count--;
    }

    public ReadOnlySpan<T> AsSpan() => new(_items, 0, _count);

    public Enumerator GetEnumerator() => new(this);
    IEnumerator<T> IEnumerable<T>.GetEnumerator() => AsEnumerable().GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => AsEnumerable().GetEnumerator();

    private IEnumerable<T> AsEnumerable()
    {
        for (int i = 0; i < _count; i++) yield return _items[i];
    }

    public struct Enumerator
    {
        private readonly ObjectList<T> _list;
        private int _index;

        internal Enumerator(ObjectList<T> list)
        {
            _list = list;
            _index = -1;
        }

        public bool MoveNext() => ++_index < _list._count;
        public readonly T Current => _list._items[_index];
    }
}
