using System.Text;
using System.Text.RegularExpressions;

namespace Codec.Cli.Configuration;

/// <summary>
/// A path pattern of a suppression: <c>*</c> matches within one name, <c>**</c> any number of folders, <c>?</c> one
/// character; names are separated by <c>/</c> whatever the platform. A pattern without <c>/</c> matches a file's name
/// in any folder (<c>notes.txt</c>, <c>*.wav</c>), as .gitignore does.
/// </summary>
public sealed class PathGlob
{
    private readonly Regex _regex;

    public PathGlob(string pattern)
    {
        Pattern = pattern;
        string body = pattern.Replace('\\', '/').TrimStart('/');
        if (!body.Contains('/')) body = "**/" + body;
        var regex = new StringBuilder("^");
        for (int i = 0; i < body.Length; i++)
        {
            char c = body[i];
            if (c == '*' && i + 1 < body.Length && body[i + 1] == '*')
            {
                // "**/" is any number of folders, none included; a final "**" is everything below.
                bool slash = i + 2 < body.Length && body[i + 2] == '/';
                regex.Append(slash ? "(?:[^/]*/)*" : ".*");
                i += slash ? 2 : 1;
            }
            else if (c == '*') regex.Append("[^/]*");
            else if (c == '?') regex.Append("[^/]");
            else regex.Append(Regex.Escape(c.ToString()));
        }

        // A folder's pattern covers what is inside it.
        regex.Append("(?:/.*)?$");
        _regex = new Regex(regex.ToString(), RegexOptions.CultureInvariant);
    }

    public string Pattern { get; }

    /// <summary>Whether <paramref name="relativePath"/> (relative to the pattern's folder, any separator) matches.</summary>
    public bool Matches(string relativePath) => _regex.IsMatch(relativePath.Replace('\\', '/'));
}
