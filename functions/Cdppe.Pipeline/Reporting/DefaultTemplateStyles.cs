using DocumentFormat.OpenXml.Wordprocessing;
using static Cdppe.Pipeline.Reporting.DefaultTemplateBlocks;

namespace Cdppe.Pipeline.Reporting;

/// <summary>The styles of <see cref="DefaultReportTemplate"/>: headings, body text, table texts, notes and the table style.</summary>
internal static class DefaultTemplateStyles
{
    public static Styles Build()
    {
        Style Paragraph(string id, string name, string? basedOn, StyleParagraphProperties? p, StyleRunProperties? r, bool primary = true)
        {
            var style = new Style { Type = StyleValues.Paragraph, StyleId = id };
            style.Append(new StyleName { Val = name });
            if (basedOn is not null)
            {
                style.Append(new BasedOn { Val = basedOn });
            }

            style.Append(new NextParagraphStyle { Val = "Normal" });
            if (primary)
            {
                style.Append(new PrimaryStyle());
            }

            if (p is not null)
            {
                style.Append(p);
            }

            if (r is not null)
            {
                style.Append(r);
            }

            return style;
        }

        StyleRunProperties Run(int size, bool bold = false, string? color = null, bool italic = false, bool caps = false) => new()
        {
            Bold = bold ? new Bold() : null,
            Italic = italic ? new Italic() : null,
            Caps = caps ? new Caps() : null,
            Color = color is null ? null : new Color { Val = color },
            FontSize = new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            FontSizeComplexScript = new FontSizeComplexScript { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };

        StyleParagraphProperties Para(int before = 0, int after = 80, JustificationValues? jc = null, bool keepNext = false, int? outline = null) => new()
        {
            KeepNext = keepNext ? new KeepNext() : null,
            SpacingBetweenLines = new SpacingBetweenLines { Before = before.ToString(System.Globalization.CultureInfo.InvariantCulture), After = after.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            Justification = jc is null ? null : new Justification { Val = jc.Value },
            OutlineLevel = outline is null ? null : new OutlineLevel { Val = outline.Value },
        };

        var borders = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4, Color = "8EAADB" },
            new LeftBorder { Val = BorderValues.Single, Size = 4, Color = "8EAADB" },
            new BottomBorder { Val = BorderValues.Single, Size = 4, Color = "8EAADB" },
            new RightBorder { Val = BorderValues.Single, Size = 4, Color = "8EAADB" },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = "8EAADB" },
            new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Color = "8EAADB" });
        var tableStyle = new Style { Type = StyleValues.Table, StyleId = "CdppeTable" };
        tableStyle.Append(
            new StyleName { Val = "Tableau CDPPE" },
            new BasedOn { Val = "TableNormal" },
            new UIPriority { Val = 59 },
            new StyleTableProperties(
                borders,
                new TableCellMarginDefault(
                    new TopMargin { Width = "30", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = 70, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "30", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = 70, Type = TableWidthValues.Dxa })));
        var tableNormal = new Style { Type = StyleValues.Table, StyleId = "TableNormal", Default = true };
        tableNormal.Append(
            new StyleName { Val = "Normal Table" },
            new UIPriority { Val = 99 },
            new SemiHidden(),
            new UnhideWhenUsed(),
            new StyleTableProperties(
                new TableIndentation { Width = 0, Type = TableWidthUnitValues.Dxa },
                new TableCellMarginDefault(
                    new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = 108, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = 108, Type = TableWidthValues.Dxa })));
        var normal = new Style { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true };
        normal.Append(new StyleName { Val = "Normal" }, new PrimaryStyle());
        return new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri", ComplexScript = "Calibri", EastAsia = "Calibri" },
                    new FontSize { Val = "20" },
                    new FontSizeComplexScript { Val = "20" },
                    new Languages { Val = "fr-FR", EastAsia = "fr-FR", Bidi = "ar-SA" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new WidowControl(), new SpacingBetweenLines { After = "100", Line = "264", LineRule = LineSpacingRuleValues.Auto }))),
            normal,
            Paragraph("Title", "Title", "Normal", Para(240, 240, JustificationValues.Center), Run(56, bold: true, color: Accent)),
            Paragraph("Subtitle", "Subtitle", "Normal", Para(120, 240, JustificationValues.Center), Run(30, color: "2F5496")),
            Paragraph("CoverText", "Cover Text", "Normal", Para(60, 60, JustificationValues.Center), Run(26, color: Accent), primary: false),
            Paragraph("Heading1", "heading 1", "Normal", Para(240, 160, keepNext: true, outline: 0), Run(32, bold: true, color: Accent)),
            Paragraph("Heading2", "heading 2", "Normal", Para(200, 120, keepNext: true, outline: 1), Run(26, bold: true, color: "2F5496")),
            Paragraph("Heading3", "heading 3", "Normal", Para(160, 80, keepNext: true, outline: 2), Run(22, bold: true, color: "2F5496")),
            Paragraph("FicheHeading", "Fiche Heading", "Heading2", Para(480, 120, keepNext: true, outline: 1), null, primary: false),
            Paragraph("FicheObjective", "Fiche Objective", "Normal", Para(0, 120, keepNext: true), Run(20, bold: true, italic: true, color: Accent), primary: false),
            Paragraph("FicheReferent", "Fiche Referent", "Normal", Para(0, 80, keepNext: true), null, primary: false),
            Paragraph("ListText", "List Text", "Normal", new StyleParagraphProperties { SpacingBetweenLines = new SpacingBetweenLines { After = "40" }, Indentation = new Indentation { Left = "567", Hanging = "283" } }, null, primary: false),
            Paragraph("Note", "Note", "Normal", Para(60, 120), Run(17, italic: true, color: "595959"), primary: false),
            Paragraph("Centered", "Centered", "Normal", Para(120, 120, JustificationValues.Center), null, primary: false),
            Paragraph("TableText", "Table Text", "Normal", Para(0, 0), Run(15), primary: false),
            Paragraph("TableTextBold", "Table Text Bold", "TableText", null, Run(15, bold: true), primary: false),
            Paragraph("BasisText", "Basis Text", "Normal", Para(0, 0, JustificationValues.Center), Run(13, italic: true, color: "595959"), primary: false),
            Paragraph("TableHeading", "Table Heading", "Normal", Para(0, 0, JustificationValues.Center), Run(15, bold: true, color: "FFFFFF"), primary: false),
            Paragraph("TableLabel", "Table Label", "Normal", Para(0, 0), Run(18, bold: true, color: Accent), primary: false),
            Paragraph("BodyCell", "Body Cell", "Normal", Para(0, 60), Run(18), primary: false),
            Paragraph("Placeholder", "Placeholder", "Normal", Para(60, 160), Run(18, italic: true, color: "7F6000"), primary: false),
            Paragraph("Footer", "footer", "Normal", Para(0, 0), Run(16, color: "595959"), primary: false),
            tableNormal,
            tableStyle);
    }
}
