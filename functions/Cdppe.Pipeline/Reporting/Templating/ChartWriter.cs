using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Cdppe.Pipeline.Reporting.Templating;

/// <summary>
/// Writes native Word charts: the inline drawing of the run, the DrawingML chart part (with cached values so that
/// Word and LibreOffice draw it without Excel) and the embedded workbook that holds the same data.
/// </summary>
internal static class ChartWriter
{
    private const long EmuPerCm = 360_000;
    private const string SheetName = "Feuil1";

    public static string InlineDrawing(string relationshipId, ChartData chart)
    {
        var sb = new StringBuilder(900);
        var cx = (long)(chart.WidthCm * EmuPerCm);
        var cy = (long)(chart.HeightCm * EmuPerCm);
        sb.Append("<w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\" xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\">")
            .Append(CultureInfo.InvariantCulture, $"<wp:extent cx=\"{cx}\" cy=\"{cy}\"/>")
            .Append("<wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/>")
            .Append("<wp:docPr id=\"1\" name=\"");
        XmlChunkWriter.AppendEscaped(sb, "Graphique", attribute: true);
        sb.Append("\" descr=\"");
        XmlChunkWriter.AppendEscaped(sb, chart.Description ?? chart.Title, attribute: true);
        sb.Append("\"/><wp:cNvGraphicFramePr/>")
            .Append("<a:graphic xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/chart\">")
            .Append("<c:chart xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" r:id=\"")
            .Append(relationshipId)
            .Append("\"/></a:graphicData></a:graphic></wp:inline></w:drawing>");
        return sb.ToString();
    }

    public static void AddChartPart(MainDocumentPart main, ChartRequest request)
    {
        var part = main.AddNewPart<ChartPart>(request.RelationshipId);
        var workbook = part.AddEmbeddedPackagePart(EmbeddedPackagePartType.Xlsx);
        using (var stream = new MemoryStream(Workbook(request.Data)))
        {
            workbook.FeedData(stream);
        }

        using var xml = new MemoryStream(Encoding.UTF8.GetBytes(ChartSpace(request.Data, part.GetIdOfPart(workbook))));
        part.FeedData(xml);
    }

