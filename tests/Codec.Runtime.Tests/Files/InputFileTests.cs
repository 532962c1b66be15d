using System.Diagnostics;
using Codec.Runtime.Binary.Numpy;
using Codec.Runtime.Files;
using Codec.Runtime.Findings;
using Codec.Tests.Infrastructure;

namespace Codec.Tests.Files;

/// <summary>
/// Every reader opens user input through one gate: only regular files are opened, whole-file reads are bounded, and
/// what is not a file (a FIFO, a device, a folder, a dangling link) is refused with a message that says what it is.
/// </summary>
public sealed class InputFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("codec-input-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string At(string name) => Path.Combine(_dir, name);

    private string Fifo()
    {
        string path = At("pipe");
        using var mkfifo = Process.Start("mkfifo", path);
        mkfifo.WaitForExit();
        return path;
    }

    [Fact]
    public async Task A_fifo_is_refused_without_being_opened()
    {
        if (!OperatingSystem.IsLinux()) return;
        string fifo = Fifo();
        Assert.Equal(PathKind.Fifo, InputFile.KindOf(fifo));

        // Opening it would block until a writer came: the gate must answer at once.
        var sink = new FindingSink();
        Assert.Null(await Deadline.Within(TimeSpan.FromSeconds(10), "reading a FIFO", () => InputFile.ReadAll(fifo, 1000, sink)));
        Assert.Contains("named pipe", Assert.Single(sink.Findings).Message);

        // Every binary reader goes through the gate too.
        var npySink = new FindingSink();
        Assert.Null(await Deadline.Within(TimeSpan.FromSeconds(10), "NpyFile.Open of a FIFO", () => NpyFile.Open(fifo, npySink)));
        Assert.Contains("named pipe", Assert.Single(npySink.Findings).Message);
    }

    [Theory]
    [InlineData("/dev/zero", PathKind.CharacterDevice)]
    [InlineData("/dev/urandom", PathKind.CharacterDevice)]
    [InlineData("/dev/null", PathKind.CharacterDevice)]
    public void A_device_or_a_link_to_one_is_refused(string device, PathKind kind)
    {
        if (!OperatingSystem.IsLinux() || !File.Exists(device)) return;
        string link = At("cache.npy");
        File.CreateSymbolicLink(link, device);
        Assert.Equal(kind, InputFile.KindOf(link));
        var sink = new FindingSink();
        Assert.Null(InputFile.ReadAll(link, 1 << 20, sink));
        var finding = Assert.Single(sink.Findings);
        Assert.Equal(FindingCodes.FileUnreadable, finding.Code);
        Assert.Contains("character device", finding.Message);
    }

    [Fact]
    public void A_file_that_says_it_is_empty_is_read_to_its_end_within_the_limit()
    {
        if (!OperatingSystem.IsLinux()) return;
        var sink = new FindingSink();
        var status = InputFile.ReadAll("/proc/self/status", 1 << 20, sink);
        Assert.NotNull(status);
        Assert.Contains("VmRSS", System.Text.Encoding.ASCII.GetString(status));

        // ... and past the limit it is refused, however little it declared.
        Assert.Null(InputFile.ReadAll("/proc/self/status", 16, sink));
        Assert.Equal(FindingCodes.DocumentTooLarge, sink.Findings[^1].Code);
    }

    [Fact]
    public void A_regular_file_over_the_limit_is_refused_before_anything_is_allocated()
    {
        string path = At("big.info.json");
        using (var file = File.Create(path)) file.SetLength(3L << 30); // sparse: 3 GB declared, nothing on disk
        byte[] buffer = Array.Empty<byte>();
        var findings = new List<Finding>();
        Assert.Equal(-1, InputFile.ReadAll(path, 256 << 20, ref buffer, findings));
        Assert.Empty(buffer);
        Assert.Contains("3221225472 bytes", Assert.Single(findings).Message);
    }

    [Fact]
    public void A_file_is_read_into_a_buffer_of_its_size_not_a_doubled_one()
    {
        string path = At("two-megabytes.bin");
        var bytes = new byte[2 << 20];
        new Random(1).NextBytes(bytes);
        File.WriteAllBytes(path, bytes);
        byte[] buffer = Array.Empty<byte>();
        long allocated = Allocations.Measure(() =>
        {
            buffer = Array.Empty<byte>();
            Assert.Equal(bytes.Length, InputFile.ReadAll(path, 256 << 20, ref buffer, new List<Finding>()));
        }, warmups: 1, runs: 2);
        Assert.Equal(bytes, buffer.AsSpan(0, bytes.Length).ToArray());
        Assert.True(allocated < bytes.Length + (64 << 10), $"allocated {allocated} to read {bytes.Length} bytes");
    }

    [Fact]
    public void A_folder_a_dangling_link_and_a_link_loop_are_named_for_what_they_are()
    {
        Directory.CreateDirectory(At("folder"));
        File.CreateSymbolicLink(At("dangling"), At("nowhere"));
        File.CreateSymbolicLink(At("loop1"), At("loop2"));
        File.CreateSymbolicLink(At("loop2"), At("loop1"));
        Assert.Contains("folder", InputFile.Refusal(At("folder")));
        Assert.Contains("leads nowhere", InputFile.Refusal(At("dangling")));
        Assert.NotNull(InputFile.Refusal(At("loop1")));
        File.WriteAllText(At("regular"), "{}");
        Assert.Null(InputFile.Refusal(At("regular")));
        Assert.Equal("{}", System.Text.Encoding.ASCII.GetString(InputFile.ReadAll(At("regular"), 10, new FindingSink())!));
    }

    // What a clone without Git LFS holds in place of a large file (Git LFS's own pointer format).
    private const string Pointer = "version https://git-lfs.github.com/spec/v1\noid sha256:4665a5ea423c2713d436b5ee50593a9640e0018c1550b5a0002f74190d6caea8\nsize 288000128\n";

    [Fact]
    public void A_git_lfs_pointer_is_told_at_the_gate_with_its_oid_size_and_the_fix()
    {
        File.WriteAllText(At("shot1.npy"), Pointer);
        var sink = new FindingSink();
        Assert.Null(InputFile.ReadAll(At("shot1.npy"), 1 << 20, sink));
        var finding = Assert.Single(sink.Findings);
        Assert.Equal(FindingCodes.LfsPointer, finding.Code);
        Assert.Contains("is a Git LFS pointer (oid sha256:4665a5ea423c2713d436b5ee50593a9640e0018c1550b5a0002f74190d6caea8, 288,000,128 bytes)", finding.Message);
        Assert.Contains("git lfs pull", finding.Message);
        // Every reader opens through the gate: a handle is refused the same way.
        var e = Assert.Throws<InputFileException>(() => InputFile.OpenRead(At("shot1.npy")));
        Assert.Contains("Git LFS pointer", e.Why);
    }

    [Theory]
    [InlineData("version https://git-lfs.github.com/spec/v1\n")] // no oid, no size
    [InlineData("version 1\noid sha256:00\nsize 3\n")] // not the spec's first line
    [InlineData("version https://git-lfs.github.com/spec/v1\noid sha256:00\nsize many\n")]
    public void Small_files_that_only_resemble_a_pointer_are_read_as_they_are(string text)
    {
        File.WriteAllText(At("small.txt"), text);
        var sink = new FindingSink();
        Assert.Equal(text.Length, InputFile.ReadAll(At("small.txt"), 1 << 20, sink)!.Length);
        Assert.Empty(sink.Findings);
    }
}
