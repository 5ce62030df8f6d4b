using System.Xml;
using Cdppe.Pipeline.Xml;

namespace Cdppe.Pipeline.Reporting.Templating;

/// <summary>
/// Finds, while a template part is checked, every use of one of its relationships: any attribute in the
/// relationships namespace (<c>r:id</c>, <c>r:embed</c>, <c>r:link</c>, <c>r:pict</c>…) and VML's <c>o:relid</c>,
/// with the element holding it. Only <c>w:hyperlink</c>, <c>a:hlinkClick</c> and <c>a:hlinkHover</c> use a
/// relationship as a link to follow; every other use loads what the relationship points at.
/// </summary>
internal sealed class RelationshipReferenceFinder(string part, List<RelationshipReference> references) : IXmlNodeVisitor
{
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string StrictRelationships = "http://purl.oclc.org/ooxml/officeDocument/relationships";
    private const string Office = "urn:schemas-microsoft-com:office:office";
    private const string Word = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private const string StrictWord = "http://purl.oclc.org/ooxml/wordprocessingml/main";
    private const string Drawing = "http://schemas.openxmlformats.org/drawingml/2006/main";
    private const string StrictDrawing = "http://purl.oclc.org/ooxml/drawingml/main";

    public void Visit(XmlReader reader)
    {
        if (reader.NodeType != XmlNodeType.Element || !reader.HasAttributes)
        {
            return;
        }

        var element = reader.Name;
        var isLink = (reader.LocalName == "hyperlink" && reader.NamespaceURI is Word or StrictWord)
            || (reader.LocalName is "hlinkClick" or "hlinkHover" && reader.NamespaceURI is Drawing or StrictDrawing);
        for (var more = reader.MoveToFirstAttribute(); more; more = reader.MoveToNextAttribute())
        {
            if (reader.NamespaceURI is Relationships or StrictRelationships || (reader.NamespaceURI == Office && reader.LocalName == "relid"))
            {
                references.Add(new RelationshipReference(part, reader.Value, $"{element} {reader.Name}", isLink && reader.LocalName == "id"));
            }
        }

        reader.MoveToElement();
    }

    public void Complete()
    {
    }
}
