using System.Buffers;
using System.Globalization;

namespace Cdppe.Pipeline.Reporting.Templating;

/// <summary>
/// The XML of one rendered part, written to its destination while it is produced: only the text that can still be
/// taken back is held in memory. An element that may disappear (a table left without rows, a paragraph that held
/// only section tags) holds the output from its start until it is decided; the last <see cref="Tail"/> characters
/// stay too, so that a loop can put its page break before the end of its last paragraph. Everything before is
/// written out in whole tags, with the ids that must be unique in a part renumbered on the way
/// (<see cref="IdRenumbering"/>). Without a destination, everything stays (<see cref="ToString"/>).
/// </summary>
internal sealed class RenderOutput : ITextSink
{
    /// <summary>Characters gathered before a write to the destination is attempted.</summary>
    private const int FlushThreshold = 1 << 15;

    private readonly TextWriter? destination;
    private readonly IdRenumbering? renumbering;
    private readonly List<long> holds = [];
    private char[] buffer;
    private int count;
    private long written;
    private int nextFlush = FlushThreshold;

    /// <param name="destination">Where the XML goes (null: kept in memory).</param>
    /// <param name="tail">Characters always kept at the end (the longest text <see cref="InsertBeforeEnd"/> looks for).</param>
    /// <param name="renumberDrawings">Whether drawing ids (<c>wp:docPr</c>) are renumbered as well as bookmark ids.</param>
    public RenderOutput(TextWriter? destination = null, int tail = 0, bool renumberDrawings = false)
    {
        this.destination = destination;
        Tail = tail;
        renumbering = destination is null ? null : new IdRenumbering(renumberDrawings);
        buffer = ArrayPool<char>.Shared.Rent(destination is null ? 1 << 12 : FlushThreshold * 2);
    }

    public int Tail { get; }

    /// <summary>Characters written so far, taken back ones not counted (what the render budget counts).</summary>
    public long Length => written + count;

    public RenderOutput Append(string? text)
    {
        Append(text.AsSpan());
        return this;
    }

    public RenderOutput Append(char c)
    {
        Reserve(1);
        buffer[count++] = c;
        MaybeFlush();
        return this;
    }

    public void Append(ReadOnlySpan<char> text)
    {
        Reserve(text.Length);
        text.CopyTo(buffer.AsSpan(count));
        count += text.Length;
        MaybeFlush();
    }

    /// <summary>Text or an attribute value, escaped (<see cref="XmlChunkWriter.AppendEscaped"/>).</summary>
    public RenderOutput AppendEscaped(ReadOnlySpan<char> text, bool attribute)
    {
        XmlChunkWriter.AppendEscaped(this, text, attribute);
        return this;
    }

    /// <summary>Holds everything from here until <see cref="Release"/> or <see cref="TakeBack"/>; holds nest.</summary>
    public long Hold()
    {
        holds.Add(Length);
        return Length;
    }

    /// <summary>The innermost hold is kept: its content may be written out.</summary>
    public void Release()
    {
        holds.RemoveAt(holds.Count - 1);
        MaybeFlush();
    }

    /// <summary>The innermost hold is dropped with everything written since.</summary>
    public void TakeBack(long mark)
    {
        holds.RemoveAt(holds.Count - 1);
        count = checked((int)(mark - written));
    }

    /// <summary>Whether the output ends with <paramref name="text"/> (at most <see cref="Tail"/> characters long).</summary>
    public bool EndsWith(string text) =>
        text.Length <= count && buffer.AsSpan(count - text.Length, text.Length).SequenceEqual(text);

    /// <summary>Inserts <paramref name="text"/> before the last <paramref name="length"/> characters (at most <see cref="Tail"/>).</summary>
    public void InsertBeforeEnd(int length, string text)
    {
        if (length > count)
        {
            throw new InvalidOperationException("The end of the output was already written.");
        }

        Reserve(text.Length);
        var at = count - length;
        buffer.AsSpan(at, length).CopyTo(buffer.AsSpan(at + text.Length));
        text.AsSpan().CopyTo(buffer.AsSpan(at));
        count += text.Length;
        MaybeFlush();
    }

    /// <summary>Writes what is left (no hold may be open).</summary>
    public void Complete()
    {
        if (destination is null)
        {
            return;
        }

        if (holds.Count > 0)
        {
            throw new InvalidOperationException("An element of the part was not closed.");
        }

        WriteOut(count);
        destination.Flush();
        ArrayPool<char>.Shared.Return(buffer);
        buffer = [];
    }

    /// <summary>The XML kept in memory (without a destination: all of it).</summary>
    public override string ToString() => new(buffer, 0, count);

    private void Reserve(int more)
    {
        if (count + more > buffer.Length)
        {
            var larger = ArrayPool<char>.Shared.Rent(Math.Max(buffer.Length * 2, count + more));
            buffer.AsSpan(0, count).CopyTo(larger);
            ArrayPool<char>.Shared.Return(buffer);
            buffer = larger;
        }
    }

    private void MaybeFlush()
    {
        if (destination is null || count < nextFlush)
        {
            return;
        }

        var limit = count - Tail;
        if (holds.Count > 0)
        {
            limit = (int)Math.Min(limit, holds[0] - written);
        }

        // Whole tags only: the renumbering reads each tag at once.
        var span = buffer.AsSpan(0, Math.Max(limit, 0));
        var lastTag = span.LastIndexOf('<');
        if (lastTag >= 0 && span[lastTag..].IndexOf('>') < 0)
        {
            limit = lastTag;
        }

        if (limit >= FlushThreshold / 2)
        {
            WriteOut(limit);
        }

        // Held content is not looked at again before another threshold's worth of output.
        nextFlush = count + FlushThreshold;
    }

    private void WriteOut(int length)
    {
        if (length <= 0)
        {
            return;
        }

        renumbering!.Write(buffer.AsSpan(0, length), destination!);
        buffer.AsSpan(length, count - length).CopyTo(buffer);
        count -= length;
        written += length;
    }
}

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
