using System.Diagnostics;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;

namespace Cdppe.Pipeline.Xml;

/// <summary>Sees every node of a part while it is checked (the reader is on the node; it must not move it).</summary>
internal interface IXmlNodeVisitor
{
    void Visit(XmlReader reader);

    /// <summary>The part ended.</summary>
    void Complete();
}

/// <summary>
/// Reads parts once with a streaming <see cref="XmlReader"/> (no recursion, no element tree, DTD prohibited) and
/// refuses the first one over a limit of <see cref="XmlPartLimits"/>: callers run it before the Open XML SDK builds a
/// part's DOM, so that nothing a user sends can exhaust the stack or the memory.
/// </summary>
public static class XmlPartScanner
{
    private const int NodesBetweenClockReads = 4096;

    /// <summary>Checks every XML part of <paramref name="package"/> that <paramref name="include"/> keeps (all by default), within one time budget.</summary>
    public static void ScanPackage(OpenXmlPackage package, XmlPartLimits limits, Func<OpenXmlPart, bool>? include = null) =>
        ScanPackage(package, limits, include, visitorFor: null);

    internal static void ScanPackage(OpenXmlPackage package, XmlPartLimits limits, Func<OpenXmlPart, bool>? include, Func<OpenXmlPart, IXmlNodeVisitor?>? visitorFor)
    {
        ArgumentNullException.ThrowIfNull(package);
        ArgumentNullException.ThrowIfNull(limits);
        var started = Stopwatch.GetTimestamp();
        foreach (var part in package.GetAllParts())
        {
            if (!IsXml(part) || (include is not null && !include(part)))
            {
                continue;
            }

            using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
            Scan(stream, part.Uri.ToString(), limits, visitorFor?.Invoke(part), started);
        }
    }

    /// <summary>Checks one part read from <paramref name="xml"/>; <paramref name="part"/> names it in the message.</summary>
    public static void Scan(Stream xml, string part, XmlPartLimits limits) => Scan(xml, part, limits, visitor: null, Stopwatch.GetTimestamp());

    /// <summary>Parts holding XML, by content type (<c>…+xml</c>, <c>…/xml</c>); VML drawings, images and binaries are not.</summary>
    public static bool IsXml(OpenXmlPart part)
    {
        ArgumentNullException.ThrowIfNull(part);
        return part.ContentType.EndsWith("xml", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Checks one part, showing each node to <paramref name="visitor"/>; <paramref name="started"/> begins the time budget shared by the parts of one file.</summary>
    internal static void Scan(Stream xml, string part, XmlPartLimits limits, IXmlNodeVisitor? visitor, long started)
    {
        using var bounded = new BoundedReadStream(xml, limits.MaxPartBytes, () => Refuse(XmlLimit.Size, part, limits));
        var settings = limits.ReaderSettings();
        settings.MaxCharactersInDocument = 0; // the byte count above is the size limit, with its own message
        long elements = 0;
        var nodes = 0;
        try
        {
            using var reader = XmlReader.Create(bounded, settings);
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element)
                {
                    if (reader.Depth >= limits.MaxDepth)
                    {
                        throw Refuse(XmlLimit.Depth, part, limits);
                    }

                    if (++elements > limits.MaxElements)
                    {
                        throw Refuse(XmlLimit.Elements, part, limits);
                    }
                }

                visitor?.Visit(reader);
                if (++nodes == NodesBetweenClockReads)
                {
                    nodes = 0;
                    if (Stopwatch.GetElapsedTime(started) > limits.TimeBudget)
                    {
                        throw Refuse(XmlLimit.Time, part, limits);
                    }
                }
            }
        }
        catch (XmlException ex)
        {
            throw Refuse(XmlLimit.Malformed, part, limits, ex);
        }

        visitor?.Complete();
    }

    /// <summary>
    /// "la partie « /xl/worksheets/sheet1.xml »{what} contient plus de 256 niveaux d'éléments imbriqués (limite de
    /// profondeur)"; <paramref name="what"/> says what the part holds (" (feuille « RF »)").
    /// </summary>
    public static string Describe(XmlLimit limit, string part, XmlPartLimits limits, XmlException? inner = null, string what = "")
    {
        ArgumentNullException.ThrowIfNull(limits);
        var where = inner is { LineNumber: > 0 } ? $" (ligne {XmlPartLimits.Number(inner.LineNumber)})" : string.Empty;
        return $"la partie « {part} »{what} contient {limits.Describe(limit)}{where}";
    }

    private static XmlLimitException Refuse(XmlLimit limit, string part, XmlPartLimits limits, XmlException? inner = null) =>
        new(limit, part, Describe(limit, part, limits, inner), inner);

    /// <summary>A read-only view of a stream that fails once more than a number of bytes have been read.</summary>
    private sealed class BoundedReadStream(Stream inner, long maxBytes, Func<Exception> overLimit) : Stream
    {
        private long read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => read;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int n)
        {
            read += n;
            return read > maxBytes ? throw overLimit() : n;
        }
    }
}
