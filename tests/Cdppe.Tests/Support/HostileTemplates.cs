using System.Text;
using Cdppe.Tests.Reporting.Templating;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using static Cdppe.Tests.Reporting.Templating.Docx;

namespace Cdppe.Tests.Support;

/// <summary>Hostile Word templates, built as real .docx packages by the tests.</summary>
internal static class HostileTemplates
{
    /// <summary>A template whose body ends with <paramref name="depth"/> nested <c>w:customXml</c> (100 000 of them zip to about 11 KB).</summary>
    public static byte[] NestedCustomXml(int depth) =>
        HostileWorkbooks.WithInserted(Create(P("Rapport {{annee}}")), "word/document.xml", "</w:body>", HostileWorkbooks.Nested(depth, "w:customXml", string.Empty) + "<w:p/>");

    /// <summary><paramref name="depth"/> loops over the fiches, one in another, around one paragraph (the 1,3 KB template that exhausted the memory had five).</summary>
    public static byte[] NestedLoops(int depth, string list = "fiches") =>
        Create([
            .. Enumerable.Repeat(0, depth).Select(_ => P($"{{{{#{list}}}}}")),
            P("Fiche {{numero}} – {{intitule}}"),
            .. Enumerable.Repeat(0, depth).Select(_ => P($"{{{{/{list}}}}}")),
        ]);

    /// <summary>Data with <paramref name="count"/> fiches, as the report gives them (number and title).</summary>
    public static Dictionary<string, object?> Fiches(int count) => Data(
        ("annee", 2022),
        ("fiches", Enumerable.Range(1, count).Select(n => (object?)Data(("numero", n), ("intitule", $"Fiche action numéro {n} du plan"))).ToList()));

    /// <summary>An altChunk: an HTML page imported by Word when it opens the document, with a remote image.</summary>
    public static byte[] WithAltChunk()
    {
        using var stream = new MemoryStream();
        stream.Write(Create(P("Rapport {{annee}}")));
        using (var document = WordprocessingDocument.Open(stream, true))
        {
            var main = document.MainDocumentPart!;
            var chunk = main.AddAlternativeFormatImportPart(AlternativeFormatImportPartType.Html, "htmlChunk1");
            using (var html = chunk.GetStream(FileMode.Create))
            {
                html.Write(Encoding.UTF8.GetBytes("<html><body><p>Annexe</p><img src=\"http://attaquant.example/pixel.png\"></body></html>"));
            }

            main.Document.Body!.Append(new AltChunk { Id = "htmlChunk1" });
        }

        return stream.ToArray();
    }

    /// <summary>A paragraph holding a simple field (<c>w:fldSimple</c>) with this instruction.</summary>
    public static byte[] WithSimpleField(string instruction) =>
        Create(P("Rapport {{annee}}"), new Paragraph(new SimpleField(R("[image]")) { Instruction = instruction }));

