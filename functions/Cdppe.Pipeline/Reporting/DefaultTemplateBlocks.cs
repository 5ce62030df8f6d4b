using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Cdppe.Pipeline.Reporting;

/// <summary>The building blocks of <see cref="DefaultReportTemplate"/>: paragraphs, tables, cells, fields, bookmarks and sections, in its colours.</summary>
internal static class DefaultTemplateBlocks
{
    internal const string Accent = "1F3864";
    internal const string BannerFill = "D9E2F3";
    internal const string HeaderFill = "1F3864";
    internal const string TotalFill = "F2F2F2";

    internal static Run TextRun(string text) => new(new Text(text) { Space = SpaceProcessingModeValues.Preserve });

    internal static Paragraph P(string text, string? style = null, bool pageBreakBefore = false)
    {
        var paragraph = new Paragraph();
        if (style is not null || pageBreakBefore)
        {
            paragraph.Append(new ParagraphProperties
            {
                ParagraphStyleId = style is null ? null : new ParagraphStyleId { Val = style },
                PageBreakBefore = pageBreakBefore ? new PageBreakBefore() : null,
            });
        }

        if (text.Length > 0)
        {
            paragraph.Append(TextRun(Model.FrenchTypography.Apply(text)));
        }

        return paragraph;
    }

