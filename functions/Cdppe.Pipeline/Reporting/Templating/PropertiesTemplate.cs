using System.Text;
using System.Xml;
using System.Xml.Linq;
using Cdppe.Pipeline.Xml;
using DocumentFormat.OpenXml.Packaging;

namespace Cdppe.Pipeline.Reporting.Templating;

/// <summary>
/// The document properties of a template (<c>docProps/core.xml</c>: title, subject, author…; <c>app.xml</c>;
/// <c>custom.xml</c>): value tags in their texts are replaced like in the body, as docxtemplater does, so that
/// "Rapport d'exécution {{annee}}" as the title of the file becomes "Rapport d'exécution 2022". Only values are
/// allowed there: a section or chart tag is an error of the template.
/// </summary>
internal sealed class PropertiesTemplate
{
    private readonly Func<WordprocessingDocument, OpenXmlPart?> select;
    private readonly string uri;
    private readonly XDocument xml;
    private readonly List<(XText Node, List<object> Pieces)> texts;

    private PropertiesTemplate(Func<WordprocessingDocument, OpenXmlPart?> select, string uri, XDocument xml, List<(XText, List<object>)> texts)
    {
        this.select = select;
        this.uri = uri;
        this.xml = xml;
        this.texts = texts;
    }

    public IEnumerable<TemplateTag> Tags => texts.SelectMany(t => t.Pieces.OfType<TemplateTag>());

    /// <summary>The property parts of the document that hold tags.</summary>
    public static List<PropertiesTemplate> CompileAll(WordprocessingDocument document, List<TemplateError> errors)
    {
        var result = new List<PropertiesTemplate>();
        foreach (var select in new Func<WordprocessingDocument, OpenXmlPart?>[] { d => d.CoreFilePropertiesPart, d => d.ExtendedFilePropertiesPart, d => d.CustomFilePropertiesPart })
        {
            if (select(document) is { } part && Compile(select, part, errors) is { } compiled)
            {
                result.Add(compiled);
            }
        }

        return result;
    }

    private static PropertiesTemplate? Compile(Func<WordprocessingDocument, OpenXmlPart?> select, OpenXmlPart part, List<TemplateError> errors)
    {
        XDocument xml;
        using (var stream = part.GetStream(FileMode.Open, FileAccess.Read))
        using (var reader = XmlReader.Create(stream, HardenedXmlReaderSettings.ForDocument(DocxTemplate.XmlLimits.MaxPartBytes)))
        {
            xml = XDocument.Load(reader, LoadOptions.PreserveWhitespace);
        }

        var partUri = part.Uri.ToString();
        var texts = new List<(XText, List<object>)>();
        var order = 0;
        foreach (var node in xml.DescendantNodes().OfType<XText>().Where(t => t.Value.Contains("{{", StringComparison.Ordinal) || t.Value.Contains("}}", StringComparison.Ordinal)).ToList())
        {
            var text = node.Value;
            var location = new TemplateLocation(partUri, texts.Count + 1, text.Length <= 80 ? text : text[..77] + "…");
            var lexErrors = new List<LexError>();
            var pieces = new List<object>();
            var position = 0;
            foreach (var lexed in TemplateLexer.Scan(text, lexErrors))
            {
                pieces.Add(text[position..lexed.Start]);
                position = lexed.End;
                if (TagParser.Parse(lexed.Raw, lexed.Content, location, order++, errors) is not { } tag)
                {
                    continue;
                }

                if (tag.Kind != TagKind.Value)
                {
                    errors.Add(TemplateErrors.NotAValueInProperties(tag));
                    continue;
                }

                pieces.Add(tag);
            }

            pieces.Add(text[position..]);
            errors.AddRange(lexErrors.Select(e => TemplateErrors.Delimiter(e, text, location)));
            texts.Add((node, pieces));
        }

        return texts.Count == 0 ? null : new PropertiesTemplate(select, partUri, xml, texts);
    }

    /// <summary>The part's XML with its tags replaced; errors (unknown names, wrong filters) are added to <paramref name="errors"/>.</summary>
    public byte[] Render(IReadOnlyDictionary<string, object?> data, List<TemplateError> errors)
    {
        var context = new RenderContext(uri, chartsAllowed: false, () => string.Empty, new RenderBudget(DocxTemplate.MaxRenderedCharacters, DocxTemplate.MaxTagEvaluations, 0), new Dictionary<TemplateTag, long>());
        context.Scopes.Add(data);
        var values = texts.Select(t => new string(string.Concat(t.Pieces.Select(p => p is TemplateTag tag ? ValueNode.Format(tag, context) : (string)p)).Where(XmlConvert.IsXmlChar).ToArray())).ToList();
        errors.AddRange(context.Errors);
        var copy = new XDocument(xml);
        var nodes = copy.DescendantNodes().OfType<XText>().ToList();
        var originals = xml.DescendantNodes().OfType<XText>().ToList();
        for (var i = 0; i < texts.Count; i++)
        {
            nodes[originals.IndexOf(texts[i].Node)].Value = values[i];
        }

        using var output = new MemoryStream();
        using (var writer = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            copy.Save(writer);
        }

        return output.ToArray();
    }

    public void Write(WordprocessingDocument document, byte[] rendered)
    {
        using var content = new MemoryStream(rendered);
        select(document)!.FeedData(content);
    }
}
