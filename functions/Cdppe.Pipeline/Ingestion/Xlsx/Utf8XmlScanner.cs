using System.Buffers;
using System.Text;
using System.Xml;

namespace Cdppe.Pipeline.Ingestion.Xlsx;

/// <summary>
/// A forward-only tokenizer over the UTF-8 bytes of an XML part, for the sheet data of a workbook: tags, their local
/// names (prefixes such as <c>x:</c> dropped) and attributes, and text, read straight from a reused byte buffer with no
/// string made unless a caller asks for one. Comments and processing instructions are skipped; a document type
/// declaration is refused (no DTD, no entity but the five predefined ones and character references), as the
/// <see cref="XmlReader"/> settings of the other parts refuse it; more than <c>maxBytes</c> is refused too. Errors are
/// <see cref="XmlException"/>s with the line number, like the reader's. The spans it gives are valid until the next
/// <see cref="Read"/>.
/// </summary>
internal sealed class Utf8XmlScanner : IDisposable
{
    private const int InitialBuffer = 128 * 1024;

    private Stream stream;
    private readonly long maxBytes;
    private byte[] buffer;
    private int position;
    private int end;
    private bool eof;
    private long discarded;
    private int discardedLines;
    private int qualifiedStart;
    private int nameStart;
    private int nameLength;
    private int contentStart;
    private int contentEnd;

