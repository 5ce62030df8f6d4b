using System.Buffers;
using System.Globalization;

namespace Cdppe.Pipeline.Reporting.Templating;

/// <summary>
/// Ids that must be unique in a rendered part, made so while it is written (the part is read once, in order, in
/// whole tags): drawings (<c>docPr</c>) are numbered 1, 2, 3… in order; a bookmark repeated by a loop keeps its name
/// (made unique by its tags) and gets a new id, its end the same one, starts and ends paired in order of appearance.
/// </summary>
internal sealed class IdRenumbering(bool drawings)
{
    private readonly Dictionary<string, Queue<int>> openBookmarks = new(StringComparer.Ordinal);
    private int lastDrawing;
    private int lastBookmark;

    /// <summary>Writes <paramref name="xml"/> (whole tags) with its ids renumbered.</summary>
    public void Write(ReadOnlySpan<char> xml, TextWriter destination)
    {
        var copied = 0;
        var from = 0;
        while (from < xml.Length)
        {
            var start = xml[from..].IndexOf('<');
            if (start < 0)
            {
                break;
            }

            start += from;
            var tagEnd = xml[start..].IndexOf('>');
            var tag = tagEnd < 0 ? xml[start..] : xml.Slice(start, tagEnd);
            from = start + 1;
            var kind = KindOf(tag, out var nameEnd);
            if (kind == Anchor.None || FindId(tag, nameEnd, prefixed: kind != Anchor.Drawing, digitsOnly: kind == Anchor.Drawing) is not { } value)
            {
                continue;
            }

            var (valueStart, valueEnd) = value;
            var original = tag[valueStart..valueEnd];
            string? replacement = null;
            switch (kind)
            {
                case Anchor.Drawing:
                    replacement = (++lastDrawing).ToString(CultureInfo.InvariantCulture);
                    break;
                case Anchor.BookmarkStart:
                    var id = ++lastBookmark;
                    var key = original.ToString();
                    if (!openBookmarks.TryGetValue(key, out var queue))
                    {
                        openBookmarks[key] = queue = new Queue<int>();
                    }

                    queue.Enqueue(id);
                    replacement = id.ToString(CultureInfo.InvariantCulture);
                    break;
                case Anchor.BookmarkEnd:
                    if (openBookmarks.TryGetValue(original.ToString(), out var starts) && starts.TryDequeue(out var paired))
                    {
                        replacement = paired.ToString(CultureInfo.InvariantCulture);
                    }

                    break;
            }

            from = start + valueEnd;
            if (replacement is not null)
            {
                destination.Write(xml[copied..(start + valueStart)]);
                destination.Write(replacement);
                copied = start + valueEnd;
            }
        }

        destination.Write(xml[copied..]);
    }

    private enum Anchor
    {
        None,
        Drawing,
        BookmarkStart,
        BookmarkEnd,
    }

    /// <summary>What the tag opened at the start of <paramref name="tag"/> is: <c>&lt;prefix:name</c>, the prefix optional.</summary>
    private Anchor KindOf(ReadOnlySpan<char> tag, out int nameEnd)
    {
        var p = 1;
        while (p < tag.Length && IsWordChar(tag[p]))
        {
            p++;
        }

        var nameStart = 1;
        if (p < tag.Length && tag[p] == ':' && p > 1)
        {
            nameStart = ++p;
            while (p < tag.Length && IsWordChar(tag[p]))
            {
                p++;
            }
        }

        nameEnd = p;
        var name = tag[nameStart..p];
        return name switch
        {
            "docPr" when drawings => Anchor.Drawing,
            "bookmarkStart" => Anchor.BookmarkStart,
            "bookmarkEnd" => Anchor.BookmarkEnd,
            _ => Anchor.None,
        };
    }

    /// <summary>The value of the first <c>id="…"</c> attribute after the name (<c>w:id</c> too when <paramref name="prefixed"/>).</summary>
    private static (int Start, int End)? FindId(ReadOnlySpan<char> tag, int from, bool prefixed, bool digitsOnly)
    {
        for (var i = from; i < tag.Length; i++)
        {
            if (!char.IsWhiteSpace(tag[i]))
            {
                continue;
            }

            var p = i + 1;
            if (prefixed)
            {
                var q = p;
                while (q < tag.Length && IsWordChar(tag[q]))
                {
                    q++;
                }

                if (q > p && q < tag.Length && tag[q] == ':')
                {
                    p = q + 1;
                }
            }

            if (!tag[p..].StartsWith("id=\""))
            {
                continue;
            }

            var valueStart = p + 4;
            var close = tag[valueStart..].IndexOf('"');
            if (close < 0 || (digitsOnly && (close == 0 || tag.Slice(valueStart, close).ContainsAnyExcept(Digits))))
            {
                continue;
            }

            return (valueStart, valueStart + close);
        }

        return null;
    }

    private static readonly System.Buffers.SearchValues<char> Digits = System.Buffers.SearchValues.Create("0123456789");

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';
}
