using System.IO.Compression;
using System.Text;
using Cdppe.Pipeline.Ingestion.Xlsx;
using Cdppe.Samples;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Cdppe.Tests.Support;

/// <summary>Bad and hostile workbooks, built byte by byte by the tests.</summary>
public static class HostileWorkbooks
{
    public static readonly object?[] RfHeader = ["Mesure", "Objectif", "Fiche action N°", "Budget global", "Département", "FIR", "Etat", "ONDAM", "Modalités", "Budget consommé au 31/12/2021", "Budget consommé en 2022", "Budget consommé 2020-2022"];

    public static readonly object?[] SuiviHeader = ["Code", "Libellé", "Période", "Valeur", "Source", "Fiable", "Commentaire"];

    /// <summary>A small valid rapport financier with the given data rows under the standard header.</summary>
    public static byte[] Rf(params object?[][] rows) => XlsxWriter.Write([new XlsxSheetSpec("RF", [RfHeader, .. rows])]);

    public static object?[] RfLine(object? fiche, object? budget = null, object? dep = null, object? consumed = null) =>
        ["Mesure A", "Objectif A", fiche, budget ?? "100 €", dep ?? "100 €", "- €", "- €", "- €", "CD", "- €", consumed ?? "50 €", consumed ?? "50 €"];

    public static byte[] Suivi(params object?[][] rows) => XlsxWriter.Write([new XlsxSheetSpec("Suivi", [SuiviHeader, .. rows])]);

    /// <summary>Replaces (or adds) one entry of a zip package.</summary>
    public static byte[] WithEntry(byte[] package, string entryName, string content) => WithEntry(package, entryName, new UTF8Encoding(false).GetBytes(content));

    /// <summary>Replaces (or adds) one entry of a zip package with these bytes.</summary>
    public static byte[] WithEntry(byte[] package, string entryName, byte[] content)
    {
        using var stream = new MemoryStream();
        stream.Write(package);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry(entryName)?.Delete();
            using var entry = zip.CreateEntry(entryName).Open();
            entry.Write(content);
        }

        return stream.ToArray();
    }

    public static string EntryText(byte[] package, string entryName)
    {
        using var zip = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry(entryName)!.Open());
        return reader.ReadToEnd();
    }

    /// <summary>A zip whose one entry inflates to <paramref name="megabytes"/> MB of zeros (ratio about 1000:1).</summary>
    public static byte[] ZipBomb(int megabytes)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < megabytes; i++)
            {
                entry.Write(zeros);
            }
        }

        return stream.ToArray();
    }

    public static byte[] ManyEntries(int count)
    {
        var package = SampleWorkbooks.RapportFinancier2022();
        using var stream = new MemoryStream();
        stream.Write(package);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            for (var i = 0; i < count; i++)
            {
                using var writer = new StreamWriter(zip.CreateEntry($"customXml/item{i}.xml").Open());
                writer.Write("<a/>");
            }
        }

        return stream.ToArray();
    }

    /// <summary>A macro-enabled workbook (.xlsm) carrying a VBA project part next to a valid rapport financier.</summary>
    public static byte[] WithVbaProject()
    {
        using var stream = new MemoryStream();
        stream.Write(SampleWorkbooks.RapportFinancier2022());
        using (var document = SpreadsheetDocument.Open(stream, true))
        {
            document.ChangeDocumentType(SpreadsheetDocumentType.MacroEnabledWorkbook);
            var vba = document.WorkbookPart!.AddNewPart<VbaProjectPart>();
            using var part = vba.GetStream(FileMode.Create);
            part.Write("Attribute VB_Name = \"Module1\"\nSub AutoOpen(): Shell \"calc\": End Sub"u8);
        }

        return stream.ToArray();
    }

    /// <summary>A workbook with no sheet at all.</summary>
    public static byte[] NoSheets()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            document.AddWorkbookPart().Workbook = new Workbook(new Sheets());
        }

        return stream.ToArray();
    }

    /// <summary>A sheet whose data reach column XFD (16 384).</summary>
    public static byte[] WideSheet()
    {
        var row = new object?[16_384];
        row[0] = "Code";
        row[16_383] = "fin";
        return XlsxWriter.Write([new XlsxSheetSpec("Large", [row])]);
    }

    /// <summary>A suivi-mensuel sheet of <paramref name="rows"/> distinct rows, its XML streamed straight into the package (fast).</summary>
    public static byte[] ManyRows(int rows)
    {
        using var stream = new MemoryStream();
        stream.Write(Suivi());
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            var name = zip.Entries.Single(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)).FullName;
            var header = EntryText(stream.ToArray(), name);
            var headerRow = header[header.IndexOf("<x:row", StringComparison.Ordinal)..header.IndexOf("</x:row>", StringComparison.Ordinal)] + "</x:row>";
            zip.GetEntry(name)!.Delete();
            using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Fastest).Open(), new UTF8Encoding(false));
            writer.Write("""<?xml version="1.0" encoding="utf-8"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>""");
            writer.Write(headerRow);
            for (var i = 2; i <= rows + 1; i++)
            {
                writer.Write(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"<x:row r=\"{i}\"><x:c r=\"A{i}\"><x:v>{i}</x:v></x:c><x:c r=\"B{i}\" t=\"inlineStr\"><x:is><x:t>Indicateur</x:t></x:is></x:c><x:c r=\"C{i}\" t=\"inlineStr\"><x:is><x:t>2022-01</x:t></x:is></x:c><x:c r=\"D{i}\"><x:v>{i % 97}</x:v></x:c></x:row>"));
            }

            writer.Write("</x:sheetData></x:worksheet>");
        }

        return stream.ToArray();
    }

    /// <summary><paramref name="depth"/> elements nested one in another, <c>&lt;n:a&gt;&lt;n:a&gt;…&lt;/n:a&gt;&lt;/n:a&gt;</c>.</summary>
    public static string Nested(int depth, string element = "n:a", string declaration = " xmlns:n=\"urn:n\"")
    {
        var xml = new StringBuilder((depth * ((2 * element.Length) + 5)) + declaration.Length);
        xml.Append('<').Append(element).Append(declaration).Append('>');
        xml.Insert(xml.Length, $"<{element}>", depth - 1);
        xml.Insert(xml.Length, $"</{element}>", depth);
        return xml.ToString();
    }

    /// <summary>The package with <paramref name="xml"/> inserted into an entry just before the last occurrence of <paramref name="before"/>.</summary>
    public static byte[] WithInserted(byte[] package, string entryName, string before, string xml)
    {
        var text = EntryText(package, entryName);
        var at = text.LastIndexOf(before, StringComparison.Ordinal);
        return at < 0 ? throw new ArgumentException($"{before} is not in {entryName}", nameof(before)) : WithEntry(package, entryName, text.Insert(at, xml));
    }

    /// <summary>A sheet that ends with <paramref name="depth"/> nested elements inside its <c>extLst</c>, as the upload that crashed the host.</summary>
    public static byte[] WithNestedExtension(byte[] package, int depth)
    {
        var sheet = FirstSheetEntry(package);
        return WithInserted(package, sheet, "</x:worksheet>", $"<x:extLst><x:ext uri=\"{{C3750BE0-5CA9-4D1C-82C7-79D762991C26}}\">{Nested(depth)}</x:ext></x:extLst>");
    }

    /// <summary>The name of the first sheet part of a package written by <see cref="XlsxWriter"/>.</summary>
    public static string FirstSheetEntry(byte[] package)
    {
        using var zip = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        return zip.Entries.First(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)).FullName;
    }
}