    public Utf8XmlScanner(Stream stream, long maxBytes)
    {
        this.stream = stream;
        this.maxBytes = maxBytes;
        buffer = ArrayPool<byte>.Shared.Rent(InitialBuffer);
        if (Fill(2) && ((buffer[0] == 0xFF && buffer[1] == 0xFE) || (buffer[0] == 0xFE && buffer[1] == 0xFF)))
        {
            // A UTF-16 part (allowed by XML, never written by Excel): read through a transcoding stream, BOM included.
            var encoding = buffer[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode;
            this.stream = Encoding.CreateTranscodingStream(new PrefixedStream(buffer.AsSpan(0, end).ToArray(), stream), encoding, Encoding.UTF8);
            end = 0;
            eof = false;
            Fill(3);
        }

        if (end >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF)
        {
            position = 3;
        }
    }

    public XmlToken Token { get; private set; }

    /// <summary>Open elements around the current token (a start tag counts itself; an end tag no longer does).</summary>
    public int Depth { get; private set; }

    /// <summary>Local name of the current tag.</summary>
    public ReadOnlySpan<byte> Name => buffer.AsSpan(nameStart, nameLength);

    /// <summary>The attributes of the current start tag (raw), or the text of the current text/CDATA token (raw).</summary>
    public ReadOnlySpan<byte> Content => buffer.AsSpan(contentStart, contentEnd - contentStart);

    /// <summary>Moves to the next tag or text; false at the end of the part.</summary>
    public bool Read()
    {
        while (true)
        {
            if (position >= end && !Fill(0))
            {
                Token = XmlToken.End;
                return false;
            }

            if (buffer[position] != (byte)'<')
            {
                var lt = Find("<"u8, 0);
                contentStart = position;
                contentEnd = lt < 0 ? end : position + lt;
                position = contentEnd;
                Token = XmlToken.Text;
                return true;
            }

            if (end - position < 2 && !Fill(2))
            {
                throw Error("Unexpected end of the part in a tag.");
            }

            switch (buffer[position + 1])
            {
                case (byte)'/':
                {
                    var gt = Require(">"u8, 2);
                    SetName(position + 2, position + gt);
                    position += gt + 1;
                    Depth--;
                    Token = XmlToken.EndTag;
                    return true;
                }

                case (byte)'?':
                    position += Require("?>"u8, 2) + 2;
                    continue;
                case (byte)'!':
                    if (StartsWith("<!--"u8))
                    {
                        position += Require("-->"u8, 4) + 3;
                        continue;
                    }

                    if (StartsWith("<![CDATA["u8))
                    {
                        var close = Require("]]>"u8, 9);
                        contentStart = position + 9;
                        contentEnd = position + close;
                        position += close + 3;
                        Token = XmlToken.CData;
                        return true;
                    }

                    throw Error("For security reasons DTD is prohibited in this XML document.");
                default:
                {
                    var gt = TagEnd();
                    var tagEnd = position + gt;
                    var empty = buffer[tagEnd - 1] == (byte)'/';
                    var nameEnd = position + 1;
                    while (nameEnd < tagEnd && !IsSpace(buffer[nameEnd]) && buffer[nameEnd] != (byte)'/')
                    {
                        nameEnd++;
                    }

                    SetName(position + 1, nameEnd);
                    contentStart = nameEnd;
                    contentEnd = empty ? tagEnd - 1 : tagEnd;
                    position = tagEnd + 1;
                    if (empty)
                    {
                        Token = XmlToken.EmptyTag;
                    }
                    else
                    {
                        Depth++;
                        Token = XmlToken.StartTag;
                    }

                    return true;
                }
            }
        }
    }

    /// <summary>
    /// For the current start tag of an element E holding nothing but one child <paramref name="child"/> with plain
    /// text (no entity, no CDATA, no carriage return) — <c>&lt;c r="A1"&gt;&lt;v&gt;12&lt;/v&gt;&lt;/c&gt;</c>, with
    /// E's prefix if it has one — gives that text and moves past E's end tag (the token is then E's end tag, without
    /// its name). Otherwise false, and nothing is consumed.
    /// </summary>
    public bool TryReadOnlyChildText(ReadOnlySpan<byte> child, out ReadOnlySpan<byte> text)
    {
        text = default;
        if (Token != XmlToken.StartTag)
        {
            return false;
        }

        var prefixLength = nameStart - qualifiedStart;
        var qualifiedLength = prefixLength + nameLength;
        var openLength = 2 + prefixLength + child.Length;
        if (qualifiedLength > 64)
        {
            return false;
        }

        Span<byte> qualified = stackalloc byte[qualifiedLength]; // the tag's name, before the position: a read may drop it
        buffer.AsSpan(qualifiedStart, qualifiedLength).CopyTo(qualified);
        if (end - position < 256)
        {
            Fill(256);
        }

        var rest = buffer.AsSpan(position, end - position);
        var prefix = qualified[..prefixLength];
        if (rest.Length < openLength || rest[0] != (byte)'<' || !rest.Slice(1, prefixLength).SequenceEqual(prefix) || !rest.Slice(1 + prefixLength, child.Length).SequenceEqual(child) || rest[openLength - 1] != (byte)'>')
        {
            return false;
        }

        var value = rest[openLength..];
        var lt = value.IndexOfAny((byte)'<', (byte)'&', (byte)'\r');
        if (lt < 0 || value[lt] != (byte)'<')
        {
            return false;
        }

        var tail = value[lt..];
        var closeChild = 3 + prefixLength + child.Length;
        var closeElement = 3 + qualifiedLength;
        if (tail.Length < closeChild + closeElement
            || tail[1] != (byte)'/' || !tail.Slice(2, prefixLength).SequenceEqual(prefix) || !tail.Slice(2 + prefixLength, child.Length).SequenceEqual(child) || tail[closeChild - 1] != (byte)'>'
            || tail[closeChild] != (byte)'<' || tail[closeChild + 1] != (byte)'/' || !tail.Slice(closeChild + 2, qualifiedLength).SequenceEqual(qualified) || tail[closeChild + closeElement - 1] != (byte)'>')
        {
            return false;
        }

        text = value[..lt];
        var consumed = openLength + lt + closeChild + closeElement;
        contentStart = position + openLength;
        contentEnd = contentStart + lt;
        position += consumed;
        Depth--;
        Token = XmlToken.EndTag;
        return true;
    }

    /// <summary>
    /// The text of the element whose start tag is current (text and CDATA of its descendants, in order), leaving the
    /// scanner on its end tag; an empty tag has "". Whitespace alone counts as no text unless the element says
    /// <c>xml:space="preserve"</c> (as a reader ignoring insignificant whitespace reads it).
    /// </summary>
    public string ReadElementText()
    {
        if (Token == XmlToken.EmptyTag)
        {
            return string.Empty;
        }

        var preserve = this.TryAttribute("space"u8, out var space) && space.SequenceEqual("preserve"u8);
        var depth = Depth;
        string? single = null;
        StringBuilder? many = null;
        while (Read() && !(Token == XmlToken.EndTag && Depth == depth - 1))
        {
            if (Token is XmlToken.Text or XmlToken.CData)
            {
                var text = Token == XmlToken.Text ? Decode(Content) : Encoding.UTF8.GetString(Content);
                if (single is null)
                {
                    single = text;
                }
                else
                {
                    many ??= new StringBuilder(single);
                    many.Append(text);
                }
            }
        }

        var result = many?.ToString() ?? single ?? string.Empty;
        return preserve || !string.IsNullOrWhiteSpace(result) ? result : string.Empty;
    }

    /// <summary>Moves past the end tag of the element whose start tag is current (nothing to do for an empty tag).</summary>
    public void SkipElement()
    {
        if (Token != XmlToken.StartTag)
        {
            return;
        }

        var depth = Depth;
        while (Read() && !(Token == XmlToken.EndTag && Depth == depth - 1))
        {
        }
    }

    /// <summary>
    /// Moves past the end tag of the current element without reading what it holds token by token: the bytes are
    /// searched for its end tag (<c>&lt;/name&gt;</c> or <c>&lt;/prefix:name&gt;</c>; '&lt;' cannot occur in text
    /// or attribute values, so only markup matches). For an element that cannot nest, such as <c>sheetData</c>.
    /// </summary>
    public void SkipFlatElement(ReadOnlySpan<byte> localName)
    {
        if (Token != XmlToken.StartTag)
        {
            return;
        }

        const int lookBehind = 64; // room for "</" and a prefix before the name
        var from = 0;
        while (true)
        {
            var found = buffer.AsSpan(position + from, end - position - from).IndexOf(localName);
            if (found < 0)
            {
                // Not in what is buffered: drop what was searched (the buffer does not grow with the element), read on.
                var keep = Math.Min(end - position, localName.Length + lookBehind);
                position = end - keep;
                from = 0;
                if (!Fill(keep + 1))
                {
                    throw Error("Unexpected end of the part: an element is not closed.");
                }

                continue;
            }

            var relative = from + found;
            var gt = Require(">"u8, relative + localName.Length); // may read more: offsets are from the position
            var at = position + relative;
            var before = at - 1;
            if (before > position && buffer[before] == (byte)':')
            {
                while (before > position && buffer[before] != (byte)'<' && buffer[before] != (byte)'/' && !IsSpace(buffer[before]))
                {
                    before--;
                }
            }

            var closes = buffer.AsSpan(at + localName.Length, position + gt - at - localName.Length).IndexOfAnyExcept(" \t\r\n"u8) < 0;
            if (closes && before > position && buffer[before] == (byte)'/' && buffer[before - 1] == (byte)'<')
            {
                SetName(at, at + localName.Length);
                position += gt + 1;
                Depth--;
                Token = XmlToken.EndTag;
                return;
            }

            from = relative + 1;
        }
    }

    /// <summary>The text with its entities and character references replaced and line ends normalised, as an XML reader gives it.</summary>
    public string Decode(ReadOnlySpan<byte> raw) => XmlEntities.Decode(raw, this);

    /// <summary>An error at the current position, with its line number as an XML reader reports it.</summary>
    public XmlException Error(string message)
    {
        var line = discardedLines + buffer.AsSpan(0, Math.Min(position, end)).Count((byte)'\n') + 1;
        return new XmlException(message, null, line, 0);
    }

    public void Dispose()
    {
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = [];
        }
    }

