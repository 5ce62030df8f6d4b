namespace Cdppe.Pipeline.Reporting.Templating;

/// <summary>
/// Finds <c>{{…}}</c> tags in the text of one paragraph. Word cuts a paragraph's text into many runs (spelling marks,
/// revisions, bookmarks, a change of formatting in the middle of a word), so the lexer always works on the joined
/// text of all the paragraph's <c>w:t</c> and the compiler maps offsets back to the pieces.
/// </summary>
public static class TemplateLexer
{
    public const string Open = "{{";
    public const string Close = "}}";

    public static IReadOnlyList<LexedTag> Scan(string text, ICollection<LexError> errors)
    {
        var tags = new List<LexedTag>();
        var i = 0;
        while (i < text.Length)
        {
            var open = text.IndexOf(Open, i, StringComparison.Ordinal);
            var close = text.IndexOf(Close, i, StringComparison.Ordinal);
            if (open < 0 && close < 0)
            {
                break;
            }

            if (close >= 0 && (open < 0 || close < open))
            {
                errors.Add(TemplateErrors.DelimiterNotOpened(close, Around(text, close)));
                i = close + Close.Length;
                continue;
            }

            var end = text.IndexOf(Close, open + Open.Length, StringComparison.Ordinal);
            var next = text.IndexOf(Open, open + Open.Length, StringComparison.Ordinal);
            if (end < 0)
            {
                errors.Add(TemplateErrors.DelimiterNotClosed(open, Around(text, open), beforeNextTag: false));
                break;
            }

            if (next >= 0 && next < end)
            {
                errors.Add(TemplateErrors.DelimiterNotClosed(open, Around(text, open), beforeNextTag: true));
                i = next;
                continue;
            }

            var stop = end + Close.Length;
            tags.Add(new LexedTag(open, stop, text[open..stop], text[(open + Open.Length)..end]));
            i = stop;
        }

        return tags;
    }

    private static string Around(string text, int position)
    {
        var start = Math.Max(0, position - 10);
        var end = Math.Min(text.Length, position + 20);
        return text[start..end];
    }
}
