using System.Runtime.CompilerServices;

namespace Codec.Runtime.Binary.Image;

/// <summary>
/// Where the image decoders and conversions take their large arrays. By default each is a new array its caller owns
/// for good. Within a <see cref="Scope"/> (a folder check enters one per render, on the worker's thread) they come from
/// that thread's pool and go back to it when the scope ends, so nothing decoded within a scope may be kept past it.
/// The renders of a job are of one size: after the first, a render's images are decoded into memory that is already
/// the process's. New large arrays cost a page fault per 4 KB when first written and the collections that hand their
/// memory back to the system; on a job of 512 × 512 renders that was a third of the CPU time.
/// </summary>
public static class ImageArrays
{
    // Smaller arrays are left to the collector's nursery, which reuses its memory by itself.
    private const int PooledBytes = 64 << 10;

    // What a thread keeps between scopes beyond the arrays its last scope used: a job's renders need the same arrays
    // again, a folder of mixed sizes does not grow the pool without bound.
    private const long KeptBytes = 64L << 20;

    [ThreadStatic] private static Pool? t_pool;

    /// <summary>
    /// Starts lending this thread's arrays until the scope is disposed (on the same thread). Within a scope already
    /// open, a scope that does nothing: the outer one takes everything back.
    /// </summary>
    public static Scope Enter()
    {
        var pool = t_pool ??= new Pool();
        if (pool.Active) return default;
        pool.Active = true;
        return new Scope(pool);
    }

    /// <summary>An array of exactly <paramref name="length"/> elements whose contents are undefined: the caller writes every element it reads.</summary>
    public static T[] Uninitialized<T>(int length) where T : unmanaged
    {
        var pool = t_pool;
        if (pool is not { Active: true } || (long)length * Unsafe.SizeOf<T>() < PooledBytes) return GC.AllocateUninitializedArray<T>(length);
        return pool.Take<T>(length);
    }

    /// <summary>
    /// An array of at least <paramref name="length"/> elements, contents undefined, for a buffer filled to a length
    /// that differs from file to file (a PNG's compressed data): within a scope its length is rounded up to a power of
    /// two, so that files of about one size share it.
    /// </summary>
    public static T[] AtLeast<T>(int length) where T : unmanaged
    {
        bool pooled = t_pool is { Active: true } && (long)length * Unsafe.SizeOf<T>() >= PooledBytes;
        return Uninitialized<T>(pooled ? (int)Math.Min(System.Numerics.BitOperations.RoundUpToPowerOf2((uint)length), Array.MaxLength) : length);
    }

    /// <summary>
    /// Replaces <paramref name="buffer"/> with a larger one of <paramref name="length"/> elements holding its first
    /// <paramref name="keep"/>; the rest is undefined (the decoders write what they read).
    /// </summary>
    public static void Grow<T>(ref T[] buffer, int length, int keep) where T : unmanaged
    {
        var larger = Uninitialized<T>(length);
        buffer.AsSpan(0, keep).CopyTo(larger);
        buffer = larger;
    }

    /// <summary>An open scope: disposing it returns what was lent within it to the thread's pool.</summary>
    public readonly struct Scope : IDisposable
    {
        private readonly Pool? _pool;

        internal Scope(Pool pool) => _pool = pool;

        public void Dispose() => _pool?.End();
    }

    internal sealed class Pool
    {
        // Free arrays by element type and length; every array the pool has made, with its size and the scope that last used it.
        private readonly Dictionary<(Type Type, int Length), Stack<Array>> _free = new();
        private readonly Dictionary<Array, (long Bytes, long Scope)> _known = new(ReferenceEqualityComparer.Instance);
        private readonly List<(Array Array, (Type, int) Key)> _lent = new();
        private long _scope, _freeBytes, _scopeBytes;

        public bool Active { get; set; }

        public T[] Take<T>(int length) where T : unmanaged
        {
            long bytes = (long)length * Unsafe.SizeOf<T>();
            T[] array;
            if (_free.TryGetValue((typeof(T), length), out var stack) && stack.Count > 0)
            {
                array = (T[])stack.Pop();
                _freeBytes -= bytes;
            }
            else
            {
                array = GC.AllocateUninitializedArray<T>(length);
            }

            _lent.Add((array, (typeof(T), length)));
            _known[array] = (bytes, _scope);
            _scopeBytes += bytes;
            return array;
        }

        public void End()
        {
            foreach (var (array, key) in _lent)
            {
                if (!_free.TryGetValue(key, out var stack)) _free[key] = stack = new Stack<Array>();
                stack.Push(array);
                _freeBytes += _known[array].Bytes;
            }

            _lent.Clear();
            if (_freeBytes > _scopeBytes + KeptBytes) Trim(_scopeBytes + KeptBytes);
            _scope++;
            _scopeBytes = 0;
            Active = false;
        }

        // Lets go of arrays the scope just ended did not use until what stays fits the allowance.
        private void Trim(long allowance)
        {
            foreach (var key in _free.Keys.ToList())
            {
                var kept = new Stack<Array>();
                foreach (var array in _free[key])
                {
                    var (bytes, scope) = _known[array];
                    if (scope != _scope && _freeBytes > allowance)
                    {
                        _freeBytes -= bytes;
                        _known.Remove(array);
                    }
                    else
                    {
                        kept.Push(array);
                    }
                }

                if (kept.Count == 0) _free.Remove(key);
                else _free[key] = kept;
            }
        }
    }
}