    internal static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r';

    private void SetName(int start, int stop)
    {
        var name = buffer.AsSpan(start, stop - start).TrimEnd(" \t\r\n"u8);
        var colon = name.IndexOf((byte)':');
        qualifiedStart = start;
        nameStart = colon < 0 ? start : start + colon + 1;
        nameLength = colon < 0 ? name.Length : name.Length - colon - 1;
    }

    private bool StartsWith(ReadOnlySpan<byte> prefix)
    {
        if (end - position < prefix.Length)
        {
            Fill(prefix.Length);
        }

        return buffer.AsSpan(position, end - position).StartsWith(prefix);
    }

    /// <summary>Offset from the position of <paramref name="needle"/> searched from <paramref name="from"/>, reading more as needed; -1 at the end of the part.</summary>
    private int Find(ReadOnlySpan<byte> needle, int from)
    {
        while (true)
        {
            var start = Math.Max(0, Math.Min(from, end - position));
            var found = buffer.AsSpan(position + start, end - position - start).IndexOf(needle);
            if (found >= 0)
            {
                return start + found;
            }

            from = Math.Max(0, end - position - needle.Length + 1);
            if (!Fill(end - position + 1))
            {
                return -1;
            }
        }
    }

    private int Require(ReadOnlySpan<byte> needle, int from)
    {
        var found = Find(needle, from);
        return found >= 0 ? found : throw Error("Unexpected end of the part in markup.");
    }

