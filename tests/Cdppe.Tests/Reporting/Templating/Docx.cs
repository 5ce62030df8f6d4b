using Cdppe.Pipeline.Reporting.Templating;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Cdppe.Tests.Reporting.Templating;

/// <summary>Builds real .docx fixtures the way Word writes them (split runs, proofing marks, bookmarks, revisions) and reads results back.</summary>
internal static class Docx
{
    public static byte[] Create(params OpenXmlElement[] body) => Create(body, header: null);

    public static byte[] Create(IEnumerable<OpenXmlElement> body, Header? header)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var content = new Body(body);
            if (header is not null)
            {
                var headerPart = main.AddNewPart<HeaderPart>();
                headerPart.Header = header;
                content.Append(new SectionProperties(new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(headerPart) }));
            }

            main.Document = new Document(content);
            main.Document.AddNamespaceDeclaration("w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main");
            main.Document.AddNamespaceDeclaration("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
        }

        return stream.ToArray();
    }

    /// <summary>A paragraph; strings become plain runs, elements are added as they are.</summary>
    public static Paragraph P(params object[] content)
    {
        var p = new Paragraph();
        foreach (var c in content)
        {
            p.Append(c switch
            {
                string s => R(s),
                OpenXmlElement e => e,
                _ => throw new ArgumentException("string or element", nameof(content)),
            });
        }

        return p;
    }

    public static Paragraph Styled(string style, params object[] content)
    {
        var p = P(content);
        p.PrependChild(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        return p;
    }

    public static Run R(string text, bool bold = false, bool italic = false)
    {
        var run = new Run();
        if (bold || italic)
        {
            var rp = new RunProperties();
            if (bold)
            {
                rp.Append(new Bold());
            }

            if (italic)
            {
                rp.Append(new Italic());
            }

            run.Append(rp);
        }

        run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    public static ProofError Proof(bool start) => new() { Type = start ? ProofingErrorValues.SpellStart : ProofingErrorValues.SpellEnd };

    public static InsertedRun Inserted(string text) => new(R(text)) { Id = "91", Author = "Relecteur", Date = new DateTime(2023, 5, 2, 0, 0, 0, DateTimeKind.Utc) };

    public static Table Table(params TableRow[] rows)
    {
        var table = new Table(new TableProperties(new TableStyle { Val = "TableGrid" }, new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }));
        var columns = rows.Max(r => r.Elements<TableCell>().Count());
        table.Append(new TableGrid(Enumerable.Range(0, columns).Select(_ => new GridColumn { Width = "2000" })));
        table.Append(rows);
        return table;
    }

    public static TableRow Row(params object[] cells) => new(cells.Select(c => c switch
    {
        string s => new TableCell(P(s)),
        Paragraph p => new TableCell(p),
        TableCell tc => tc,
        OpenXmlElement[] many => new TableCell(many),
        _ => throw new ArgumentException("cell", nameof(cells)),
    }));

    public static WordprocessingDocument Open(byte[] bytes) => WordprocessingDocument.Open(new MemoryStream(bytes), false);

    /// <summary>Text of every body-level block: paragraphs as their text, tables as "[t] a | b / c | d".</summary>
    public static List<string> Blocks(byte[] bytes)
    {
        using var document = Open(bytes);
        return document.MainDocumentPart!.Document.Body!.ChildElements.Select(e => e switch
        {
            Paragraph p => Text(p),
            Table t => "[t] " + string.Join(" / ", t.Elements<TableRow>().Select(r => string.Join(" | ", r.Elements<TableCell>().Select(c => string.Join("¶", c.Elements<Paragraph>().Select(Text)))))),
            _ => null,
        }).OfType<string>().ToList();
    }

    public static string Text(Paragraph p) => string.Concat(p.Descendants().Select(d => d switch
    {
        Text t => t.Text,
        Break => "↵",
        TabChar => "→",
        _ => string.Empty,
    }));

    /// <summary>Compiles and renders <paramref name="template"/>, and checks the output is valid Open XML.</summary>
    public static byte[] RenderValid(byte[] template, Dictionary<string, object?> data)
    {
        var output = DocxTemplate.Compile(template).Render(data);
        Assert.Empty(Errors(output));
        return output;
    }

    public static List<string> Errors(byte[] bytes)
    {
        using var document = Open(bytes);
        // The default validator (what other tests use) and the latest Office schema: both must accept the document.
        return new OpenXmlValidator().Validate(document).Concat(new OpenXmlValidator(FileFormatVersions.Microsoft365).Validate(document))
            .Select(e => $"{e.Description} at {e.Path?.XPath} in {e.Part?.Uri}").Distinct().ToList();
    }

    public static Dictionary<string, object?> Data(params (string Key, object? Value)[] values) => values.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
}
