namespace Cdppe.Pipeline.Ingestion.Xlsx;

/// <summary>The attributes of the current start tag of a <see cref="Utf8XmlScanner"/>, by local name.</summary>
internal static class Utf8XmlAttributes
{
    /// <summary>The raw value of an attribute of the current start tag by local name (<c>xmlns</c> declarations never match); false when absent.</summary>
    public static bool TryAttribute(this Utf8XmlScanner xml, ReadOnlySpan<byte> localName, out ReadOnlySpan<byte> value)
    {
        var offset = 0;
        while (xml.NextAttribute(ref offset, out var name, out value))
        {
            if (name.SequenceEqual(localName))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The next attribute of the current start tag from <paramref name="offset"/> (0 for the first), by local name
    /// (<c>xmlns</c> declarations are skipped); false after the last one.
    /// </summary>
    public static bool NextAttribute(this Utf8XmlScanner xml, scoped ref int offset, out ReadOnlySpan<byte> localName, out ReadOnlySpan<byte> value)
    {
        var attributes = xml.Content;
        while (true)
        {
            var i = offset;
            while (i < attributes.Length && Utf8XmlScanner.IsSpace(attributes[i]))
            {
                i++;
            }

            if (i >= attributes.Length)
            {
                offset = i;
                localName = default;
                value = default;
                return false;
            }

            var start = i;
            while (i < attributes.Length && attributes[i] != (byte)'=' && !Utf8XmlScanner.IsSpace(attributes[i]))
            {
                i++;
            }

            var name = attributes[start..i];
            while (i < attributes.Length && (Utf8XmlScanner.IsSpace(attributes[i]) || attributes[i] == (byte)'='))
            {
                i++;
            }

            if (i >= attributes.Length || (attributes[i] != (byte)'"' && attributes[i] != (byte)'\''))
            {
                throw xml.Error("An attribute value is not quoted.");
            }

            var close = attributes[(i + 1)..].IndexOf(attributes[i]);
            if (close < 0)
            {
                throw xml.Error("An attribute value is not closed.");
            }

            value = attributes.Slice(i + 1, close);
            offset = i + close + 2;
            var colon = name.IndexOf((byte)':');
            if (colon < 0)
            {
                localName = name;
                return true;
            }

            if (!name[..colon].SequenceEqual("xmlns"u8))
            {
                localName = name[(colon + 1)..];
                return true;
            }
        }
    }

    /// <summary>An attribute's value as a string, entities replaced; null when absent.</summary>
    public static string? AttributeText(this Utf8XmlScanner xml, ReadOnlySpan<byte> localName) => xml.TryAttribute(localName, out var raw) ? xml.Decode(raw) : null;
}
