namespace Codec.Runtime.Binary.Zip;

/// <summary>
/// CRC-32 (IEEE 802.3, as ZIP uses). Delegates to System.IO.Hashing, which folds with carry-less multiplication
/// where the CPU has it — checksum speed decides how fast many small NPZ members load.
/// </summary>
public static class Crc32
{
    public static uint Compute(ReadOnlySpan<byte> data) => System.IO.Hashing.Crc32.HashToUInt32(data);
}
