using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Codec.Runtime.Findings;

namespace Codec.Runtime.Binary.Audio;

/// <summary>How a WAV file's samples are stored (from its <c>fmt </c> chunk).</summary>
public sealed record WavFormat(int FormatTag, int Channels, int SampleRate, int BitsPerSample, int BlockAlign, bool IsFloat, bool IsExtensible)
{
    /// <summary>RIFX: sizes, header fields and samples big-endian (RIFF is little-endian).</summary>
    public bool IsBigEndian { get; init; }

    public const int Pcm = 1;
    public const int IeeeFloat = 3;
    public const int Extensible = 0xFFFE;

    public int BytesPerSample => BitsPerSample / 8;
}

/// <summary>A chunk of the RIFF file: its id, where its payload starts and its declared size.</summary>
public sealed record RiffChunk(string Id, long Offset, long Size);

/// <summary>
/// A decoded WAV file (RIFF/WAVE, its big-endian twin RIFX, or RF64): format, the chunks walked (<c>LIST</c>, <c>id3 </c> and others skipped
/// wherever they are), and the <c>data</c> samples as stored, viewed without a copy. Samples convert to float in
/// [-1, 1) with <see cref="CopyTo"/>.
/// </summary>
public sealed class WavFile
{
    private WavFile(WavFormat format, ReadOnlyMemory<byte> data, IReadOnlyList<RiffChunk> chunks)
    {
        Format = format;
        Data = data;
        Chunks = chunks;
    }

    public WavFormat Format { get; }
    public ReadOnlyMemory<byte> Data { get; }
    public IReadOnlyList<RiffChunk> Chunks { get; }

    /// <summary>Sample frames (one sample per channel each).</summary>
    public long FrameCount => Data.Length / Format.BlockAlign;

    public double DurationSeconds => (double)FrameCount / Format.SampleRate;

    /// <summary>Every sample, interleaved by channel, as float in [-1, 1) (float files as stored).</summary>
    public void CopyTo(Span<float> destination)
    {
        long count = FrameCount * Format.Channels;
        if (destination.Length < count) throw new ArgumentException($"the destination holds {destination.Length} samples; the file has {count}");
        var src = Data.Span;
        int n = (int)count;
        if (Format.IsBigEndian)
        {
            CopyBigEndian(src, destination[..n]);
            return;
        }

        switch (Format.IsFloat, Format.BitsPerSample)
        {
            case (true, 32):
                MemoryMarshal.Cast<byte, float>(src[..(n * 4)]).CopyTo(destination);
                break;
            case (true, 64):
                for (int i = 0; i < n; i++) destination[i] = (float)BinaryPrimitives.ReadDoubleLittleEndian(src[(i * 8)..]);
                break;
            case (false, 8):
                for (int i = 0; i < n; i++) destination[i] = (src[i] - 128) / 128f;
                break;
            case (false, 16):
                var s16 = MemoryMarshal.Cast<byte, short>(src[..(n * 2)]);
                for (int i = 0; i < n; i++) destination[i] = s16[i] / 32768f;
                break;
            case (false, 24):
                for (int i = 0; i < n; i++)
                {
                    int v = src[i * 3] | (src[(i * 3) + 1] << 8) | ((sbyte)src[(i * 3) + 2] << 16);
                    destination[i] = v / 8388608f;
                }

                break;
            case (false, 32):
                var s32 = MemoryMarshal.Cast<byte, int>(src[..(n * 4)]);
                for (int i = 0; i < n; i++) destination[i] = (float)(s32[i] / 2147483648.0);
                break;
        }
    }

    // RIFX samples: the same encodings, most significant byte first.
    private void CopyBigEndian(ReadOnlySpan<byte> src, Span<float> destination)
    {
        int bytes = Format.BytesPerSample;
        for (int i = 0; i < destination.Length; i++)
        {
            var sample = src.Slice(i * bytes, bytes);
            destination[i] = (Format.IsFloat, Format.BitsPerSample) switch
            {
                (true, 32) => BinaryPrimitives.ReadSingleBigEndian(sample),
                (true, _) => (float)BinaryPrimitives.ReadDoubleBigEndian(sample),
                (false, 8) => (sample[0] - 128) / 128f,
                (false, 16) => BinaryPrimitives.ReadInt16BigEndian(sample) / 32768f,
                (false, 24) => (((sbyte)sample[0] << 16) | (sample[1] << 8) | sample[2]) / 8388608f,
                _ => (float)(BinaryPrimitives.ReadInt32BigEndian(sample) / 2147483648.0),
            };
        }
    }

