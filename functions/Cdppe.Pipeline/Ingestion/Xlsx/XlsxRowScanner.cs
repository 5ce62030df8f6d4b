using System.Globalization;
using Cdppe.Pipeline.Ingestion.Spreadsheets;

namespace Cdppe.Pipeline.Ingestion.Xlsx;

/// <summary>The rows of a sheet part and the rich texts of its shared strings, read from a <see cref="Utf8XmlScanner"/> into a reused <see cref="RowBuffer"/>.</summary>
internal static class XlsxRowScanner
{
    private const int MaxCellsInRow = 16_384;

    /// <summary>
    /// Reads the row whose tag is current into <paramref name="row"/> (cleared first); returns its <c>r</c> attribute,
    /// 0 when absent. A row holds at most <see cref="MaxCellsInRow"/> cell elements (Excel's column count): more would
    /// grow the buffer without bound.
    /// </summary>
    public static int ReadRow(Utf8XmlScanner xml, RowBuffer row, string sheetName)
    {
        var rowIndex = xml.TryAttribute("r"u8, out var r) && int.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : 0;
        row.Clear();
        if (xml.Token == XmlToken.EmptyTag)
        {
            return rowIndex;
        }

        var depth = xml.Depth;
        while (xml.Read() && !(xml.Token == XmlToken.EndTag && xml.Depth == depth - 1))
        {
            if (xml.Token is XmlToken.StartTag or XmlToken.EmptyTag && xml.Name.SequenceEqual("c"u8))
            {
                if (row.Count == MaxCellsInRow)
                {
                    throw new WorkbookFormatException($"Une ligne de la feuille « {sheetName} » contient plus de {Cdppe.Pipeline.Xml.XmlPartLimits.Number(MaxCellsInRow)} cellules, le nombre de colonnes d'une feuille Excel : le classeur est refusé par sécurité.", sheetName);
                }

                ReadCell(xml, row);
            }
        }

        return rowIndex;
    }

    private static void ReadCell(Utf8XmlScanner xml, RowBuffer row)
    {
        ref var cell = ref row.Add();
        cell.Type = RawCellType.Number;
        var offset = 0;
        while (xml.NextAttribute(ref offset, out var attribute, out var value))
        {
            if (attribute.Length != 1)
            {
                continue;
            }

            switch (attribute[0])
            {
                case (byte)'r':
                    cell.Column = TryParseColumn(value, out var column) ? column : 0;
                    break;
                case (byte)'t':
                    cell.Type = TypeOf(value);
                    break;
                case (byte)'s':
                    cell.Style = uint.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : null;
                    break;
            }
        }

        if (xml.Token == XmlToken.EmptyTag)
        {
            return;
        }

        // Most cells: <c …><v>text</v></c>, read in one step.
        if (xml.TryReadOnlyChildText("v"u8, out var text))
        {
            cell.HasValue = true;
            cell.ValueStart = row.ValuesLength;
            cell.ValueLength = text.IndexOfAnyExcept(" \t\n"u8) < 0 ? 0 : text.Length;
            row.Append(text[..cell.ValueLength]);
            return;
        }

        var depth = xml.Depth;
        while (xml.Read() && !(xml.Token == XmlToken.EndTag && xml.Depth == depth - 1))
        {
            if (xml.Token is not (XmlToken.StartTag or XmlToken.EmptyTag))
            {
                continue;
            }

            var name = xml.Name;
            if (name.SequenceEqual("v"u8))
            {
                ReadValue(xml, row, ref cell);
            }
            else if (name.SequenceEqual("f"u8))
            {
                cell.HasFormula = true;
                xml.SkipElement();
            }
            else if (name.SequenceEqual("is"u8))
            {
                cell.InlineText = ReadRichText(xml);
            }
        }
    }

