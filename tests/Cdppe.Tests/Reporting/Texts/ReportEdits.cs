using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;

namespace Cdppe.Tests.Reporting.Texts;

/// <summary>Edits a generated report as a user does in Word: text typed into the places (lists made with the bullets button), a paragraph typed outside them, a hostile addition.</summary>
internal static class ReportEdits
{
    public static readonly XNamespace W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /// <summary>The numbering Word adds for the bullets button.</summary>
    public const string BulletNumId = "77";

    public static XElement P(params object[] content) => new(W + "p", content);

    public static XElement R(string text, bool bold = false, bool italic = false, bool underline = false) =>
        new(
            W + "r",
            bold || italic || underline ? new XElement(W + "rPr", bold ? new XElement(W + "b") : null, italic ? new XElement(W + "i") : null, underline ? new XElement(W + "u", new XAttribute(W + "val", "single")) : null) : null,
            new XElement(W + "t", new XAttribute(XNamespace.Xml + "space", "preserve"), text));

    public static XElement Break() => new(W + "r", new XElement(W + "br"));

    public static XElement Bullet(params object[] content) =>
        new(W + "p", new XElement(W + "pPr", new XElement(W + "numPr", new XElement(W + "ilvl", new XAttribute(W + "val", "0")), new XElement(W + "numId", new XAttribute(W + "val", BulletNumId)))), content);

    /// <summary>Replaces the content of each named place (found by its control's tag) with the paragraphs, keeping the bookmark around it as typing inside does.</summary>
    public static byte[] Fill(byte[] docx, IReadOnlyDictionary<string, XElement[]> texts) => Edit(docx, (main, body) =>
    {
        AddBulletNumbering(main);
        foreach (var control in body.Descendants(W + "sdt").ToList())
        {
            var tag = control.Element(W + "sdtPr")?.Element(W + "tag")?.Attribute(W + "val")?.Value;
            if (tag is null || !texts.TryGetValue(tag, out var paragraphs))
            {
                continue;
            }

            control.Element(W + "sdtPr")!.Element(W + "showingPlcHdr")?.Remove();
            var content = control.Element(W + "sdtContent")!;
            var start = content.Descendants(W + "bookmarkStart").First();
            var end = content.Descendants(W + "bookmarkEnd").First();
            var copies = paragraphs.Select(p => new XElement(p)).ToList();
            copies[0].Element(W + "pPr")?.AddAfterSelf(new XElement(start));
            if (copies[0].Element(W + "bookmarkStart") is null)
            {
                copies[0].AddFirst(new XElement(start));
            }

            copies[^1].Add(new XElement(end));
            content.ReplaceNodes(copies);
        }
    });

    /// <summary>Adds a paragraph before the control of <paramref name="place"/>.</summary>
    public static byte[] TypeBefore(byte[] docx, string place, string text) => Edit(docx, (_, body) =>
        body.Descendants(W + "sdt").First(c => c.Element(W + "sdtPr")?.Element(W + "tag")?.Attribute(W + "val")?.Value == place).AddBeforeSelf(P(R(text))));

    /// <summary>Takes from a place's control everything that names it (tag, bookmark) and gives it another title, as a program that rewrites controls might.</summary>
    public static byte[] Anonymize(byte[] docx, string place, string title) => Edit(docx, (_, body) =>
    {
        var control = body.Descendants(W + "sdt").First(c => c.Element(W + "sdtPr")?.Element(W + "tag")?.Attribute(W + "val")?.Value == place);
        control.Element(W + "sdtPr")!.Element(W + "tag")!.Remove();
        control.Element(W + "sdtPr")!.Element(W + "alias")!.SetAttributeValue(W + "val", title);
        control.Descendants().Where(e => e.Name == W + "bookmarkStart" || e.Name == W + "bookmarkEnd").Remove();
    });

    /// <summary>Adds an empty content control at the end of the body, before its section properties.</summary>
    public static byte[] AddControl(byte[] docx) => Edit(docx, (_, body) =>
        body.Element(W + "sectPr")!.AddBeforeSelf(new XElement(W + "sdt", new XElement(W + "sdtPr", new XElement(W + "alias", new XAttribute(W + "val", "Autre"))), new XElement(W + "sdtContent", P()))));

