using System.Runtime.InteropServices;
using System.Text.Json;
using Codec.Runtime.Findings;

namespace Codec.Native;

/// <summary>A failure the caller is told about: its message, and the file and findings that explain it.</summary>
public sealed class BindingException(string message, string file = "", IReadOnlyList<Finding>? findings = null) : Exception(message)
{
    public string File { get; } = file;

    public IReadOnlyList<Finding> Findings { get; } = findings ?? [];

    /// <summary>A file that did not decode: named <paramref name="what"/>, said with its error findings, which it carries.</summary>
    public static BindingException Undecoded(string what, string path, IReadOnlyList<Finding> findings) =>
        new($"{what} cannot be read: {string.Join("; ", findings.Where(f => f.Severity == Severity.Error).Select(f => f.Message).DefaultIfEmpty("no reason given"))}", path, findings);
}

/// <summary>How every exported function answers: a JSON document written by the call, or the error it raised, never an exception across the boundary.</summary>
internal static unsafe class Calls
{
    public static int Answer(byte** answer, Action<Utf8JsonWriter> write)
    {
        *answer = null;
        try
        {
            *answer = NativeText.Allocate(Json.Write(write));
            return 0;
        }
        catch (Exception e)
        {
            // A bug is an answer too: a data loader must not lose its interpreter to one hostile file.
            *answer = NativeText.Allocate(Json.Write(w => Json.Error(w, e)));
            return 1;
        }
    }

    public static void Quietly(Action action)
    {
        try
        {
            action();
        }
        catch (Exception)
        {
            // Releasing and closing cannot fail in a way the caller could act on.
        }
    }

    /// <summary>The library's version, the views of the formats it reads as their views files describe them, and validate's options.</summary>
    public static void Describe(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("version", typeof(Calls).Assembly.GetName().Version?.ToString(3) ?? "0");
        w.WritePropertyName("views");
        w.WriteStartObject();
        w.WritePropertyName("synthesis.info");
        w.WriteRawValue(Codec.Formats.Synthesis.Info.InfoDocumentJson.Description);
        w.WritePropertyName("synthesis.metadata");
        w.WriteRawValue(Codec.Formats.Synthesis.Metadata.MetadataDocumentJson.Description);
        w.WriteEndObject();
        w.WriteStartArray("validate_options");
        foreach (var option in Codec.Cli.Commands.ValidateCommand.Create(Codec.Cli.Commands.CommandConsole.Writers(TextWriter.Null, TextWriter.Null)).Options)
        {
            w.WriteStartObject();
            w.WriteString("name", option.Name);
            w.WriteBoolean("flag", option.ValueType == typeof(bool));
            w.WriteString("description", option.Description);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }
}

/// <summary>UTF-8 text across the boundary.</summary>
internal static unsafe class NativeText
{
    public static byte* Allocate(string text)
    {
        int length = System.Text.Encoding.UTF8.GetByteCount(text);
        byte* memory = (byte*)NativeMemory.Alloc((nuint)length + 1);
        System.Text.Encoding.UTF8.GetBytes(text, new Span<byte>(memory, length));
        memory[length] = 0;
        return memory;
    }

    public static string Read(byte* text) =>
        text == null ? throw new BindingException("a required text argument is null") : Marshal.PtrToStringUTF8((nint)text) ?? "";
}
