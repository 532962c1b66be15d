using Codec.Runtime.Binary.Image;

namespace Codec.Tests.Runtime;

/// <summary>The arrays a folder check's renders lend and take back: reused within a thread, never while lent.</summary>
public sealed class ImageArraysTests
{
    [Fact]
    public void Outside_a_scope_every_array_is_new()
    {
        var first = ImageArrays.Uninitialized<float>(1 << 20);
        var second = ImageArrays.Uninitialized<float>(1 << 20);
        Assert.NotSame(first, second);
        Assert.Equal(1 << 20, first.Length);
    }

    [Fact]
    public void A_scope_lends_distinct_arrays_and_the_next_scope_gets_them_again()
    {
        float[] a, b;
        using (ImageArrays.Enter())
        {
            a = ImageArrays.Uninitialized<float>(1 << 20);
            b = ImageArrays.Uninitialized<float>(1 << 20);
            Assert.NotSame(a, b); // both are in use until the scope ends
        }

        using (ImageArrays.Enter())
        {
            var again = new[] { ImageArrays.Uninitialized<float>(1 << 20), ImageArrays.Uninitialized<float>(1 << 20) };
            Assert.Contains(again, x => ReferenceEquals(x, a));
            Assert.Contains(again, x => ReferenceEquals(x, b));
            // Another element type or length is another array.
            Assert.NotSame(a, (object)ImageArrays.Uninitialized<int>(1 << 20));
            Assert.Equal(1 << 19, ImageArrays.Uninitialized<float>(1 << 19).Length);
        }
    }

    [Fact]
    public void A_scope_within_a_scope_takes_nothing_back_early()
    {
        using (ImageArrays.Enter())
        {
            float[] inner;
            using (ImageArrays.Enter()) inner = ImageArrays.Uninitialized<float>(1 << 20);
            Assert.NotSame(inner, ImageArrays.Uninitialized<float>(1 << 20));
        }
    }

    [Fact]
    public void Small_arrays_are_left_to_the_collector()
    {
        byte[] small;
        using (ImageArrays.Enter()) small = ImageArrays.Uninitialized<byte>(100);
        using (ImageArrays.Enter()) Assert.NotSame(small, ImageArrays.Uninitialized<byte>(100));
    }

    [Fact]
    public void Growing_keeps_what_was_written()
    {
        using var scope = ImageArrays.Enter();
        var buffer = ImageArrays.Uninitialized<ushort>(1 << 16);
        for (int i = 0; i < 100; i++) buffer[i] = (ushort)(i * 7);
        ImageArrays.Grow(ref buffer, 1 << 18, 100);
        Assert.Equal(1 << 18, buffer.Length);
        for (int i = 0; i < 100; i++) Assert.Equal((ushort)(i * 7), buffer[i]);
    }

    [Fact]
    public void What_a_thread_keeps_beyond_its_last_scope_is_bounded()
    {
        // Scopes of ever new sizes (a folder of mixed renders): the pool lets go of the old ones.
        var old = new List<WeakReference>();
        for (int size = 1; size <= 12; size++)
        {
            using (ImageArrays.Enter()) old.Add(new WeakReference(ImageArrays.Uninitialized<byte>((16 << 20) + size)));
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        int alive = old.Count(w => w.IsAlive);
        Assert.InRange(alive, 1, 5); // the last scope's array plus at most 64 MB of the others
    }
}
