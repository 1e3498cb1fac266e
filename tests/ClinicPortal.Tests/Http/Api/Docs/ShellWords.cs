using System.Text;

namespace ClinicPortal.Tests.Http.Api.Docs;

/// <summary>
/// Splits the POSIX shell used in docs/api.md into commands and words: single and double quotes,
/// backslash line continuations, comments, and $NAME expansion outside single quotes. Nothing
/// else of the shell is supported; a command the examples need beyond this fails the parse.
/// </summary>
internal static class ShellWords
{
    /// <summary>Splits a script into commands, one per line once continuations are joined; comment lines are dropped.</summary>
    public static List<string> SplitCommands(string script)
    {
        var commands = new List<string>();
        var current = new StringBuilder();
        char? quote = null;
        for (var i = 0; i < script.Length; i++)
        {
            var character = script[i];
            if (quote is null && character == '\\' && i + 1 < script.Length && script[i + 1] == '\n')
            {
                i++;
                continue;
            }

            if (quote is null && character == '\n')
            {
                AddCommand(commands, current);
                continue;
            }

            if (quote is null && character is '\'' or '"')
            {
                quote = character;
            }
            else if (quote == character)
            {
                quote = null;
            }

            current.Append(character);
        }

        AddCommand(commands, current);
        return commands;
    }

    /// <summary>Splits one command into words, removing quotes and expanding variables from <paramref name="variables"/>.</summary>
    public static List<string> SplitWords(string command, IReadOnlyDictionary<string, string> variables)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < command.Length; i++)
        {
            var character = command[i];
            if (character == '\'')
            {
                var end = command.IndexOf('\'', i + 1);
                word.Append(command, i + 1, end - i - 1);
                i = end;
                inWord = true;
            }
            else if (character == '"')
            {
                var end = command.IndexOf('"', i + 1);
                word.Append(Expand(command[(i + 1)..end], variables));
                i = end;
                inWord = true;
            }
            else if (char.IsWhiteSpace(character))
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }
            }
            else
            {
                var end = i;
                while (end < command.Length && !char.IsWhiteSpace(command[end]) && command[end] is not ('\'' or '"'))
                {
                    end++;
                }

                word.Append(Expand(command[i..end], variables));
                i = end - 1;
                inWord = true;
            }
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    private static string Expand(string text, IReadOnlyDictionary<string, string> variables)
    {
        var expanded = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '$')
            {
                expanded.Append(text[i]);
                continue;
            }

            var end = i + 1;
            while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '_'))
            {
                end++;
            }

            var name = text[(i + 1)..end];
            expanded.Append(variables.TryGetValue(name, out var value)
                ? value
                : throw new InvalidOperationException($"The example uses ${name} before setting it."));
            i = end - 1;
        }

        return expanded.ToString();
    }

    private static void AddCommand(List<string> commands, StringBuilder current)
    {
        var command = current.ToString().Trim();
        current.Clear();
        if (command.Length > 0 && !command.StartsWith('#'))
        {
            commands.Add(command);
        }
    }
}