    /// <summary>The text of the <c>&lt;v&gt;</c> element whose tag is current: its bytes copied to the row buffer, or a string when entities or CDATA make one needed.</summary>
    private static void ReadValue(Utf8XmlScanner xml, RowBuffer row, ref RawCell cell)
    {
        cell.HasValue = true;
        cell.ValueStart = row.ValuesLength;
        cell.ValueLength = 0;
        cell.Decoded = null;
        if (xml.Token == XmlToken.EmptyTag)
        {
            return;
        }

        System.Text.StringBuilder? decoded = null;
        var depth = xml.Depth;
        while (xml.Read() && !(xml.Token == XmlToken.EndTag && xml.Depth == depth - 1))
        {
            if (xml.Token == XmlToken.Text && decoded is null && xml.Content.IndexOfAny((byte)'&', (byte)'\r') < 0)
            {
                row.Append(xml.Content);
                cell.ValueLength += xml.Content.Length;
            }
            else if (xml.Token is XmlToken.Text or XmlToken.CData)
            {
                decoded ??= new System.Text.StringBuilder(System.Text.Encoding.UTF8.GetString(row.Value(cell)));
                decoded.Append(xml.Token == XmlToken.Text ? xml.Decode(xml.Content) : System.Text.Encoding.UTF8.GetString(xml.Content));
            }
        }

        if (decoded is not null)
        {
            cell.Decoded = decoded.ToString();
        }
        else if (row.Value(cell).IndexOfAnyExcept(" \t\r\n"u8) < 0)
        {
            cell.ValueLength = 0; // whitespace alone is no value, as for a reader ignoring insignificant whitespace
        }
    }

    private static RawCellType TypeOf(ReadOnlySpan<byte> type) => type switch
    {
        [(byte)'s'] => RawCellType.Shared,
        [(byte)'e'] => RawCellType.Error,
        [(byte)'b'] => RawCellType.Boolean,
        [(byte)'d'] => RawCellType.Date,
        [(byte)'s', (byte)'t', (byte)'r'] => RawCellType.Str,
        _ when type.SequenceEqual("inlineStr"u8) => RawCellType.Inline,
        _ => RawCellType.Number,
    };

    /// <summary>The column of a cell reference such as "B12" (as <see cref="CellReference.TryParse"/> reads it), from its UTF-8 bytes.</summary>
    private static bool TryParseColumn(ReadOnlySpan<byte> reference, out int column)
    {
        column = 0;
        var i = 0;
        while (i < reference.Length && char.IsAsciiLetter((char)reference[i]))
        {
            column = (column * 26) + ((reference[i] | 0x20) - 'a' + 1);
            if (column > 16_384)
            {
                return false;
            }

            i++;
        }

        return i > 0 && i < reference.Length && int.TryParse(reference[i..], NumberStyles.None, CultureInfo.InvariantCulture, out var row) && row > 0;
    }

    /// <summary>Texts of a shared-string item or inline string whose tag is current (runs concatenated, phonetic runs excluded); leaves the scanner on its end tag.</summary>
    public static string ReadRichText(Utf8XmlScanner xml)
    {
        if (xml.Token == XmlToken.EmptyTag)
        {
            return string.Empty;
        }

        string? single = null;
        System.Text.StringBuilder? many = null;
        var depth = xml.Depth;
        while (xml.Read() && !(xml.Token == XmlToken.EndTag && xml.Depth == depth - 1))
        {
            if (xml.Token is not (XmlToken.StartTag or XmlToken.EmptyTag))
            {
                continue;
            }

            if (xml.Name.SequenceEqual("rPh"u8))
            {
                xml.SkipElement();
            }
            else if (xml.Name.SequenceEqual("t"u8))
            {
                var text = xml.ReadElementText();
                if (single is null)
                {
                    single = text;
                }
                else
                {
                    many ??= new System.Text.StringBuilder(single);
                    many.Append(text);
                }
            }
        }

        return many?.ToString() ?? single ?? string.Empty;
    }
}
