using Cdppe.Pipeline.Model;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Cdppe.Pipeline.Reporting;

/// <summary>Writes the built-in rapport d'exécution as a .docx with DocumentFormat.OpenXml.</summary>
public static class DocxReportWriter
{
    private static readonly string[] FinancialHeaders =
    [
        "Mesure", "Objectif", "Fiche action", "Budget global", "Département", "FIR", "État", "ONDAM", "Modalités",
        "Consommé au 31/12/{0}", "Consommé en {1}", "Consommé cumulé",
    ];

    public static byte[] Write(AnnualReportModel model)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            AddStyles(main);
            var body = new Body();
            body.Append(Paragraph($"Rapport d'exécution {model.Year}", "Title"));
            body.Append(Paragraph($"Contrat départemental de prévention et de protection de l'enfance — Département {model.Departement.Code}", "Subtitle"));
            body.Append(Paragraph($"Document généré le {FrenchFormat.Date(model.GeneratedOn)}."));
            body.Append(Paragraph("Rapport financier", "Heading1"));
            if (model.HasFinancialData)
            {
                body.Append(FinancialTable(model));
            }
            else
            {
                body.Append(Paragraph($"Aucune donnée financière n'a été importée pour {model.Year} : déposez le rapport financier de l'année."));
            }

            body.Append(new SectionProperties(
                new PageSize { Width = 16838, Height = 11906, Orient = PageOrientationValues.Landscape },
                new PageMargin { Top = 1000, Bottom = 1000, Left = 800, Right = 800, Header = 500, Footer = 500, Gutter = 0 }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static Table FinancialTable(AnnualReportModel model)
    {
        var table = new Table(new TableProperties(
            new TableStyle { Val = "TableGrid" },
            new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 },
                new LeftBorder { Val = BorderValues.Single, Size = 4 },
                new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
                new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })));
        var headers = FinancialHeaders.Select(h => string.Format(FrenchFormat.Culture, h, model.Year - 1, model.Year)).ToArray();
        int[] widths = [1900, 2300, 700, 1100, 1100, 1000, 1000, 1000, 1000, 1100, 1100, 1100];
        table.Append(new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(FrenchFormat.Culture) })));
        table.Append(Row(headers, bold: true, header: true));
        foreach (var engagement in model.Engagements)
        {
            table.Append(BannerRow(engagement.Engagement, headers.Length));
            foreach (var line in engagement.Lines)
            {
                table.Append(Row(
                [
                    line.Mesure ?? string.Empty, line.Objectif ?? string.Empty, line.Fiche?.ToString(FrenchFormat.Culture) ?? string.Empty,
                    FrenchFormat.Euros(line.BudgetGlobal), FrenchFormat.Euros(line.Departement), FrenchFormat.Euros(line.Fir),
                    FrenchFormat.Euros(line.Etat), FrenchFormat.Euros(line.Ondam), line.Modalite ?? string.Empty,
                    FrenchFormat.Euros(line.ConsumedBefore), FrenchFormat.Euros(line.ConsumedInYear), FrenchFormat.Euros(line.ConsumedCumulative),
                ]));
            }

            table.Append(Row(TotalsCells("Sous-total", engagement.Totals), bold: true));
        }

        table.Append(Row(TotalsCells("Total", model.Total), bold: true));
        return table;
    }

    private static string[] TotalsCells(string label, BudgetTotals t) =>
    [
        string.Empty, string.Empty, label, FrenchFormat.Euros(t.BudgetGlobal), FrenchFormat.Euros(t.Departement), FrenchFormat.Euros(t.Fir),
        FrenchFormat.Euros(t.Etat), FrenchFormat.Euros(t.Ondam), string.Empty, FrenchFormat.Euros(t.ConsumedBefore),
        FrenchFormat.Euros(t.ConsumedInYear), FrenchFormat.Euros(t.ConsumedCumulative),
    ];

    private static TableRow BannerRow(string text, int span) =>
        new(new TableCell(new TableCellProperties(new GridSpan { Val = span }, new Shading { Val = ShadingPatternValues.Clear, Fill = "D9E2F3" }), Paragraph(text, bold: true)));

    private static TableRow Row(IEnumerable<string> cells, bool bold = false, bool header = false)
    {
        var row = new TableRow();
        if (header)
        {
            row.Append(new TableRowProperties(new TableHeader()));
        }

        foreach (var text in cells)
        {
            row.Append(new TableCell(Paragraph(text, bold: bold, size: 16)));
        }

        return row;
    }

    private static Paragraph Paragraph(string text, string? style = null, bool bold = false, int? size = null)
    {
        var runProperties = new RunProperties();
        if (bold)
        {
            runProperties.Append(new Bold());
        }

        if (size is { } s)
        {
            runProperties.Append(new FontSize { Val = s.ToString(FrenchFormat.Culture) });
        }

        var paragraph = new Paragraph();
        if (style is not null)
        {
            paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }

        paragraph.Append(new Run(runProperties, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        return paragraph;
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var stylesPart = main.AddNewPart<StyleDefinitionsPart>();
        stylesPart.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri" }, new FontSize { Val = "20" }, new Languages { Val = "fr-FR" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "80" }))),
            Style("Normal", "Normal", null, null),
            Style("Title", "Title", "36", "1F3864"),
            Style("Subtitle", "Subtitle", "26", "2F5496"),
            Style("Heading1", "heading 1", "30", "2F5496"),
            Style("Heading2", "heading 2", "26", "2F5496"),
            new Style(new StyleName { Val = "Table Grid" }, new BasedOn { Val = "TableNormal" }) { Type = StyleValues.Table, StyleId = "TableGrid" });
    }

    private static Style Style(string id, string name, string? size, string? color)
    {
        var run = new StyleRunProperties();
        if (size is not null)
        {
            run.Append(new Bold(), new Color { Val = color }, new FontSize { Val = size });
        }

        return new Style(new StyleName { Val = name }, new PrimaryStyle(), run) { Type = StyleValues.Paragraph, StyleId = id };
    }
}