    /// <summary>Adds a run to the first paragraph of a place's content.</summary>
    public static byte[] AddToPlace(byte[] docx, string place, XElement run) => Edit(docx, (_, body) =>
        body.Descendants(W + "sdt").First(c => c.Element(W + "sdtPr")?.Element(W + "tag")?.Attribute(W + "val")?.Value == place)
            .Element(W + "sdtContent")!.Element(W + "p")!.Add(run));

    /// <summary>An image linked from a web address (an external relationship), shown in a place.</summary>
    public static byte[] ExternalImage(byte[] docx, string place)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        string id;
        using (var document = WordprocessingDocument.Open(stream, true))
        {
            id = document.MainDocumentPart!.AddExternalRelationship("http://schemas.openxmlformats.org/officeDocument/2006/relationships/image", new Uri("http://example.org/image.png")).Id;
        }

        XNamespace v = "urn:schemas-microsoft-com:vml";
        XNamespace r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        return AddToPlace(stream.ToArray(), place, new XElement(W + "r", new XElement(W + "pict", new XElement(v + "shape", new XElement(v + "imagedata", new XAttribute(r + "id", id))))));
    }

    /// <summary>The control of a place in a report.</summary>
    public static XElement Control(byte[] docx, string place)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        using var part = document.MainDocumentPart!.GetStream();
        return XDocument.Load(part).Descendants(W + "sdt").Single(c => c.Element(W + "sdtPr")?.Element(W + "tag")?.Attribute(W + "val")?.Value == place);
    }

    /// <summary>The text of the document's body, no-break spaces as spaces.</summary>
    public static string BodyText(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return string.Join('\n', document.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText)).Replace('\u00A0', ' ').Replace('\u202F', ' ');
    }

    /// <summary>The numbering format of a list paragraph's level in the report (bullet, decimal).</summary>
    public static string? ListFormat(byte[] docx, XElement paragraph)
    {
        var numId = paragraph.Element(W + "pPr")?.Element(W + "numPr")?.Element(W + "numId")?.Attribute(W + "val")?.Value;
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        using var part = document.MainDocumentPart!.NumberingDefinitionsPart!.GetStream();
        var numbering = XDocument.Load(part).Root!;
        var abstractId = numbering.Elements(W + "num").Single(n => n.Attribute(W + "numId")?.Value == numId).Element(W + "abstractNumId")!.Attribute(W + "val")!.Value;
        return numbering.Elements(W + "abstractNum").Single(a => a.Attribute(W + "abstractNumId")?.Value == abstractId).Elements(W + "lvl").First().Element(W + "numFmt")!.Attribute(W + "val")!.Value;
    }

    private static byte[] Edit(byte[] docx, Action<MainDocumentPart, XElement> change)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var document = WordprocessingDocument.Open(stream, true))
        {
            var main = document.MainDocumentPart!;
            XDocument xml;
            using (var read = main.GetStream())
            {
                xml = XDocument.Load(read);
            }

            change(main, xml.Root!.Element(W + "body")!);
            using var write = main.GetStream(FileMode.Create);
            xml.Save(write);
        }

        return stream.ToArray();
    }

    private static void AddBulletNumbering(MainDocumentPart main)
    {
        var part = main.NumberingDefinitionsPart ?? main.AddNewPart<NumberingDefinitionsPart>();
        XDocument numbering;
        using (var read = part.GetStream())
        {
            numbering = read.Length == 0 ? new XDocument(new XElement(W + "numbering", new XAttribute(XNamespace.Xmlns + "w", W.NamespaceName))) : XDocument.Load(read);
        }

        var definition = new XElement(
            W + "abstractNum",
            new XAttribute(W + "abstractNumId", "77"),
            new XElement(W + "lvl", new XAttribute(W + "ilvl", "0"), new XElement(W + "start", new XAttribute(W + "val", "1")), new XElement(W + "numFmt", new XAttribute(W + "val", "bullet")), new XElement(W + "lvlText", new XAttribute(W + "val", "•"))));
        if (numbering.Root!.Element(W + "num") is { } first)
        {
            first.AddBeforeSelf(definition);
        }
        else
        {
            numbering.Root.Add(definition);
        }

        numbering.Root.Add(new XElement(W + "num", new XAttribute(W + "numId", BulletNumId), new XElement(W + "abstractNumId", new XAttribute(W + "val", "77"))));
        using var write = part.GetStream(FileMode.Create);
        numbering.Save(write);
    }
}
