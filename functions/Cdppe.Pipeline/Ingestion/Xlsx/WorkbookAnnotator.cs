using System.Globalization;
using System.Text;
using Cdppe.Pipeline.Ingestion.Spreadsheets;
using Cdppe.Pipeline.Model;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Cdppe.Pipeline.Ingestion.Xlsx;

/// <summary>
/// A copy of a rejected workbook with a comment (note) on each faulty cell, as Excel shows them: a comments part per
/// sheet plus the legacy VML drawing that positions the notes, and a last sheet "Erreurs d'import" listing every
/// problem. The user opens it, sees each message on its cell, corrects and drops the file again.
/// </summary>
public static class WorkbookAnnotator
{
    /// <summary>Name of the sheet that lists the problems; the parser ignores it when the corrected copy comes back.</summary>
    public const string IssuesSheetName = "Erreurs d'import";

    private const string Author = "Cdppe (contrôle de l'import)";

    /// <summary>
    /// The annotated copy, or null when the file cannot be opened as a workbook or one of its parts is over
    /// <see cref="SpreadsheetLimits.Xml"/> (then only the report explains). The copy is built on the Open XML SDK's element
    /// tree, whose loader recurses: every part is checked first, a sheet nested 200 000 levels deep would overflow the stack.
    /// </summary>
    public static byte[]? Annotate(byte[] workbook, IReadOnlyList<ValidationIssue> issues, SpreadsheetLimits? limits = null)
    {
        try
        {
            // Read-only first: parts are inflated as they are read, and only as far as the size limit; an editable
            // package would inflate each part whole into memory when it is opened.
            using (var check = SpreadsheetDocument.Open(new MemoryStream(workbook, writable: false), false))
            {
                XlsxPartCheck.Check(check, limits ?? SpreadsheetLimits.Default);
            }

            using var stream = new MemoryStream();
            stream.Write(workbook);
            stream.Position = 0;
            using (var document = SpreadsheetDocument.Open(stream, true, new OpenSettings { AutoSave = true }))
            {
                var workbookPart = document.WorkbookPart;
                if (workbookPart?.Workbook.Sheets is not { } sheets)
                {
                    return null;
                }

                var sheetList = sheets.Elements<Sheet>().ToList();
                var index = 0;
                foreach (var group in issues.Where(i => i.Severity != Severity.Info && i.Sheet is not null).GroupBy(i => i.Sheet!))
                {
                    index++;
                    var sheet = sheetList.FirstOrDefault(s => s.Name?.Value == group.Key);
                    if (sheet?.Id?.Value is not { } id || workbookPart.GetPartById(id) is not WorksheetPart part)
                    {
                        continue;
                    }

                    AddNotes(part, group.GroupBy(i => i.Cell ?? "A1").ToDictionary(g => g.Key, g => string.Join("\n\n", g.Select(Text))), index, Author);
                }

                AddIssuesSheet(workbookPart, sheets, issues);
                workbookPart.Workbook.Save();
            }

            return stream.ToArray();
        }
        catch (Exception ex) when (ex is WorkbookFormatException or OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or IOException or InvalidOperationException or FileFormatException or ArgumentException)
        {
            return null;
        }
    }

    private static string Text(ValidationIssue issue)
    {
        var text = new StringBuilder(issue.Severity == Severity.Error ? "Erreur : " : "Avertissement : ").Append(issue.Message);
        if (issue.Seen is not null)
        {
            text.Append("\nVu : « ").Append(issue.Seen).Append(" »");
        }

        if (issue.Expected is not null)
        {
            text.Append("\nAttendu : ").Append(issue.Expected);
        }

        return text.ToString();
    }

