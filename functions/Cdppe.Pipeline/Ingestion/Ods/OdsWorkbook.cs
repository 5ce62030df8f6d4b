using System.IO.Compression;
using System.Xml;
using Cdppe.Pipeline.Ingestion.Spreadsheets;

namespace Cdppe.Pipeline.Ingestion.Ods;

/// <summary>
/// A read-only OpenDocument spreadsheet (.ods, LibreOffice Calc): <c>content.xml</c> is streamed with
/// <see cref="XmlReader"/> one row at a time, under the same limits as an .xlsx (zip container checked first,
/// DTDs prohibited, characters per part, rows per sheet, columns, cells and characters handed out by the workbook,
/// merged ranges). Repeated rows and cells are counts, never expanded when empty and checked against those limits
/// before they are; covered cells of a merged range get their top-left cell's value, as in an .xlsx.
/// </summary>
public sealed class OdsWorkbook : ISpreadsheet
{
    private static readonly DateTime Epoch = new(1899, 12, 30, 0, 0, 0, DateTimeKind.Unspecified);

    private readonly ZipArchive zip;
    private readonly SpreadsheetLimits limits;
    private readonly CellBudget budget;

    private OdsWorkbook(ZipArchive zip, SpreadsheetLimits limits)
    {
        this.zip = zip;
        this.limits = limits;
        budget = new CellBudget(limits);
        HasMacros = zip.Entries.Any(e => e.FullName.StartsWith("Basic/", StringComparison.Ordinal) || e.FullName.StartsWith("Scripts/", StringComparison.Ordinal));
        Sheets = ReadSheets();
    }

    public IReadOnlyList<SpreadsheetSheet> Sheets { get; }

    public bool HasMacros { get; }

    /// <summary>Opens an .ods after checking its zip container against <paramref name="limits"/>.</summary>
    public static OdsWorkbook Open(Stream stream, SpreadsheetLimits? limits = null)
    {
        limits ??= SpreadsheetLimits.Default;
        ZipContainerCheck.Check(stream, limits);
        stream.Position = 0;
        var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        try
        {
            return new OdsWorkbook(zip, limits);
        }
        catch (Exception ex)
        {
            zip.Dispose();
            if (ex is XmlException or InvalidDataException)
            {
                throw new WorkbookFormatException("Le fichier n'est pas un classeur LibreOffice (.ods) lisible : un de ses éléments XML est invalide, incomplet ou interdit (DTD).", inner: ex);
            }

            throw;
        }
    }

    /// <summary>Dates are stored as ISO dates (<c>office:date-value</c>) and read as serials of the 1900 system.</summary>
    public DateTime ToDate(double serial) => Epoch.AddDays(serial);

    public IEnumerable<SheetRow> ReadRows(SpreadsheetSheet sheet)
    {
        using var xml = OpenContent(out var names);
        if (MoveToTable(xml, names, sheet.Index))
        {
            foreach (var row in new OdsTableReader(xml, names, sheet.Name, limits, budget).Rows())
            {
                yield return row;
            }
        }
    }

    /// <summary>The merged ranges of a sheet, read through all its rows under a budget of their own (the same limits).</summary>
    public IReadOnlyList<string> MergedRanges(SpreadsheetSheet sheet)
    {
        using var xml = OpenContent(out var names);
        return MoveToTable(xml, names, sheet.Index) ? new OdsTableReader(xml, names, sheet.Name, limits, new CellBudget(limits)).Merges() : [];
    }

    public void Dispose() => zip.Dispose();

    private XmlReader OpenContent(out OdsNames names)
    {
        var entry = zip.GetEntry("content.xml")
            ?? throw new WorkbookFormatException("Le fichier n'est pas un classeur LibreOffice (.ods) : la partie « content.xml » est absente.");
        var settings = Xml.HardenedXmlReaderSettings.ForStreaming(limits.MaxCharactersInPart);
        settings.IgnoreWhitespace = false; // spaces between text runs are text in OpenDocument
        settings.CloseInput = true;
        var xml = XmlReader.Create(entry.Open(), settings);
        names = new OdsNames(xml.NameTable);
        return xml;
    }

    /// <summary>Names and visibility of the tables: automatic table styles with <c>table:display="false"</c> hide their tables.</summary>
    private List<SpreadsheetSheet> ReadSheets()
    {
        using var xml = OpenContent(out var names);
        var hiddenStyles = new HashSet<string>(StringComparer.Ordinal);
        var sheets = new List<SpreadsheetSheet>();
        string? styleName = null;
        xml.Read();
        while (!xml.EOF)
        {
            if (xml.NodeType == XmlNodeType.Element && OdsNames.Is(xml, names.Table, names.TableNs))
            {
                if (sheets.Count >= limits.MaxZipEntries)
                {
                    throw new WorkbookFormatException($"Le classeur contient plus de {limits.MaxZipEntries} feuilles : il est refusé par sécurité.");
                }

                var style = xml.GetAttribute("style-name", names.TableNs);
                var hidden = style is not null && hiddenStyles.Contains(style);
                sheets.Add(new SpreadsheetSheet(sheets.Count, xml.GetAttribute("name", names.TableNs) ?? string.Empty, hidden ? SheetVisibility.Hidden : SheetVisibility.Visible));
                xml.Skip();
                continue;
            }

            if (xml.NodeType == XmlNodeType.Element && OdsNames.Is(xml, names.Style, names.StyleNs))
            {
                styleName = xml.GetAttribute("name", names.StyleNs);
            }
            else if (xml.NodeType == XmlNodeType.Element && OdsNames.Is(xml, names.TableProperties, names.StyleNs) && styleName is not null && xml.GetAttribute("display", names.TableNs) == "false")
            {
                hiddenStyles.Add(styleName);
            }

            xml.Read();
        }

        return sheets;
    }

    /// <summary>Moves the reader onto the start tag of the <paramref name="index"/>-th table of the spreadsheet body.</summary>
    private static bool MoveToTable(XmlReader xml, OdsNames names, int index)
    {
        var seen = 0;
        xml.Read();
        while (!xml.EOF)
        {
            if (xml.NodeType == XmlNodeType.Element && OdsNames.Is(xml, names.Table, names.TableNs))
            {
                if (seen++ == index)
                {
                    return true;
                }

                xml.Skip();
                continue;
            }

            xml.Read();
        }

        return false;
    }
}
