using Codec.Runtime.Findings;

namespace Codec.Runtime.Binary.Image;

/// <summary>
/// Any image file a render's modalities come in, told apart by its first bytes, not its name: PNG and TIFF are
/// decoded into <see cref="ImagePixels"/>, and an OpenEXR render as its beauty pass (R, G and B of its first part, or
/// its first channel when it has no colour; every channel is <see cref="Exr.ExrPixels"/>'s); anything else is a
/// located finding.
/// </summary>
public static class ImageFile
{
    public static ImagePixels? Decode(ReadOnlySpan<byte> bytes, FindingSink sink, string path = "")
    {
        if (PngChunks.HasSignature(bytes)) return PngDecoder.Decode(bytes, sink, path);
        if (TiffDecoder.HasSignature(bytes) || (bytes.Length >= 4 && (bytes[..4].SequenceEqual("II+\0"u8) || bytes[..4].SequenceEqual("MM\0+"u8))))
            return TiffDecoder.Decode(bytes, sink, path);
        if (bytes.Length >= 4 && bytes[..4].SequenceEqual((ReadOnlySpan<byte>)[0x76, 0x2F, 0x31, 0x01])) return Beauty(bytes, sink, path);
        sink.ReportAt(FindingCodes.BadSignature, path, 0, "neither a PNG, a TIFF nor an OpenEXR file (by its first bytes)");
        return null;
    }

    private static ImagePixels? Beauty(ReadOnlySpan<byte> bytes, FindingSink sink, string path)
    {
        if (Exr.ExrFile.Decode(bytes, sink, path) is not { Parts.Count: > 0 } exr || Exr.ExrPixels.Decode(bytes, exr, 0, sink, path) is not { Count: > 0 } channels) return null;
        string[] names = channels.ContainsKey("R") && channels.ContainsKey("G") && channels.ContainsKey("B") ? ["R", "G", "B"] : [channels.Keys.Order(StringComparer.Ordinal).First()];
        var pixels = names.Length == 1 ? channels[names[0]] : ImagePixels.Interleave(names.Select(n => channels[n]).ToList());
        return new ImagePixels(pixels.Width, pixels.Height, pixels.Channels, pixels.Kind, pixels.Data) { Format = $"OpenEXR {string.Join(", ", names)} of {channels.Count} channels ({exr.Parts[0].Compression})" };
    }

    /// <summary>Reads <paramref name="path"/> through the input gate (at most <paramref name="maxBytes"/>) and decodes it.</summary>
    public static ImagePixels? Read(string path, FindingSink sink, long maxBytes = Files.InputFile.DefaultMaxBytes)
    {
        byte[] buffer = [];
        int length = Files.InputFile.ReadAll(path, maxBytes, ref buffer, sink);
        return length < 0 ? null : Decode(buffer.AsSpan(0, length), sink, path);
    }
}
