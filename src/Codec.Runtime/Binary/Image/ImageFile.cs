using Codec.Runtime.Findings;

namespace Codec.Runtime.Binary.Image;

/// <summary>
/// Any image file a render's modalities come in, told apart by its first bytes, not its name: PNG and TIFF are
/// decoded into <see cref="ImagePixels"/>; anything else (an OpenEXR render among them, whose header
/// <see cref="Exr.ExrFile"/> reads) is a located finding.
/// </summary>
public static class ImageFile
{
    public static ImagePixels? Decode(ReadOnlySpan<byte> bytes, FindingSink sink, string path = "")
    {
        if (PngChunks.HasSignature(bytes)) return PngDecoder.Decode(bytes, sink, path);
        if (TiffDecoder.HasSignature(bytes) || (bytes.Length >= 4 && (bytes[..4].SequenceEqual("II+\0"u8) || bytes[..4].SequenceEqual("MM\0+"u8))))
            return TiffDecoder.Decode(bytes, sink, path);
        bool exr = bytes.Length >= 4 && bytes[..4].SequenceEqual((ReadOnlySpan<byte>)[0x76, 0x2F, 0x31, 0x01]);
        sink.ReportAt(exr ? FindingCodes.UnsupportedElementType : FindingCodes.BadSignature, path, 0,
            exr ? "an OpenEXR image: codec reads its header (codec inspect), not its pixels" : "neither a PNG nor a TIFF file (by its first bytes)");
        return null;
    }

    /// <summary>Reads <paramref name="path"/> through the input gate (at most <paramref name="maxBytes"/>) and decodes it.</summary>
    public static ImagePixels? Read(string path, FindingSink sink, long maxBytes = Files.InputFile.DefaultMaxBytes)
    {
        byte[] buffer = [];
        int length = Files.InputFile.ReadAll(path, maxBytes, ref buffer, sink);
        return length < 0 ? null : Decode(buffer.AsSpan(0, length), sink, path);
    }
}
