using System.Runtime.InteropServices;

namespace Codec.Native;

/// <summary>
/// What the caller holds by number: open folders and datasets, and the arrays handed out (pinned until released).
/// Numbers are never reused, so a stale one is an error, not someone else's object.
/// </summary>
internal static class Handles
{
    private static readonly Lock Gate = new();
    private static readonly Dictionary<long, object> Held = new();
    private static long _last;

    public static long Add(object value)
    {
        lock (Gate)
        {
            long id = ++_last;
            Held[id] = value;
            return id;
        }
    }

    public static T Get<T>(long id, string what) where T : class
    {
        lock (Gate)
        {
            return Held.TryGetValue(id, out var value) && value is T typed ? typed : throw new BindingException($"no open {what} has handle {id} (closed, or never opened)");
        }
    }

    public static void Remove(long id)
    {
        object? value;
        lock (Gate)
        {
            if (!Held.Remove(id, out value)) return;
        }

        (value as IDisposable)?.Dispose();
    }

    /// <summary>Hands <paramref name="array"/> out where it is: pinned, so the caller reads it without a copy until it releases the token.</summary>
    public static NativeArray Pin(Array array, long bytes)
    {
        var pinned = new PinnedArray(GCHandle.Alloc(array, GCHandleType.Pinned));
        return new NativeArray { Data = pinned.Handle.AddrOfPinnedObject(), Bytes = bytes, Token = Add(pinned) };
    }

    private sealed class PinnedArray(GCHandle handle) : IDisposable
    {
        public GCHandle Handle { get; } = handle;

        public void Dispose() => Handle.Free();
    }
}
