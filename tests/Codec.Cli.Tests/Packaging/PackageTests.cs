using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using Codec.Tests.Infrastructure;

namespace Codec.Tests.Packaging;

/// <summary>Packs Codec and the CLI once into a local feed, for the tests of this class.</summary>
public sealed class LocalFeed : IDisposable
{
    public LocalFeed()
    {
        Root = Directory.CreateTempSubdirectory("codec-package-").FullName;
        Feed = Path.Combine(Root, "feed");
        // A version of its own per run: NuGet caches packages by id and version, and must not hand back an old build.
        Version = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);
        Pack("src/Codec.Formats/Codec.Formats.csproj");
        // The tool is a package pointing at one package per platform: the native build of this machine's platform
        // and the portable one ("any") that other platforms fall back to.
        Pack("src/Codec.Cli/Codec.Cli.csproj");
        NativeRuntime = RuntimeInformation.RuntimeIdentifier;
        if (ToolRuntimes.Contains(NativeRuntime)) Pack("src/Codec.Cli/Codec.Cli.csproj", "-r", NativeRuntime);
        else NativeRuntime = null;
        Pack("src/Codec.Cli/Codec.Cli.csproj", "-r", "any");
    }

    /// <summary>The platforms the CLI's project packs a native tool for.</summary>
    public static readonly string[] ToolRuntimes = ["linux-x64", "linux-arm64", "osx-arm64", "win-x64"];

    /// <summary>This machine's platform when the tool has a native package for it, else null.</summary>
    public string? NativeRuntime { get; }

    public string Root { get; }
    public string Feed { get; }
    public string Version { get; }

    private void Pack(string project, params string[] extra)
    {
        var (exit, output) = Dotnet.Run(TestPaths.RepoRoot, Root, ["pack", Path.Combine(TestPaths.RepoRoot, project), "-c", Dotnet.Configuration,
            "-o", Feed, "-p:Version=" + Version, .. extra]);
        if (exit != 0) throw new InvalidOperationException("dotnet pack failed:\n" + output);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file for a moment; the temp folder is cleaned by the OS later.
        }
    }
}

/// <summary>Runs the dotnet CLI with a private package cache, so restores see only the local feed's build.</summary>
public static class Dotnet
{
#if DEBUG
    public const string Configuration = "Debug";
#else
    public const string Configuration = "Release";
#endif

    public static (int Exit, string Output) Run(string workingDirectory, string root, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["NUGET_PACKAGES"] = Path.Combine(root, "packages");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            return (-1, "timed out: dotnet " + string.Join(" ", args));
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}

[CollectionDefinition(nameof(Packaging), DisableParallelization = true)]
public sealed class Packaging : ICollectionFixture<LocalFeed>;

/// <summary>
/// The Codec package works in a fresh project built by a real <c>dotnet build</c>: the attribute, the generated
/// decoder, the project's own schemas, and the compile-time version error. The CLI installs as a .NET tool.
/// </summary>
[Collection(nameof(Packaging))]
public sealed class PackageTests(LocalFeed feed)
{
    [Fact]
    public void The_package_carries_docs_a_readme_and_the_json_schemas()
    {
        using var package = System.IO.Compression.ZipFile.OpenRead(Path.Combine(feed.Feed, $"Codec.{feed.Version}.nupkg"));
        var entries = package.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        foreach (var expected in new[]
                 {
                     "README.md", "lib/net10.0/Codec.Formats.xml", "lib/net10.0/Codec.Runtime.xml", "analyzers/dotnet/cs/Codec.Generators.dll",
                     "schemas/codec.schema.json",
                 })
        {
            Assert.Contains(expected, entries);
        }

        // The generated views are documented in the shipped XML docs.
        using var reader = new StreamReader(package.GetEntry("lib/net10.0/Codec.Formats.xml")!.Open());
        string docs = reader.ReadToEnd();
        Assert.Contains("M:Codec.Formats.Synthesis.Info.SynthesisInfoFormat.Decode", docs);
        Assert.Contains("P:Codec.Formats.Synthesis.Info.IRenderCamera.Intrinsics", docs);
    }

    private const string Program = """
        using System.Text;
        using Codec;

        var line = Encoding.UTF8.GetBytes("{\"api\":0,\"version\":\"1.3\",\"task_id\":\"t\",\"render_id\":188}");
        var model = SeedLineReader.CreateModel();
        var context = new Codec.Runtime.Json.DecodeContext();
        SeedLineReader.Decode(line, model, context);
        var note = NoteReader.CreateModel();
        NoteReader.Decode(Encoding.UTF8.GetBytes("{\"version\":\"1.0\",\"text\":\"hello\"}"), note, context);
        // The runtime's own dependency (System.IO.Hashing, behind CRC-32) must come with the package.
        uint crc = Codec.Runtime.Binary.Zip.Crc32.Compute("123456789"u8);
        Console.WriteLine($"render {model.RenderId}, note {note.Text}, {context.Sink.Count} findings, crc {crc:x8}");

        [CodecFormat("synthesis.metadata", "1.3")]
        partial class SeedLineReader;

        [CodecFormat("my.note", "1.0")]
        partial class NoteReader;
        """;