    internal static string ChartSpace(ChartData chart, string workbookRelationshipId)
    {
        var sb = new StringBuilder(4096);
        sb.Append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>")
            .Append("<c:chartSpace xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">")
            .Append("<c:date1904 val=\"0\"/><c:lang val=\"fr-FR\"/><c:roundedCorners val=\"0\"/><c:chart>");
        sb.Append("<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz=\"1100\" b=\"1\"/></a:pPr><a:r><a:rPr lang=\"fr-FR\" sz=\"1100\" b=\"1\"/><a:t>");
        XmlChunkWriter.AppendEscaped(sb, chart.Title, attribute: false);
        sb.Append("</a:t></a:r></a:p></c:rich></c:tx><c:overlay val=\"0\"/></c:title><c:autoTitleDeleted val=\"0\"/><c:plotArea><c:layout/>");
        var bar = chart.Kind == ChartKind.Bar;
        sb.Append(bar ? "<c:barChart><c:barDir val=\"bar\"/><c:grouping val=\"clustered\"/>" : "<c:lineChart><c:grouping val=\"standard\"/>");
        sb.Append("<c:varyColors val=\"0\"/>");
        var rows = chart.Categories.Count;
        for (var s = 0; s < chart.Series.Count; s++)
        {
            var series = chart.Series[s];
            var column = (char)('B' + s);
            sb.Append(CultureInfo.InvariantCulture, $"<c:ser><c:idx val=\"{s}\"/><c:order val=\"{s}\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<c:tx><c:strRef><c:f>{SheetName}!${column}$1</c:f><c:strCache><c:ptCount val=\"1\"/><c:pt idx=\"0\"><c:v>");
            XmlChunkWriter.AppendEscaped(sb, series.Name, attribute: false);
            sb.Append("</c:v></c:pt></c:strCache></c:strRef></c:tx>");
            if (bar)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<c:spPr><a:solidFill><a:srgbClr val=\"{series.Color}\"/></a:solidFill></c:spPr><c:invertIfNegative val=\"0\"/>");
            }
            else
            {
                var dash = series.Dashed ? "<a:prstDash val=\"dash\"/>" : string.Empty;
                sb.Append(CultureInfo.InvariantCulture, $"<c:spPr><a:ln w=\"28575\" cap=\"rnd\"><a:solidFill><a:srgbClr val=\"{series.Color}\"/></a:solidFill>{dash}<a:round/></a:ln></c:spPr>");
                sb.Append(series.Marker == ChartMarker.None
                    ? "<c:marker><c:symbol val=\"none\"/></c:marker>"
                    : string.Create(CultureInfo.InvariantCulture, $"<c:marker><c:symbol val=\"{Symbol(series.Marker)}\"/><c:size val=\"{(series.Marker == ChartMarker.Circle ? 7 : 9)}\"/><c:spPr><a:solidFill><a:srgbClr val=\"{series.Color}\"/></a:solidFill></c:spPr></c:marker>"));
            }

            if (bar)
            {
                sb.Append("<c:dLbls><c:numFmt formatCode=\"");
                XmlChunkWriter.AppendEscaped(sb, chart.NumberFormat, attribute: true);
                sb.Append("\" sourceLinked=\"0\"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr><c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz=\"800\"/></a:pPr><a:endParaRPr lang=\"fr-FR\"/></a:p></c:txPr>")
                    .Append("<c:showLegendKey val=\"0\"/><c:showVal val=\"1\"/><c:showCatName val=\"0\"/><c:showSerName val=\"0\"/><c:showPercent val=\"0\"/><c:showBubbleSize val=\"0\"/></c:dLbls>");
            }

            sb.Append(CultureInfo.InvariantCulture, $"<c:cat><c:strRef><c:f>{SheetName}!$A$2:$A${rows + 1}</c:f><c:strCache><c:ptCount val=\"{rows}\"/>");
            for (var i = 0; i < rows; i++)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<c:pt idx=\"{i}\"><c:v>");
                XmlChunkWriter.AppendEscaped(sb, chart.Categories[i], attribute: false);
                sb.Append("</c:v></c:pt>");
            }

            sb.Append("</c:strCache></c:strRef></c:cat>");
            sb.Append(CultureInfo.InvariantCulture, $"<c:val><c:numRef><c:f>{SheetName}!${column}$2:${column}${rows + 1}</c:f><c:numCache><c:formatCode>");
            XmlChunkWriter.AppendEscaped(sb, chart.NumberFormat, attribute: false);
            sb.Append(CultureInfo.InvariantCulture, $"</c:formatCode><c:ptCount val=\"{rows}\"/>");
            for (var i = 0; i < rows; i++)
            {
                if (i < series.Values.Count && series.Values[i] is { } v)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"<c:pt idx=\"{i}\"><c:v>{v.ToString(CultureInfo.InvariantCulture)}</c:v></c:pt>");
                }
            }

            sb.Append("</c:numCache></c:numRef></c:val>");
            if (!bar)
            {
                sb.Append("<c:smooth val=\"0\"/>");
            }

            sb.Append("</c:ser>");
        }

        sb.Append(bar ? "<c:gapWidth val=\"60\"/>" : "<c:marker val=\"1\"/>");
        sb.Append("<c:axId val=\"500100\"/><c:axId val=\"500200\"/>").Append(bar ? "</c:barChart>" : "</c:lineChart>");
        sb.Append("<c:catAx><c:axId val=\"500100\"/><c:scaling><c:orientation val=\"").Append(bar ? "maxMin" : "minMax").Append("\"/></c:scaling><c:delete val=\"0\"/>")
            .Append("<c:axPos val=\"").Append(bar ? "l" : "b").Append("\"/><c:numFmt formatCode=\"General\" sourceLinked=\"0\"/><c:majorTickMark val=\"none\"/><c:minorTickMark val=\"none\"/><c:tickLblPos val=\"low\"/>")
            .Append("<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz=\"800\"/></a:pPr><a:endParaRPr lang=\"fr-FR\"/></a:p></c:txPr>")
            .Append("<c:crossAx val=\"500200\"/><c:crosses val=\"autoZero\"/><c:auto val=\"1\"/><c:lblAlgn val=\"ctr\"/><c:lblOffset val=\"100\"/><c:noMultiLvlLbl val=\"0\"/></c:catAx>");
        sb.Append("<c:valAx><c:axId val=\"500200\"/><c:scaling><c:orientation val=\"minMax\"/><c:min val=\"0\"/></c:scaling><c:delete val=\"0\"/>")
            .Append("<c:axPos val=\"").Append(bar ? "t" : "l").Append("\"/><c:majorGridlines><c:spPr><a:ln w=\"6350\"><a:solidFill><a:srgbClr val=\"D9D9D9\"/></a:solidFill></a:ln></c:spPr></c:majorGridlines><c:numFmt formatCode=\"");
        XmlChunkWriter.AppendEscaped(sb, chart.NumberFormat, attribute: true);
        sb.Append("\" sourceLinked=\"0\"/><c:majorTickMark val=\"none\"/><c:minorTickMark val=\"none\"/><c:tickLblPos val=\"nextTo\"/>")
            .Append("<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz=\"800\"/></a:pPr><a:endParaRPr lang=\"fr-FR\"/></a:p></c:txPr>")
            .Append("<c:crossAx val=\"500100\"/><c:crosses val=\"").Append(bar ? "max" : "autoZero").Append("\"/><c:crossBetween val=\"between\"/>");
        if (chart.MajorUnit is { } unit)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<c:majorUnit val=\"{unit}\"/>");
        }

        sb.Append("</c:valAx>");
        sb.Append("</c:plotArea><c:legend><c:legendPos val=\"b\"/><c:overlay val=\"0\"/></c:legend><c:plotVisOnly val=\"1\"/><c:dispBlanksAs val=\"gap\"/></c:chart>");
        sb.Append("<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz=\"900\"><a:latin typeface=\"Calibri\"/></a:defRPr></a:pPr><a:endParaRPr lang=\"fr-FR\"/></a:p></c:txPr>");
        sb.Append("<c:externalData r:id=\"").Append(workbookRelationshipId).Append("\"><c:autoUpdate val=\"0\"/></c:externalData></c:chartSpace>");
        return sb.ToString();
    }

    /// <summary>The embedded workbook: categories in column A, one series per column from B, names in row 1.</summary>
    internal static byte[] Workbook(ChartData chart)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            var header = new Row { RowIndex = 1 };
            header.Append(TextCell("A1", string.Empty));
            for (var s = 0; s < chart.Series.Count; s++)
            {
                header.Append(TextCell(Column(s) + "1", chart.Series[s].Name));
            }

            data.Append(header);
            for (var i = 0; i < chart.Categories.Count; i++)
            {
                var r = (uint)(i + 2);
                var row = new Row { RowIndex = r };
                row.Append(TextCell("A" + r.ToString(CultureInfo.InvariantCulture), chart.Categories[i]));
                for (var s = 0; s < chart.Series.Count; s++)
                {
                    var values = chart.Series[s].Values;
                    if (i < values.Count && values[i] is { } v)
                    {
                        row.Append(new Cell { CellReference = Column(s) + r.ToString(CultureInfo.InvariantCulture), CellValue = new CellValue(v.ToString(CultureInfo.InvariantCulture)) });
                    }
                }

                data.Append(row);
            }

            sheetPart.Worksheet = new Worksheet(data);
            workbookPart.Workbook = new Workbook(new Sheets(new Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = 1, Name = SheetName }));
        }

        return stream.ToArray();
    }

    private static string Symbol(ChartMarker marker) => marker switch
    {
        ChartMarker.Triangle => "triangle",
        ChartMarker.Diamond => "diamond",
        ChartMarker.Square => "square",
        _ => "circle",
    };

    private static string Column(int series) => ((char)('B' + series)).ToString();

    private static Cell TextCell(string reference, string text) =>
        new() { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(text) { Space = SpaceProcessingModeValues.Preserve }) };
}
