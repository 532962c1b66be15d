using System.CommandLine;
using Codec.Cli.Reporting;
using Codec.Formats;
using Codec.Formats.Validation;
using Codec.Runtime.Findings;

namespace Codec.Cli.Commands;

/// <summary><c>codec validate [paths...]</c>: decode and validate every <c>*.info.json</c> found.</summary>
public static class ValidateCommand
{
    /// <summary>Files larger than this are reported, not read: no real info.json comes near it.</summary>
    public const long DefaultMaxFileBytes = 256L << 20;

    public static Command Create()
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Files or folders to validate (folders are searched recursively for *.info.json). Default: the sample data shipped with codec.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var json = new Option<bool>("--json") { Description = "Print one JSON document with every finding instead of the readable report." };
        var info = new Option<bool>("--info") { Description = "Also list info findings in the readable report." };
        var maxBytes = new Option<long>("--max-file-size") { Description = "Largest file to read, in bytes.", DefaultValueFactory = _ => DefaultMaxFileBytes };

        var command = new Command("validate", "Check Synthesis AI info.json files against their version's schema and semantic rules.")
        {
            paths, json, info, maxBytes,
        };
        command.SetAction(parse => Run(parse.GetValue(paths) ?? Array.Empty<string>(), parse.GetValue(json), parse.GetValue(info), parse.GetValue(maxBytes),
            Console.Out, Console.Error));
        return command;
    }

    /// <summary>Runs the command; returns 0 (no errors), 1 (errors found) or 2 (usage or I/O problem).</summary>
    public static int Run(IReadOnlyList<string> paths, bool asJson, bool showInfo, long maxFileBytes, TextWriter stdout, TextWriter stderr)
    {
        // A document is decoded from one contiguous buffer, so no file can be larger than an array can be.
        if (maxFileBytes < 1 || maxFileBytes > Array.MaxLength)
        {
            stderr.WriteLine($"codec: --max-file-size must be between 1 and {Array.MaxLength} bytes");
            return 2;
        }

        if (paths.Count == 0)
        {
            string samples = Path.Combine(AppContext.BaseDirectory, "SampleData");
            if (!Directory.Exists(samples))
            {
                stderr.WriteLine($"codec: no path given and no sample data at {samples}");
                return 2;
            }

            paths = new[] { samples };
        }

        var files = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(path);
            }
            else if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*.info.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
            }
            else
            {
                stderr.WriteLine($"codec: no such file or folder: {path}");
                return 2;
            }
        }

        var checker = new DocumentChecker(BuiltInFormats.CreateSynthesisInfo());
        var reports = new List<FileReport>(files.Count);
        bool ioProblem = false;
        byte[] buffer = Array.Empty<byte>();
        foreach (var file in files)
        {
            try
            {
                using var handle = File.OpenHandle(file);
                long length = RandomAccess.GetLength(handle);
                if (length > maxFileBytes)
                {
                    reports.Add(new FileReport(file, null, new[]
                    {
                        new Finding(FindingCodes.DocumentTooLarge, Severity.Error, "", $"file is {length} bytes; the limit is {maxFileBytes} (--max-file-size)"),
                    }));
                    continue;
                }

                if (buffer.Length < length) buffer = new byte[Math.Min(Array.MaxLength, Math.Max(length, buffer.Length * 2L))];
                int read = 0;
                while (read < length)
                {
                    int n = RandomAccess.Read(handle, buffer.AsSpan(read, (int)length - read), read);
                    if (n == 0) break;
                    read += n;
                }

                var result = checker.Check(buffer.AsSpan(0, read));
                reports.Add(new FileReport(file, result.Version, result.Findings));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                ioProblem = true;
                reports.Add(new FileReport(file, null, new[] { new Finding(FindingCodes.FileUnreadable, Severity.Error, "", "cannot read the file: " + e.Message) }));
            }
        }

        if (asJson)
        {
            using var memory = new MemoryStream();
            JsonReport.Write(memory, reports);
            stdout.Write(System.Text.Encoding.UTF8.GetString(memory.ToArray()));
        }
        else
        {
            HumanReport.Write(stdout, reports, showInfo);
        }

        if (ioProblem) return 2;
        return reports.Any(r => r.Errors > 0) ? 1 : 0;
    }
}