    /// <summary>A right-aligned PAGEREF field to a bookmark (its name may hold tags), then <paramref name="after"/>.</summary>
    internal static Paragraph PageReference(string bookmark, string after)
    {
        var paragraph = P(string.Empty, "TableText");
        paragraph.ParagraphProperties!.Justification = new Justification { Val = JustificationValues.Right };
        paragraph.Append(
            new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(new FieldCode($" PAGEREF {bookmark} \\h ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
            TextRun("…"),
            new Run(new FieldChar { FieldCharType = FieldCharValues.End }),
            TextRun(after));
        return paragraph;
    }

    internal static Paragraph Bookmarked(Paragraph paragraph, string name)
    {
        paragraph.InsertAfter(new BookmarkStart { Id = "100", Name = name }, paragraph.ParagraphProperties);
        paragraph.Append(new BookmarkEnd { Id = "100" });
        return paragraph;
    }

    internal static Table Grid(int[] widths, params TableRow[] rows)
    {
        var table = new Table(
            new TableProperties
            {
                TableStyle = new TableStyle { Val = "CdppeTable" },
                TableWidth = new TableWidth { Type = TableWidthUnitValues.Dxa, Width = widths.Sum().ToString(System.Globalization.CultureInfo.InvariantCulture) },
                TableLayout = new TableLayout { Type = TableLayoutValues.Fixed },
                TableLook = new TableLook { Val = "0420" },
            },
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) })));
        table.Append(rows);
        return table;
    }

    /// <summary>Every paragraph of the table kept with the next one: the table stays on the page of the chart that follows it.</summary>
    internal static Table KeptWithNext(Table table)
    {
        foreach (var paragraph in table.Descendants<Paragraph>())
        {
            (paragraph.ParagraphProperties ??= new ParagraphProperties()).KeepNext = new KeepNext();
        }

        return table;
    }

    /// <summary>
    /// A row never split across pages; a header row is also repeated at the top of each page and kept with the row
    /// after it (its paragraphs kept with the next), so that it never ends a page alone.
    /// </summary>
    internal static TableRow Row(bool header, params TableCell[] cells)
    {
        var row = new TableRow();
        row.Append(new TableRowProperties(header ? [new CantSplit(), new TableHeader()] : [new CantSplit()]));
        row.Append(cells);
        if (header)
        {
            foreach (var paragraph in row.Descendants<Paragraph>())
            {
                (paragraph.ParagraphProperties ??= new ParagraphProperties()).KeepNext = new KeepNext();
            }
        }

        return row;
    }

    /// <summary>A row that may run over two pages: a fiche's texts, which can be longer than a page.</summary>
    internal static TableRow SplittableRow(params TableCell[] cells)
    {
        var row = new TableRow();
        row.Append(new TableRowProperties(new CantSplit { Val = OnOffOnlyValues.Off }));
        row.Append(cells);
        return row;
    }

    /// <summary>A caption or an introductory line kept on the page of what follows it.</summary>
    internal static Paragraph Caption(string text, string style)
    {
        var paragraph = P(text, style);
        paragraph.ParagraphProperties!.KeepNext = new KeepNext();
        return paragraph;
    }

    /// <summary>A header row (repeated on each page) of one heading per column, in the order of <paramref name="widths"/>.</summary>
    internal static TableRow HeaderRow(int[] widths, params string[] headings) =>
        Row(header: true, [.. headings.Select((h, i) => HeaderCell(h, widths[i]))]);

    internal static TableCell HeaderCell(string text, int width, int span = 1, MergedCellValues? merge = null)
    {
        var paragraph = P(text, "TableHeading");
        return CellOf(width, new CellOptions(HeaderFill, span, merge), paragraph);
    }

    internal static TableCell LabelCell(string text, int width) => CellOf(width, new CellOptions(BannerFill, 1, null, Top: true), P(text, "TableLabel"));

    internal static TableCell Cell(string text, int width, string? fill = null, bool bold = false, int span = 1, bool right = false, bool center = false, string? style = null, MergedCellValues? merge = null)
    {
        var chosen = style ?? (bold ? "TableTextBold" : "TableText");
        var paragraph = P(text, chosen);
        if (right || center)
        {
            paragraph.ParagraphProperties!.Justification = new Justification { Val = right ? JustificationValues.Right : JustificationValues.Center };
        }

        return CellOf(width, new CellOptions(fill, span, merge), paragraph);
    }

    /// <summary>An indicator's status, centred, and under it in small type what the status compared (<c>baseStatut</c>).</summary>
    internal static TableCell StatusCell(int width, string closing)
    {
        var status = P("{{statut | sinon:\"—\"}}", "TableText");
        status.ParagraphProperties!.Justification = new Justification { Val = JustificationValues.Center };
        return CellOf(width, null, status, P("{{baseStatut}}" + closing, "BasisText"));
    }

    internal sealed record CellOptions(string? Fill, int Span, MergedCellValues? Merge, bool Top = false);

    internal static TableCell CellOf(int width, CellOptions? options, params OpenXmlElement[] blocks)
    {
        var properties = new TableCellProperties
        {
            TableCellWidth = new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = width.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };
        if (options?.Span > 1)
        {
            properties.GridSpan = new GridSpan { Val = options.Span };
        }

        if (options?.Merge is { } merge)
        {
            properties.VerticalMerge = new VerticalMerge { Val = merge };
        }

        if (options?.Fill is { } fill)
        {
            properties.Shading = new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = fill };
        }

        properties.TableCellVerticalAlignment = new TableCellVerticalAlignment { Val = options?.Top == true ? TableVerticalAlignmentValues.Top : TableVerticalAlignmentValues.Center };
        var cell = new TableCell(properties);
        cell.Append(blocks);
        return cell;
    }

    internal static Paragraph SectionBreak(bool landscape, string footerId) => new(new ParagraphProperties { SectionProperties = Section(landscape, footerId) });

    internal static SectionProperties Section(bool landscape, string footerId) => new(
        new FooterReference { Type = HeaderFooterValues.Default, Id = footerId },
        new SectionType { Val = SectionMarkValues.NextPage },
        landscape
            ? new PageSize { Width = 16838U, Height = 11906U, Orient = PageOrientationValues.Landscape }
            : new PageSize { Width = 11906U, Height = 16838U },
        landscape
            ? new PageMargin { Top = 851, Bottom = 851, Left = 720U, Right = 720U, Header = 425U, Footer = 425U, Gutter = 0U }
            : new PageMargin { Top = 1134, Bottom = 1134, Left = 1134U, Right = 1134U, Header = 567U, Footer = 567U, Gutter = 0U });
}
