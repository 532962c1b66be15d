using System.Runtime.InteropServices;
using System.Text.Json;

namespace Codec.Native;

/// <summary>
/// The C ABI of <c>libcodec</c>. Every function returns 0 on success and 1 on failure, and never throws across the
/// boundary: what went wrong is a JSON answer (<c>{"error": message, "findings": [...]}</c>). Text goes in as UTF-8,
/// NUL-terminated; JSON answers come out in memory the caller frees with <c>codec_free</c>; arrays come out pinned,
/// described by the answer (<c>{"dtype", "shape"}</c>), until the caller hands their token to <c>codec_release</c>.
/// Requests are JSON objects, so that the ABI stays small as the API grows (see python/codec/_native.py).
/// </summary>
public static unsafe class Exports
{
    /// <summary><c>int codec_describe(char** answer)</c>: the library's version and the views of every format it reads.</summary>
    [UnmanagedCallersOnly(EntryPoint = "codec_describe")]
    public static int Describe(byte** answer) => Calls.Answer(answer, Calls.Describe);

    /// <summary>
    /// <c>int codec_validate(const char* arguments, char** answer)</c>: runs <c>codec validate</c> with the arguments (a
    /// JSON array of strings, as on the command line) and answers <c>{"exit", "report", "messages"}</c>, the report
    /// being what <c>--json</c> prints.
    /// </summary>
    [UnmanagedCallersOnly(EntryPoint = "codec_validate")]
    public static int Validate(byte* arguments, byte** answer) => Calls.Answer(answer, w => ValidateBinding.Run(NativeText.Read(arguments), w));

    /// <summary><c>int codec_find(const char* root, char** answer)</c>: the Synthesis output folders and Audio2Face-3D datasets at or below a path.</summary>
    [UnmanagedCallersOnly(EntryPoint = "codec_find")]
    public static int Find(byte* root, byte** answer) => Calls.Answer(answer, w => Opened.Find(NativeText.Read(root), w));

    /// <summary>
    /// <c>int codec_open(const char* path, int64_t* handle, char** answer)</c>: opens a Synthesis output folder or an
    /// Audio2Face-3D dataset; answers its listing (renders or shots). Close the handle with <c>codec_close</c>.
    /// </summary>
    [UnmanagedCallersOnly(EntryPoint = "codec_open")]
    public static int Open(byte* path, long* handle, byte** answer)
    {
        *handle = 0;
        long opened = 0;
        int status = Calls.Answer(answer, w => opened = Opened.Open(NativeText.Read(path), w));
        *handle = opened;
        return status;
    }

    /// <summary><c>int codec_query(int64_t handle, const char* request, char** answer)</c>: values of an open folder or dataset as JSON (a render's views, a vertex list).</summary>
    [UnmanagedCallersOnly(EntryPoint = "codec_query")]
    public static int Query(long handle, byte* request, byte** answer) =>
        Calls.Answer(answer, w => Opened.Get(handle).Query(Request.Parse(NativeText.Read(request)), w));

    /// <summary>
    /// <c>int codec_read(int64_t handle, const char* request, codec_array* array, char** answer)</c>: decodes a file of
    /// an open folder or dataset (an image, a mask, a mesh, audio, a cache) into a pinned array the answer describes.
    /// </summary>
    [UnmanagedCallersOnly(EntryPoint = "codec_read")]
    public static int Read(long handle, byte* request, NativeArray* array, byte** answer)
    {
        *array = default;
        NativeArray result = default;
        int status = Calls.Answer(answer, w => result = Opened.Get(handle).Read(Request.Parse(NativeText.Read(request)), w));
        *array = result;
        return status;
    }

    /// <summary><c>void codec_release(int64_t token)</c>: lets go of an array <c>codec_read</c> handed out.</summary>
    [UnmanagedCallersOnly(EntryPoint = "codec_release")]
    public static void Release(long token) => Calls.Quietly(() => Handles.Remove(token));

    /// <summary><c>void codec_close(int64_t handle)</c>: closes an open folder or dataset (its arrays stay valid until released).</summary>
    [UnmanagedCallersOnly(EntryPoint = "codec_close")]
    public static void Close(long handle) => Calls.Quietly(() => Handles.Remove(handle));

    /// <summary><c>void codec_free(char* answer)</c>: frees an answer.</summary>
    [UnmanagedCallersOnly(EntryPoint = "codec_free")]
    public static void Free(byte* answer) => NativeMemory.Free(answer);
}

/// <summary>
/// An array handed to the caller: <c>struct codec_array { void* data; int64_t bytes; int64_t token; }</c>. Its element
/// type and shape are in the answer; it stays where it is until <c>codec_release(token)</c>.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct NativeArray
{
    public nint Data;
    public long Bytes;
    public long Token;
}
