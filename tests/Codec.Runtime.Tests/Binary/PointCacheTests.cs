using System.Buffers;
using System.Buffers.Binary;
using Codec.Runtime.Binary.PointCache;
using Codec.Runtime.Findings;

namespace Codec.Tests.Binary;

/// <summary>PC2 point caches: the published 32-byte layout, exact length, round trip, hostile headers.</summary>
public sealed class PointCacheTests
{
    private static byte[] Cache(int frames, int vertices, out float[] positions)
    {
        positions = Enumerable.Range(0, frames * vertices * 3).Select(i => i * 0.25f - 7).ToArray();
        var output = new ArrayBufferWriter<byte>();
        PointCache2.Write(output, positions, vertices, startFrame: 1, sampleRate: 1);
        return output.WrittenSpan.ToArray();
    }

    [Fact]
    public void Written_caches_have_the_published_layout_and_read_back()
    {
        var bytes = Cache(frames: 4, vertices: 5, out var positions);
        Assert.Equal(32 + 4 * 5 * 12, bytes.Length);
        Assert.Equal("POINTCACHE2\0"u8.ToArray(), bytes[..12]);
        Assert.Equal(1, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(12)));
        Assert.Equal(5, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(16)));
        Assert.Equal(4, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(28)));

        var sink = new FindingSink();
        var pc2 = PointCache2.Decode(bytes, sink)!;
        Assert.Empty(sink.Findings);
        Assert.Equal((4, 5), (pc2.Frames, pc2.Vertices));
        Assert.Equal(positions, pc2.Positions.ToArray());
        Assert.Equal(1f, pc2.Header.StartFrame);
    }

    [Theory]
    [InlineData("short", "B806")]
    [InlineData("signature", "B801")]
    [InlineData("truncated", "B806")]
    [InlineData("extra bytes", "B808")]
    [InlineData("negative samples", "B807")]
    [InlineData("zero points", "B807")]
    [InlineData("huge claim", "B807")]
    [InlineData("large claim", "B806")]
    public void A_broken_cache_is_one_located_error(string what, string code)
    {
        var bytes = Cache(3, 2, out _);
        switch (what)
        {
            case "short": bytes = bytes[..20]; break;
            case "signature": bytes[0] = (byte)'X'; break;
            case "truncated": bytes = bytes[..^4]; break;
            case "extra bytes": bytes = bytes.Concat(new byte[12]).ToArray(); break;
            case "negative samples": BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(28), -1); break;
            case "zero points": BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(16), 0); break;
            case "large claim":
                BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(16), 1_000_000);
                BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(28), 1_000_000);
                break;
            case "huge claim":
                BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(16), int.MaxValue);
                BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(28), int.MaxValue);
                break;
        }

        var sink = new FindingSink();
        Assert.Null(PointCache2.Decode(bytes, sink));
        var f = Assert.Single(sink.Findings);
        Assert.Equal(code, f.Code);
        Assert.True(f.Offset >= 0);
    }

    [Fact]
    public void A_version_other_than_1_is_a_warning()
    {
        var bytes = Cache(1, 1, out _);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(12), 2);
        var sink = new FindingSink();
        Assert.NotNull(PointCache2.Decode(bytes, sink));
        Assert.Equal(Severity.Warning, Assert.Single(sink.Findings).Severity);
    }
}
