namespace Cdppe.Pipeline.Model;

/// <summary>
/// Code points no store keeps as they are (a lone surrogate, which the Table service stores altered; the noncharacters
/// U+FFFE and U+FFFF) and the one way to make a text printable and storable: each replaced by U+FFFD.
/// </summary>
public static class UnicodeText
{
    /// <summary>Index of the first lone surrogate or noncharacter U+FFFE/U+FFFF, or -1.</summary>
    public static int InvalidCodePointAt(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < '\uD800')
            {
                continue;
            }

            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                    continue;
                }

                return i;
            }

            if (char.IsLowSurrogate(c) || c is '\uFFFE' or '\uFFFF')
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The text with every invalid code point replaced by U+FFFD, so that it can be stored and printed.</summary>
    public static string Clean(string text)
    {
        if (InvalidCodePointAt(text) < 0)
        {
            return text;
        }

        var chars = text.ToCharArray();
        for (var i = InvalidCodePointAt(text); i >= 0 && i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]) || chars[i] is '\uFFFE' or '\uFFFF')
            {
                chars[i] = '\uFFFD';
            }
        }

        return new string(chars);
    }
}