    /// <summary>Decodes a whole file held in memory; null (with findings) when there is no usable format or data.</summary>
    public static WavFile? Decode(ReadOnlyMemory<byte> file, FindingSink sink, string path = "")
    {
        var bytes = file.Span;
        if (bytes.Length < 12 || !(bytes.StartsWith("RIFF"u8) || bytes.StartsWith("RIFX"u8) || bytes.StartsWith("RF64"u8)) || !bytes[8..].StartsWith("WAVE"u8))
        {
            sink.ReportAt(FindingCodes.BadSignature, path, 0, "not a WAV file: it does not start with RIFF (or RIFX, RF64) ... WAVE");
            return null;
        }

        bool rf64 = bytes.StartsWith("RF64"u8);
        var endian = new Endian(bytes.StartsWith("RIFX"u8));
        long riffSize = endian.U32(bytes[4..]);
        long ds64DataSize = -1;
        var chunks = new List<RiffChunk>();
        WavFormat? format = null;
        long dataOffset = -1, dataSize = 0;
        long at = 12;
        while (at + 8 <= bytes.Length)
        {
            string id = System.Text.Encoding.ASCII.GetString(bytes.Slice((int)at, 4));
            long size = endian.U32(bytes[(int)(at + 4)..]);
            long payload = at + 8;
            if (id == "data" && rf64 && size == 0xFFFFFFFF && ds64DataSize >= 0) size = ds64DataSize;
            chunks.Add(new RiffChunk(id, payload, size));
            if (size > bytes.Length - payload)
            {
                if (id == "data")
                {
                    sink.ReportAt(FindingCodes.DataTruncated, path, at, $"the data chunk declares {size} bytes; only {bytes.Length - payload} are in the file (decoded as far as they go)");
                    dataOffset = payload;
                    dataSize = bytes.Length - payload;
                }
                else
                {
                    sink.ReportAt(FindingCodes.DataTruncated, path, at, $"chunk '{id}' declares {size} bytes; only {bytes.Length - payload} are in the file");
                }

                break;
            }

            var body = bytes.Slice((int)payload, (int)size);
            switch (id)
            {
                case "ds64" when rf64 && size >= 24:
                    riffSize = (long)BinaryPrimitives.ReadUInt64LittleEndian(body);
                    ds64DataSize = (long)BinaryPrimitives.ReadUInt64LittleEndian(body[8..]);
                    break;
                case "fmt ":
                    if (format is not null)
                    {
                        sink.Add(new Finding(FindingCodes.DuplicateEntry, Severity.Warning, path, "a second 'fmt ' chunk is ignored") { Offset = at });
                        break;
                    }

                    format = ReadFormat(body, endian, sink, path, at);
                    if (format is null) return null;
                    break;
                case "data":
                    if (dataOffset >= 0)
                    {
                        sink.Add(new Finding(FindingCodes.DuplicateEntry, Severity.Warning, path, "a second 'data' chunk is ignored") { Offset = at });
                        break;
                    }

                    dataOffset = payload;
                    dataSize = size;
                    break;
            }

            // Chunks start on even offsets: an odd-sized chunk is followed by a pad byte.
            at = payload + size + (size & 1);
        }

        if (format is null)
        {
            sink.ReportAt(FindingCodes.BadHeader, path, 12, "there is no 'fmt ' chunk");
            return null;
        }

        if (dataOffset < 0)
        {
            sink.ReportAt(FindingCodes.BadHeader, path, 12, "there is no 'data' chunk");
            return null;
        }

        if (!rf64 && riffSize + 8 != bytes.Length)
        {
            sink.Add(new Finding(FindingCodes.TrailingBytes, Severity.Info, path, $"the RIFF size says {riffSize + 8} bytes; the file has {bytes.Length}") { Offset = 4 });
        }

        if (dataSize % format.BlockAlign != 0)
        {
            sink.Add(new Finding(FindingCodes.DataTruncated, Severity.Warning, path, $"the data ({dataSize} bytes) is not a whole number of {format.BlockAlign}-byte frames; the partial frame is ignored") { Offset = dataOffset });
        }

        long whole = dataSize - (dataSize % format.BlockAlign);
        return new WavFile(format, file.Slice((int)dataOffset, (int)whole), chunks);
    }

    // RIFF's numbers are little-endian, RIFX's big-endian; RF64 (ds64) is little-endian only.
    private readonly record struct Endian(bool Big)
    {
        public uint U32(ReadOnlySpan<byte> at) => Big ? BinaryPrimitives.ReadUInt32BigEndian(at) : BinaryPrimitives.ReadUInt32LittleEndian(at);

        public ushort U16(ReadOnlySpan<byte> at) => Big ? BinaryPrimitives.ReadUInt16BigEndian(at) : BinaryPrimitives.ReadUInt16LittleEndian(at);
    }