    /// <summary>Adds notes to a sheet (to its comments part and the legacy drawing that shows them), merged with a cell's existing note.</summary>
    internal static void AddNotes(WorksheetPart part, IReadOnlyDictionary<string, string> notes, int sheetIndex, string author)
    {
        var commentsPart = part.WorksheetCommentsPart ?? part.AddNewPart<WorksheetCommentsPart>();
        commentsPart.Comments ??= new Comments(new Authors(), new CommentList());
        var comments = commentsPart.Comments;
        var authors = comments.Authors ??= new Authors();
        var authorIndex = authors.Elements<Author>().TakeWhile(a => a.Text != author).Count();
        if (authorIndex == authors.Elements<Author>().Count())
        {
            authors.Append(new Author(author));
        }

        var list = comments.CommentList ??= new CommentList();
        var shapes = new StringBuilder();
        foreach (var (reference, text) in notes)
        {
            var cell = CellReference.TryParse(reference, out _, out _) ? reference : "A1";
            var existing = list.Elements<Comment>().FirstOrDefault(c => c.Reference?.Value == cell);
            if (existing is not null)
            {
                existing.CommentText = new CommentText(new Text(existing.CommentText?.InnerText + "\n\n" + text) { Space = SpaceProcessingModeValues.Preserve });
                continue;
            }

            list.Append(new Comment(new CommentText(new Text(text) { Space = SpaceProcessingModeValues.Preserve })) { Reference = cell, AuthorId = (uint)authorIndex });
            shapes.Append(Shape(cell, sheetIndex, list.Elements<Comment>().Count()));
        }

        comments.Save();
        var worksheet = part.Worksheet;
        var legacy = worksheet.Elements<LegacyDrawing>().FirstOrDefault();
        if (legacy?.Id?.Value is { } vmlId && part.GetPartById(vmlId) is VmlDrawingPart existingVml)
        {
            string xml;
            using (var reader = new StreamReader(existingVml.GetStream(FileMode.Open, FileAccess.Read)))
            {
                xml = reader.ReadToEnd();
            }

            var end = xml.LastIndexOf("</xml>", StringComparison.Ordinal);
            if (end > 0)
            {
                WriteVml(existingVml, xml[..end] + shapes + xml[end..]);
            }

            return;
        }

        var vml = part.AddNewPart<VmlDrawingPart>();
        WriteVml(vml, Vml(sheetIndex, shapes.ToString()));
        var drawing = new LegacyDrawing { Id = part.GetIdOfPart(vml) };
        var before = worksheet.ChildElements.FirstOrDefault(e => e is LegacyDrawingHeaderFooter or Picture or OleObjects or Controls or WebPublishItems or TableParts or WorksheetExtensionList);
        if (before is not null)
        {
            worksheet.InsertBefore(drawing, before);
        }
        else
        {
            worksheet.Append(drawing);
        }

        worksheet.Save();
    }

    private static void WriteVml(VmlDrawingPart part, string xml)
    {
        using var writer = new StreamWriter(part.GetStream(FileMode.Create, FileAccess.Write), new UTF8Encoding(false));
        writer.Write(xml);
    }

    private static string Vml(int sheetIndex, string shapes) =>
        $"""
        <xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">
         <o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="{sheetIndex.ToString(CultureInfo.InvariantCulture)}"/></o:shapelayout>
         <v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">
          <v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/>
         </v:shapetype>
        {shapes}</xml>
        """;

    private static string Shape(string reference, int sheetIndex, int number)
    {
        if (!CellReference.TryParse(reference, out var column, out var row))
        {
            (column, row) = (1, 1);
        }

        var c = column - 1;
        var r = row - 1;
        var id = (sheetIndex * 1024) + number;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"""
             <v:shape id="_x0000_s{id}" type="#_x0000_t202" style="position:absolute;margin-left:60pt;margin-top:2pt;width:240pt;height:90pt;z-index:{number};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">
              <v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>
              <v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>
              <x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>{c + 1}, 15, {Math.Max(r - 1, 0)}, 2, {c + 5}, 15, {r + 6}, 4</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>{r}</x:Row><x:Column>{c}</x:Column></x:ClientData>
             </v:shape>

            """);
    }

    /// <summary>A last sheet listing every problem (inline strings, so the shared strings are untouched).</summary>
    private static void AddIssuesSheet(WorkbookPart workbookPart, Sheets sheets, IReadOnlyList<ValidationIssue> issues)
    {
        var name = IssuesSheetName;
        for (var n = 2; sheets.Elements<Sheet>().Any(s => s.Name?.Value == name); n++)
        {
            name = $"{IssuesSheetName} {n}";
        }

        var part = workbookPart.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        string?[] header = ["Gravité", "Feuille", "Cellule", "Message", "Valeur vue", "Valeur attendue"];
        data.Append(Row(1, header));
        var rowIndex = 1u;
        foreach (var issue in issues.Where(i => i.Severity != Severity.Info))
        {
            data.Append(Row(++rowIndex, [issue.SeverityLabel, issue.Sheet, issue.Cell, issue.Message, issue.Seen, issue.Expected]));
        }

        part.Worksheet = new Worksheet(
            new Columns(
                new Column { Min = 1, Max = 3, Width = 14, CustomWidth = true },
                new Column { Min = 4, Max = 4, Width = 90, CustomWidth = true },
                new Column { Min = 5, Max = 6, Width = 30, CustomWidth = true }),
            data);
        part.Worksheet.Save();
        var sheetId = sheets.Elements<Sheet>().Select(s => s.SheetId?.Value ?? 0).DefaultIfEmpty(0u).Max() + 1;
        sheets.Append(new Sheet { Name = name, SheetId = sheetId, Id = workbookPart.GetIdOfPart(part) });
    }

    private static Row Row(uint index, string?[] values)
    {
        var row = new Row { RowIndex = index };
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is { } value)
            {
                row.Append(new Cell(new InlineString(new Text(value) { Space = SpaceProcessingModeValues.Preserve }))
                {
                    CellReference = CellReference.Format(i + 1, (int)index),
                    DataType = CellValues.InlineString,
                });
            }
        }

        return row;
    }
}
