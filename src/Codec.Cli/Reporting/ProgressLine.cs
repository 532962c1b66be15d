using System.Diagnostics;
using Codec.Formats.Validation.Folders;

namespace Codec.Cli.Reporting;

/// <summary>
/// One self-overwriting progress line on a terminal's standard error, for folders large enough to take a while;
/// silent when standard error is redirected (no writer given), so logs and tests stay clean.
/// </summary>
public sealed class ProgressLine : IDisposable
{
    private const int MinimumFiles = 200;
    private static readonly long Interval = Stopwatch.Frequency / 4;
    private readonly TextWriter? _output;
    private long _last;
    private int _width;

    public ProgressLine(TextWriter? output) => _output = output;

    /// <summary>A progress sink for one folder (reports synchronously, on the checking thread).</summary>
    public IProgress<FolderProgress>? For(string folder) => _output is null ? null : new Sink(this, folder);

    public void Clear()
    {
        if (_output is null || _width == 0) return;
        _output.Write("\r" + new string(' ', _width) + "\r");
        _width = 0;
    }

    public void Dispose() => Clear();

    private void Show(string folder, FolderProgress p)
    {
        if (p.FilesTotal < MinimumFiles) return;
        long now = Stopwatch.GetTimestamp();
        if (p.FilesDone < p.FilesTotal && now - _last < Interval) return;
        _last = now;
        string text = $"checking {folder}: {p.FilesDone}/{p.FilesTotal} files ({100L * p.FilesDone / p.FilesTotal}%)";
        _output!.Write("\r" + text.PadRight(_width));
        _width = Math.Max(_width, text.Length);
    }

    private sealed class Sink(ProgressLine line, string folder) : IProgress<FolderProgress>
    {
        public void Report(FolderProgress value) => line.Show(folder, value);
    }
}