    private static WavFormat? ReadFormat(ReadOnlySpan<byte> body, Endian endian, FindingSink sink, string path, long at)
    {
        if (body.Length < 16)
        {
            sink.ReportAt(FindingCodes.BadHeader, path, at, $"the 'fmt ' chunk has {body.Length} bytes; at least 16 are needed");
            return null;
        }

        int tag = endian.U16(body);
        int channels = endian.U16(body[2..]);
        int rate = (int)Math.Min(int.MaxValue, endian.U32(body[4..]));
        long byteRate = endian.U32(body[8..]);
        int blockAlign = endian.U16(body[12..]);
        int bits = endian.U16(body[14..]);
        bool extensible = tag == WavFormat.Extensible;
        int effective = tag;
        if (extensible)
        {
            if (body.Length < 40)
            {
                sink.ReportAt(FindingCodes.BadHeader, path, at, "WAVE_FORMAT_EXTENSIBLE needs a 40-byte 'fmt ' chunk");
                return null;
            }

            // The sub-format GUID's first two bytes are the real format tag (1 PCM, 3 float).
            effective = endian.U16(body[24..]);
        }

        bool isFloat = effective == WavFormat.IeeeFloat;
        bool supported = (effective == WavFormat.Pcm && bits is 8 or 16 or 24 or 32) || (isFloat && bits is 32 or 64);
        if (!supported)
        {
            sink.ReportAt(FindingCodes.UnsupportedElementType, path, at + 8, $"format tag {effective} with {bits} bits per sample (PCM 8/16/24/32 and float 32/64 are read)");
            return null;
        }

        if (channels == 0 || rate == 0)
        {
            sink.ReportAt(FindingCodes.BadHeader, path, at + 8, $"{channels} channels at {rate} Hz");
            return null;
        }

        if (blockAlign != channels * bits / 8)
        {
            sink.ReportAt(FindingCodes.BadHeader, path, at + 20, $"block align {blockAlign} is not channels × bytes per sample ({channels * bits / 8})");
            return null;
        }

        if (byteRate != (long)rate * blockAlign)
        {
            sink.Add(new Finding(FindingCodes.BadHeader, Severity.Warning, path, $"byte rate {byteRate} is not sample rate × block align ({(long)rate * blockAlign})") { Offset = at + 16 });
        }

        return new WavFormat(tag, channels, rate, bits, blockAlign, isFloat, extensible) { IsBigEndian = endian.Big };
    }

    /// <summary>Writes a WAV file from interleaved float samples: 16-bit PCM (clipped, rounded) or 32-bit float.</summary>
    public static void Write(IBufferWriter<byte> output, ReadOnlySpan<float> interleaved, int channels, int sampleRate, bool asFloat32)
    {
        if (channels <= 0 || interleaved.Length % channels != 0) throw new ArgumentException($"{interleaved.Length} samples are not whole frames of {channels} channels");
        int bits = asFloat32 ? 32 : 16;
        int blockAlign = channels * bits / 8;
        long dataSize = (long)interleaved.Length * bits / 8;
        if (dataSize + 36 > uint.MaxValue) throw new ArgumentException("over 4 GiB of samples needs RF64");
        var header = output.GetSpan(44);
        "RIFF"u8.CopyTo(header);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], (uint)(36 + dataSize + (dataSize & 1)));
        "WAVEfmt "u8.CopyTo(header[8..]);
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], 16);
        BinaryPrimitives.WriteUInt16LittleEndian(header[20..], (ushort)(asFloat32 ? WavFormat.IeeeFloat : WavFormat.Pcm));
        BinaryPrimitives.WriteUInt16LittleEndian(header[22..], (ushort)channels);
        BinaryPrimitives.WriteUInt32LittleEndian(header[24..], (uint)sampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(header[28..], (uint)(sampleRate * blockAlign));
        BinaryPrimitives.WriteUInt16LittleEndian(header[32..], (ushort)blockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(header[34..], (ushort)bits);
        "data"u8.CopyTo(header[36..]);
        BinaryPrimitives.WriteUInt32LittleEndian(header[40..], (uint)dataSize);
        output.Advance(44);
        if (asFloat32)
        {
            output.Write(MemoryMarshal.AsBytes(interleaved));
        }
        else
        {
            var pcm = output.GetSpan((int)dataSize);
            for (int i = 0; i < interleaved.Length; i++)
            {
                float v = float.IsNaN(interleaved[i]) ? 0f : Math.Clamp(interleaved[i], -1f, 32767f / 32768f);
                BinaryPrimitives.WriteInt16LittleEndian(pcm[(i * 2)..], (short)MathF.Round(v * 32768f));
            }

            output.Advance((int)dataSize);
        }

        if ((dataSize & 1) != 0) output.Write(new byte[1]);
    }
}
