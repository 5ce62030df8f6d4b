using System.Xml;
using Cdppe.Pipeline.Xml;

namespace Cdppe.Pipeline.Reporting.Templating;

/// <summary>
/// Finds, while a template part is checked, a mail merge (<c>w:mailMerge</c>, in <c>settings.xml</c>) that holds a
/// data source: a connection string (ODBC, OLE DB), a query, a data or header source file, an Office data source
/// object. Word connects to it when it opens the report.
/// </summary>
internal sealed class MailMergeFinder(string part, List<TemplateError> errors) : IXmlNodeVisitor
{
    private const string Word = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private const string StrictWord = "http://purl.oclc.org/ooxml/wordprocessingml/main";

    private static readonly HashSet<string> DataSourceElements = new(StringComparer.Ordinal) { "connectString", "query", "dataSource", "headerSource", "odso" };

    private readonly List<string> found = [];

    /// <summary>The depth of the open <c>w:mailMerge</c>, or -1.</summary>
    private int mailMergeDepth = -1;

    public void Visit(XmlReader reader)
    {
        if (reader.NodeType == XmlNodeType.Element && reader.NamespaceURI is Word or StrictWord)
        {
            if (reader.LocalName == "mailMerge" && mailMergeDepth < 0 && !reader.IsEmptyElement)
            {
                mailMergeDepth = reader.Depth;
            }
            else if (mailMergeDepth >= 0 && reader.Depth == mailMergeDepth + 1 && DataSourceElements.Contains(reader.LocalName))
            {
                found.Add(reader.Name);
            }
        }
        else if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == mailMergeDepth)
        {
            Complete();
        }
    }

    public void Complete()
    {
        mailMergeDepth = -1;
        if (found.Count == 0)
        {
            return;
        }

        var elements = string.Join(", ", found.Distinct().Select(e => $"« {e} »"));
        errors.Add(new TemplateError(
            "modele-publipostage",
            found[0],
            null,
            $"Le modèle est relié à une source de données de publipostage ({elements} dans la partie « {part} ») que Word interroge à l'ouverture : dans Word, onglet Publipostage, Démarrer la fusion et le publipostage, choisissez « Document Word normal » puis enregistrez ; le rapport ne doit rien charger d'ailleurs."));
        found.Clear();
    }
}