    /// <summary>A paragraph holding a complex field whose instruction is split over several runs, as Word writes it after an edit.</summary>
    public static byte[] WithComplexField(params string[] instructionPieces)
    {
        var paragraph = new Paragraph(new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }));
        foreach (var piece in instructionPieces)
        {
            paragraph.Append(new Run(new FieldCode(piece) { Space = SpaceProcessingModeValues.Preserve }));
        }

        paragraph.Append(new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }), R("[contenu]"), new Run(new FieldChar { FieldCharType = FieldCharValues.End }));
        return Create(P("Rapport {{annee}}"), paragraph);
    }

    /// <summary>An INCLUDETEXT nested in an IF field: the inner field's instruction is checked on its own.</summary>
    public static byte[] WithNestedField()
    {
        OpenXmlElement Char(FieldCharValues type) => new Run(new FieldChar { FieldCharType = type });
        OpenXmlElement Code(string text) => new Run(new FieldCode(text) { Space = SpaceProcessingModeValues.Preserve });
        var paragraph = new Paragraph(
            Char(FieldCharValues.Begin), Code(" IF 1 = 1 \""),
            Char(FieldCharValues.Begin), Code(" INCLUDETEXT \"https://attaquant.example/annexe.docx\" "), Char(FieldCharValues.Separate), R("annexe"), Char(FieldCharValues.End),
            Code("\" \"\" "), Char(FieldCharValues.Separate), R("annexe"), Char(FieldCharValues.End));
        return Create(P("Rapport {{annee}}"), paragraph);
    }

    /// <summary>A field whose name is the result of a field nested before it: <c>{ { QUOTE "INCLUDE" }PICTURE "…" }</c>.</summary>
    public static byte[] WithComputedFieldName()
    {
        OpenXmlElement Char(FieldCharValues type) => new Run(new FieldChar { FieldCharType = type });
        OpenXmlElement Code(string text) => new Run(new FieldCode(text) { Space = SpaceProcessingModeValues.Preserve });
        var paragraph = new Paragraph(
            Char(FieldCharValues.Begin), Code("  "),
            Char(FieldCharValues.Begin), Code(" QUOTE \"INCLUDE\" "), Char(FieldCharValues.Separate), R("INCLUDE"), Char(FieldCharValues.End),
            Code("PICTURE \"http://attaquant.example/pixel.png\" \\d "), Char(FieldCharValues.Separate), R("[image]"), Char(FieldCharValues.End));
        return Create(P("Rapport {{annee}}"), paragraph);
    }

    /// <summary>A template whose body ends with a picture (<c>a:blip</c>) whose image is given by <paramref name="attribute"/> (<c>r:link</c>, <c>r:embed</c>) = relationship « rIdImage ».</summary>
    public static byte[] WithPicture(string attribute) =>
        HostileWorkbooks.WithInserted(Create(P("Rapport {{annee}}")), "word/document.xml", "</w:body>", $$"""
            <w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><wp:extent cx="952500" cy="952500"/><wp:docPr id="1" name="Image 1"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="0" name="image.png"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip {{attribute}}="rIdImage"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="952500" cy="952500"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>
            """);

    /// <summary>A template whose body ends with a VML picture (<c>w:pict/v:shape/v:imagedata r:id</c>) given by relationship « rIdImage ».</summary>
    public static byte[] WithVmlPicture() =>
        HostileWorkbooks.WithInserted(Create(P("Rapport {{annee}}")), "word/document.xml", "</w:body>", """
            <w:p><w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml" style="width:75pt;height:75pt"><v:imagedata r:id="rIdImage"/></v:shape></w:pict></w:r></w:p>
            """);

    /// <summary>A template whose body ends with a hyperlink (<c>w:hyperlink r:id</c>) given by relationship « rIdLien ».</summary>
    public static byte[] WithHyperlink() =>
        HostileWorkbooks.WithInserted(Create(P("Rapport {{annee}}")), "word/document.xml", "</w:body>", """
            <w:p><w:hyperlink r:id="rIdLien"><w:r><w:t>Légifrance</w:t></w:r></w:hyperlink></w:p>
            """);

    /// <summary>Adds a relationship to the main document part's, as written by hand (any type, any target).</summary>
    public static byte[] WithRelationship(byte[] docx, string id, string type, string target, bool external)
    {
        const string Entry = "word/_rels/document.xml.rels";
        var relationship = $"<Relationship Id=\"{id}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/{type}\" Target=\"{target}\"{(external ? " TargetMode=\"External\"" : string.Empty)}/>";
        return HasEntry(docx, Entry)
            ? HostileWorkbooks.WithInserted(docx, Entry, "</Relationships>", relationship)
            : HostileWorkbooks.WithEntry(docx, Entry, $"<?xml version=\"1.0\" encoding=\"utf-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">{relationship}</Relationships>");
    }

    /// <summary>A macro-enabled document (.docm) carrying a VBA project whose <c>AutoOpen</c> runs a program.</summary>
    public static byte[] WithVbaProject()
    {
        using var stream = new MemoryStream();
        stream.Write(Create(P("Rapport {{annee}}")));
        using (var document = WordprocessingDocument.Open(stream, true))
        {
            document.ChangeDocumentType(WordprocessingDocumentType.MacroEnabledDocument);
            var vba = document.MainDocumentPart!.AddNewPart<VbaProjectPart>();
            using var part = vba.GetStream(FileMode.Create);
            part.Write("Attribute VB_Name = \"Module1\"\nSub AutoOpen(): Shell \"calc\": End Sub"u8);
        }

        return stream.ToArray();
    }

    /// <summary>A document whose settings hold this mail merge (the inside of <c>w:mailMerge</c>).</summary>
    public static byte[] WithMailMerge(string mailMerge)
    {
        using var stream = new MemoryStream();
        stream.Write(Create(P("Rapport {{annee}}")));
        using (var document = WordprocessingDocument.Open(stream, true))
        {
            var settings = document.MainDocumentPart!.AddNewPart<DocumentSettingsPart>();
            using var part = settings.GetStream(FileMode.Create);
            part.Write(Encoding.UTF8.GetBytes($"<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:mailMerge>{mailMerge}</w:mailMerge></w:settings>"));
        }

        return stream.ToArray();
    }

    /// <summary>The template with one more stored entry of <paramref name="bytes"/> bytes (random, so that they do not compress), unreferenced.</summary>
    public static byte[] WithStoredEntry(byte[] docx, string entryName, int bytes, bool zeros = false)
    {
        var content = new byte[bytes];
        if (!zeros)
        {
            new Random(bytes).NextBytes(content);
        }

        return HostileWorkbooks.WithEntry(docx, entryName, content);
    }

    private static bool HasEntry(byte[] package, string entryName)
    {
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(package), System.IO.Compression.ZipArchiveMode.Read);
        return zip.GetEntry(entryName) is not null;
    }
}
