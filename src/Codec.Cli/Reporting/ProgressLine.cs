using System.Diagnostics;
using Codec.Formats.Validation.Folders;

namespace Codec.Cli.Reporting;

/// <summary>
/// Progress for folders large enough to take a while: one self-overwriting line on a terminal's standard error, or
/// (<c>plain</c>, for logs) a line at every tenth of the way; silent without a writer. Reports may come from
/// several threads at once (a dataset's files are read in parallel).
/// </summary>
public sealed class ProgressLine : IDisposable
{
    private const int MinimumFiles = 200;
    private static readonly long Interval = Stopwatch.Frequency / 4;
    private readonly TextWriter? _output;
    private readonly bool _plain;
    private readonly object _gate = new();
    private long _last;
    private int _width;
    private int _tenth = -1;
    private string? _folder;

    public ProgressLine(TextWriter? output, bool plain = false)
    {
        _output = output;
        _plain = plain;
    }

    /// <summary>A progress sink for one folder (reports synchronously, on the checking thread).</summary>
    public IProgress<FolderProgress>? For(string folder) => _output is null ? null : new Sink(this, folder);

    public void Clear()
    {
        lock (_gate)
        {
            if (_output is null || _width == 0) return;
            _output.Write("\r" + new string(' ', _width) + "\r");
            _width = 0;
        }
    }

    public void Dispose() => Clear();

    private void Show(string folder, FolderProgress p)
    {
        if (p.FilesTotal < MinimumFiles) return;
        lock (_gate)
        {
            string text = $"checking {folder}: {p.FilesDone}/{p.FilesTotal} files ({100L * p.FilesDone / p.FilesTotal}%)";
            if (_plain)
            {
                if (_folder != folder) (_folder, _tenth) = (folder, -1);
                int tenth = (int)(10L * p.FilesDone / p.FilesTotal);
                if (tenth <= _tenth) return;
                _tenth = tenth;
                _output!.WriteLine(text);
                return;
            }

            long now = Stopwatch.GetTimestamp();
            if (p.FilesDone < p.FilesTotal && now - _last < Interval) return;
            _last = now;
            _output!.Write("\r" + text.PadRight(_width));
            _width = Math.Max(_width, text.Length);
        }
    }

    private sealed class Sink(ProgressLine line, string folder) : IProgress<FolderProgress>
    {
        public void Report(FolderProgress value) => line.Show(folder, value);
    }
}
