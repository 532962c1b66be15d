namespace Codec.Cli.Configuration;

/// <summary>
/// A path pattern of a suppression: <c>*</c> matches within one name, <c>**</c> any number of folders, <c>?</c> one
/// character; names are separated by <c>/</c> whatever the platform. A pattern without <c>/</c> matches a file's name
/// in any folder (<c>notes.txt</c>, <c>*.wav</c>), as .gitignore does; a folder's pattern covers what is inside it.
/// </summary>
/// <remarks>
/// The pattern is compiled to a small automaton and a path is matched by following every state it can be in at once,
/// one character at a time: the time is the path's length times the pattern's, whatever the stars, never the
/// backtracking a regular expression does on <c>*a*a*a*b</c>.
/// </remarks>
public sealed class PathGlob
{
    private enum Step : byte
    {
        Literal,   // one given character
        One,       // ?: one character of a name
        Name,      // *: any run of characters within a name
        Folders,   // **/: any number of whole folders, none included
        Anything,  // ** elsewhere: any run of characters, across folders
    }

    private readonly Step[] _steps;
    private readonly char[] _literals;

    public PathGlob(string pattern)
    {
        Pattern = pattern;
        string body = pattern.Replace('\\', '/').TrimStart('/');
        if (!body.Contains('/')) body = "**/" + body;
        var steps = new List<Step>();
        var literals = new List<char>();
        for (int i = 0; i < body.Length; i++)
        {
            char c = body[i];
            Step step;
            if (c == '*' && i + 1 < body.Length && body[i + 1] == '*')
            {
                bool slash = i + 2 < body.Length && body[i + 2] == '/';
                step = slash ? Step.Folders : Step.Anything;
                i += slash ? 2 : 1;
            }
            else
            {
                step = c switch { '*' => Step.Name, '?' => Step.One, _ => Step.Literal };
            }

            // Runs of stars match what one of them matches: kept once, the automaton stays as small as the pattern's meaning.
            if (step is Step.Name or Step.Folders or Step.Anything && steps.Count > 0 && steps[^1] == step) continue;
            steps.Add(step);
            literals.Add(c);
        }

        _steps = [.. steps];
        _literals = [.. literals];
    }

    public string Pattern { get; }

    /// <summary>Whether <paramref name="relativePath"/> (relative to the pattern's folder, any separator) matches.</summary>
    public bool Matches(string relativePath)
    {
        int n = _steps.Length;
        // State i: steps before i are matched. Inside[i]: within a folder name that a Folders step at i is consuming.
        // State n: the whole pattern is matched; Below: past it, inside the folder it names.
        Span<bool> at = n < 512 ? stackalloc bool[n + 1] : new bool[n + 1];
        Span<bool> inside = n < 512 ? stackalloc bool[n + 1] : new bool[n + 1];
        Span<bool> nextAt = n < 512 ? stackalloc bool[n + 1] : new bool[n + 1];
        Span<bool> nextInside = n < 512 ? stackalloc bool[n + 1] : new bool[n + 1];
        bool below = false;
        at.Clear();
        inside.Clear();
        at[0] = true;
        Close(at);
        foreach (char raw in relativePath)
        {
            char c = raw == '\\' ? '/' : raw;
            nextAt.Clear();
            nextInside.Clear();
            bool nextBelow = below;
            for (int i = 0; i <= n; i++)
            {
                if (inside[i])
                {
                    if (c == '/') nextAt[i] = true;
                    else nextInside[i] = true;
                }

                if (!at[i]) continue;
                if (i == n)
                {
                    if (c == '/') nextBelow = true;
                    continue;
                }

                switch (_steps[i])
                {
                    case Step.Literal when c == _literals[i]:
                    case Step.One when c != '/':
                        nextAt[i + 1] = true;
                        break;
                    case Step.Name when c != '/':
                    case Step.Anything:
                        nextAt[i] = true;
                        break;
                    case Step.Folders:
                        if (c == '/') nextAt[i] = true;
                        else nextInside[i] = true;
                        break;
                }
            }

            Close(nextAt);
            nextAt.CopyTo(at);
            nextInside.CopyTo(inside);
            below = nextBelow;
        }

        return at[n] || below;
    }

    // Steps that may match nothing let the states they hold move past them.
    private void Close(Span<bool> states)
    {
        for (int i = 0; i < _steps.Length; i++)
        {
            if (states[i] && _steps[i] is Step.Name or Step.Folders or Step.Anything) states[i + 1] = true;
        }
    }
}
