using System.Buffers;

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