    /// <summary>Offset of the '&gt;' closing the start tag at the position ('&gt;' may occur inside quoted attribute values).</summary>
    private int TagEnd()
    {
        // Most tags: the first '>' after an even number of double quotes and no single quote is outside every value.
        var tag = buffer.AsSpan(position + 1, end - position - 1);
        var first = tag.IndexOf((byte)'>');
        if (first >= 0 && tag[..first].IndexOf((byte)'\'') < 0 && (tag[..first].Count((byte)'"') & 1) == 0)
        {
            return first + 1;
        }

        var from = 1;
        byte quote = 0;
        while (true)
        {
            var span = buffer.AsSpan(position + from, end - position - from);
            var i = quote == 0 ? span.IndexOfAny((byte)'>', (byte)'"', (byte)'\'') : span.IndexOf(quote);
            if (i < 0)
            {
                from = end - position;
                if (!Fill(from + 1))
                {
                    throw Error("Unexpected end of the part in a tag.");
                }

                continue;
            }

            var at = from + i;
            var b = buffer[position + at];
            if (quote != 0)
            {
                quote = 0;
            }
            else if (b == (byte)'>')
            {
                return at;
            }
            else
            {
                quote = b;
            }

            from = at + 1;
        }
    }

    /// <summary>Reads more of the part, keeping the bytes from the position (moved to the buffer's start), until at least <paramref name="wanted"/> bytes are buffered; false at the end of the part.</summary>
    private bool Fill(int wanted)
    {
        if (eof)
        {
            return end - position >= Math.Max(wanted, 1);
        }

        if (position > 0)
        {
            discardedLines += buffer.AsSpan(0, position).Count((byte)'\n');
            discarded += position;
            Buffer.BlockCopy(buffer, position, buffer, 0, end - position);
            end -= position;
            position = 0;
        }

        while (!eof && end < Math.Max(wanted, 1))
        {
            if (end == buffer.Length)
            {
                var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                Buffer.BlockCopy(buffer, 0, larger, 0, end);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = larger;
            }

            var read = stream.Read(buffer, end, buffer.Length - end);
            if (read == 0)
            {
                eof = true;
                break;
            }

            end += read;
            if (discarded + end > maxBytes)
            {
                throw Error($"The part is larger than the limit of {maxBytes} bytes.");
            }
        }

        // Top the buffer up in one read when there is room, so that tokens rarely straddle two reads.
        if (!eof && end < buffer.Length)
        {
            var read = stream.Read(buffer, end, buffer.Length - end);
            if (read == 0)
            {
                eof = true;
            }

            end += read;
            if (discarded + end > maxBytes)
            {
                throw Error($"The part is larger than the limit of {maxBytes} bytes.");
            }
        }

        return end - position >= Math.Max(wanted, 1);
    }
}