    private const string NoteSchema = """
        {
          "format": "my.note",
          "version": "1.0",
          "namespace": "Consumer.Notes",
          "root": "Note",
          "versionMember": "version",
          "types": { "Note": { "members": { "version": "string", "text": "string" } } }
        }
        """;

    private string CreateConsumer(string name, string program)
    {
        string dir = Path.Combine(feed.Root, name);
        Directory.CreateDirectory(Path.Combine(dir, "schemas"));
        File.WriteAllText(Path.Combine(dir, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Codec" Version="{feed.Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(dir, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="local" value="{feed.Feed}" />
              </packageSources>
            </configuration>
            """);
        // Isolated from the repository's Directory.*.props (the temp folder is outside it anyway).
        File.WriteAllText(Path.Combine(dir, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(dir, "Directory.Packages.props"), "<Project />");
        File.WriteAllText(Path.Combine(dir, "Program.cs"), program);
        File.WriteAllText(Path.Combine(dir, "schemas", "note-1.0.codec.json"), NoteSchema);
        return dir;
    }

    [Fact]
    public void A_fresh_project_gets_the_attribute_the_decoder_and_its_own_schemas()
    {
        string dir = CreateConsumer("Consumer", Program);
        var (build, output) = Dotnet.Run(dir, feed.Root, "build", "-c", "Release");
        Assert.True(build == 0, output);

        var (run, printed) = Dotnet.Run(dir, feed.Root, "run", "-c", "Release", "--no-build");
        Assert.True(run == 0, printed);
        Assert.Contains("render 188, note hello", printed);
        Assert.Contains("crc cbf43926", printed);
    }

    [Fact]
    public void A_version_no_schema_defines_fails_the_build_listing_the_versions()
    {
        string dir = CreateConsumer("WrongVersion", Program.Replace("\"synthesis.metadata\", \"1.3\"", "\"synthesis.metadata\", \"1.7\""));
        var (build, output) = Dotnet.Run(dir, feed.Root, "build", "-c", "Release");
        Assert.NotEqual(0, build);
        Assert.Contains("error CODEC018", output);
        Assert.Contains("versions that exist: 1, 1.1, 1.2, 1.3, 1.4", output);
    }

    [Fact]
    public void The_cli_installs_as_a_dotnet_tool_and_validates()
    {
        string tools = Path.Combine(feed.Root, "tools");
        var (install, output) = Dotnet.Run(feed.Root, feed.Root, "tool", "install", "Codec.Cli", "--tool-path", tools,
            "--add-source", feed.Feed, "--version", feed.Version);
        Assert.True(install == 0, output);

        var start = new ProcessStartInfo(Path.Combine(tools, "codec"), "validate") { RedirectStandardOutput = true, RedirectStandardError = true };
        using var codec = Process.Start(start)!;
        string stdout = codec.StandardOutput.ReadToEnd();
        Assert.True(codec.WaitForExit(TimeSpan.FromMinutes(2)));
        Assert.Equal(0, codec.ExitCode);
        Assert.Contains("38 files checked, 37 clean: 0 errors", stdout);

        // The shard file is Parquet written column by column: it must write and read back in the installed build too.
        string shard = Path.Combine(feed.Root, "run.parquet");
        var write = Process.Start(new ProcessStartInfo(Path.Combine(tools, "codec")) { ArgumentList = { "validate", "--shard", "0/1", "--out", shard }, RedirectStandardOutput = true, RedirectStandardError = true })!;
        write.StandardOutput.ReadToEnd();
        Assert.True(write.WaitForExit(TimeSpan.FromMinutes(2)));
        Assert.Equal(0, write.ExitCode);
        var merge = Process.Start(new ProcessStartInfo(Path.Combine(tools, "codec")) { ArgumentList = { "merge", shard }, RedirectStandardOutput = true, RedirectStandardError = true })!;
        string merged = merge.StandardOutput.ReadToEnd();
        Assert.True(merge.WaitForExit(TimeSpan.FromMinutes(2)));
        Assert.Equal((0, stdout), (merge.ExitCode, merged));

        // On a listed platform the installed command is the native build: no managed assembly beside it.
        if (feed.NativeRuntime is { } rid)
        {
            string command = Path.Combine(tools, "codec");
            string installed = Path.GetDirectoryName(File.ResolveLinkTarget(command, returnFinalTarget: true)?.FullName ?? command)!;
            Assert.Contains("codec.cli." + rid, installed, StringComparison.OrdinalIgnoreCase);
            Assert.False(File.Exists(Path.Combine(installed, "codec.dll")), "a managed codec.dll was installed: " + installed);
        }
    }

    [Fact]
    public void The_tool_package_lists_the_native_platforms_and_the_portable_fallback()
    {
        using var package = System.IO.Compression.ZipFile.OpenRead(Path.Combine(feed.Feed, $"Codec.Cli.{feed.Version}.nupkg"));
        var settings = package.Entries.Single(e => e.Name == "DotnetToolSettings.xml");
        using var reader = new StreamReader(settings.Open());
        var listed = System.Xml.Linq.XDocument.Parse(reader.ReadToEnd()).Descendants("RuntimeIdentifierPackage")
            .Select(p => (string?)p.Attribute("RuntimeIdentifier") ?? "").ToArray();
        Assert.Equal<string>([.. LocalFeed.ToolRuntimes, "any"], listed);
    }
}
