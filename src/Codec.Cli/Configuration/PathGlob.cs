namespace Codec.Cli.Configuration;

/// <summary>
/// A path pattern of a suppression: <c>*</c> matches within one name, <c>**</c> any number of folders, <c>?</c> one
/// character; names are separated by <c>/</c> whatever the platform. A pattern without <c>/</c> matches a file's name
/// in any folder (<c>notes.txt</c>, <c>*.wav</c>), as .gitignore does; a folder's pattern covers what is inside it.
/// </summary>
/// <remarks>
/// The pattern is compiled to a small automaton and a path is matched by following every state it can be in at once,
/// one character at a time, 64 states to a machine word: the time is the path's length times the pattern's over 64,
/// whatever the stars, never the backtracking a regular expression does on <c>*a*a*a*b</c>. A pattern is at most
/// <see cref="MaxLength"/> characters, the longest path a file system names.
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

    /// <summary>The longest pattern: a path longer than this names no file (Linux's PATH_MAX).</summary>
    public const int MaxLength = 4096;

    private readonly int _words;                  // machine words per state set: states 0..steps
    private readonly int _final;                  // the state where the whole pattern is matched
    private readonly Dictionary<char, ulong[]> _literal = new();  // by character: the steps that match exactly it
    private readonly ulong[] _one, _name, _anything, _folders, _empty;

    /// <summary>Why <paramref name="pattern"/> cannot be a path pattern, or null when it can.</summary>
    public static string? Refusal(string pattern) =>
        pattern.Length > MaxLength ? $"a path pattern is at most {MaxLength:N0} characters (this one has {pattern.Length:N0})" : null;

    public PathGlob(string pattern)
    {
        if (Refusal(pattern) is { } refusal) throw new ArgumentException(refusal, nameof(pattern));
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

        _final = steps.Count;
        _words = (_final + 1 + 63) / 64;
        _one = new ulong[_words];
        _name = new ulong[_words];
        _anything = new ulong[_words];
        _folders = new ulong[_words];
        _empty = new ulong[_words];
        for (int i = 0; i < steps.Count; i++)
        {
            ulong bit = 1UL << (i & 63);
            int word = i >> 6;
            switch (steps[i])
            {
                case Step.Literal:
                    if (!_literal.TryGetValue(literals[i], out var mask)) _literal[literals[i]] = mask = new ulong[_words];
                    mask[word] |= bit;
                    break;
                case Step.One: _one[word] |= bit; break;
                case Step.Name: _name[word] |= bit; break;
                case Step.Anything: _anything[word] |= bit; break;
                case Step.Folders: _folders[word] |= bit; break;
            }

            // Stars may match nothing: a state before one is also a state after it.
            if (steps[i] is Step.Name or Step.Folders or Step.Anything) _empty[word] |= bit;
        }
    }

    public string Pattern { get; }

    /// <summary>Whether <paramref name="relativePath"/> (relative to the pattern's folder, any separator) matches.</summary>
    public bool Matches(string relativePath)
    {
        // Bit i of `at`: the steps before i are matched. Bit i of `inside`: a **/ step at i is inside a folder name.
        // `below`: the whole pattern was matched and the path goes on inside the folder it names.
        int w = _words;
        Span<ulong> at = stackalloc ulong[w], inside = stackalloc ulong[w], nextAt = stackalloc ulong[w], nextInside = stackalloc ulong[w];
        bool below = false;
        at[0] = 1;
        Close(at);
        foreach (char raw in relativePath)
        {
            char c = raw == '\\' ? '/' : raw;
            bool slash = c == '/';
            var literal = _literal.GetValueOrDefault(c);
            ulong carry = 0;
            bool any = false;
            for (int k = 0; k < w; k++)
            {
                ulong state = at[k];
                ulong advance = state & ((literal is null ? 0 : literal[k]) | (slash ? 0 : _one[k]));
                ulong stay = state & (_anything[k] | (slash ? 0 : _name[k]));
                ulong folder = state & _folders[k];
                ulong next = (advance << 1) | carry | stay;
                carry = advance >> 63;
                if (slash)
                {
                    next |= folder | inside[k];
                    nextInside[k] = 0;
                }
                else
                {
                    nextInside[k] = folder | inside[k];
                }

                nextAt[k] = next;
                any |= (next | nextInside[k]) != 0;
            }

            if (slash && (at[_final >> 6] & (1UL << (_final & 63))) != 0) below = true;
            Close(nextAt);
            nextAt.CopyTo(at);
            nextInside.CopyTo(inside);
            if (!any && !below) return false; // no state left: nothing further can match
        }

        return (at[_final >> 6] & (1UL << (_final & 63))) != 0 || below;
    }

    // Steps that may match nothing let the states they hold move past them (a run of them, one at a time).
    private void Close(Span<ulong> states)
    {
        while (true)
        {
            ulong carry = 0;
            bool added = false;
            for (int k = 0; k < states.Length; k++)
            {
                ulong moved = states[k] & _empty[k];
                ulong next = states[k] | (moved << 1) | carry;
                carry = moved >> 63;
                added |= next != states[k];
                states[k] = next;
            }

            if (!added) return;
        }
    }
}
