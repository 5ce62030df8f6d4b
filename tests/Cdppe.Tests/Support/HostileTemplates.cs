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
}
