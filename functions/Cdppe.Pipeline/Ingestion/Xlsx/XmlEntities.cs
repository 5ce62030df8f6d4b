using System.Text;

namespace Cdppe.Pipeline.Ingestion.Xlsx;

/// <summary>The entities and character references of XML text replaced, as an XML reader replaces them; errors are the scanner's, with its line number.</summary>
internal static class XmlEntities
{
    /// <summary>The text with its entities and character references replaced and line ends normalised; <paramref name="xml"/> reports an error.</summary>
    public static string Decode(ReadOnlySpan<byte> raw, Utf8XmlScanner xml)
    {
        if (raw.IndexOfAny((byte)'&', (byte)'\r') < 0)
        {
            return Encoding.UTF8.GetString(raw);
        }

        var text = new StringBuilder(raw.Length);
        Span<char> chars = stackalloc char[2];
        while (raw.Length > 0)
        {
            var special = raw.IndexOfAny((byte)'&', (byte)'\r');
            if (special < 0)
            {
                text.Append(Encoding.UTF8.GetString(raw));
                break;
            }

            text.Append(Encoding.UTF8.GetString(raw[..special]));
            if (raw[special] == (byte)'\r')
            {
                text.Append('\n');
                raw = raw[(special + 1)..];
                if (raw.Length > 0 && raw[0] == (byte)'\n')
                {
                    raw = raw[1..];
                }

                continue;
            }

            var semicolon = raw[special..].IndexOf((byte)';');
            if (semicolon < 0)
            {
                throw xml.Error("An entity reference is not closed by ';'.");
            }

            var entity = raw.Slice(special + 1, semicolon - 1);
            raw = raw[(special + semicolon + 1)..];
            if (entity.SequenceEqual("amp"u8))
            {
                text.Append('&');
            }
            else if (entity.SequenceEqual("lt"u8))
            {
                text.Append('<');
            }
            else if (entity.SequenceEqual("gt"u8))
            {
                text.Append('>');
            }
            else if (entity.SequenceEqual("quot"u8))
            {
                text.Append('"');
            }
            else if (entity.SequenceEqual("apos"u8))
            {
                text.Append('\'');
            }
            else if (entity.Length > 1 && entity[0] == (byte)'#' && CharacterReference(entity[1..], out var code) && code <= 0x10FFFF)
            {
                // Characters are not checked (as with CheckCharacters = false): U+D800 or U+FFFE come through, for the checks after to name.
                if (code <= 0xFFFF)
                {
                    text.Append((char)code);
                }
                else
                {
                    text.Append(chars[..new Rune(code).EncodeToUtf16(chars)]);
                }
            }
            else
            {
                throw xml.Error($"Reference to undeclared entity '{Encoding.UTF8.GetString(entity)}'.");
            }
        }

        return text.ToString();
    }

    private static bool CharacterReference(ReadOnlySpan<byte> digits, out int code)
    {
        code = 0;
        var hex = digits.Length > 1 && digits[0] == (byte)'x';
        if (hex)
        {
            digits = digits[1..];
        }

        foreach (var b in digits)
        {
            var digit = b is >= (byte)'0' and <= (byte)'9' ? b - '0'
                : hex && b is >= (byte)'a' and <= (byte)'f' ? b - 'a' + 10
                : hex && b is >= (byte)'A' and <= (byte)'F' ? b - 'A' + 10
                : -1;
            if (digit < 0 || code > 0x10FFFF)
            {
                return false;
            }

            code = (code * (hex ? 16 : 10)) + digit;
        }

        return digits.Length > 0;
    }
}
