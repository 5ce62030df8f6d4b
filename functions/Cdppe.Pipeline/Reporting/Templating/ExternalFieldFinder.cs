using System.Collections.Frozen;
using System.Text;
using System.Xml;
using Cdppe.Pipeline.Xml;

namespace Cdppe.Pipeline.Reporting.Templating;

/// <summary>
/// Finds, while a template part is checked, the Word fields that load content from elsewhere when the document is
/// opened or updated: <c>INCLUDEPICTURE</c>, <c>INCLUDETEXT</c>, <c>LINK</c>, <c>DDE</c>… as simple fields
/// (<c>w:fldSimple w:instr</c>) and as complex fields, whose instruction may be split over many runs
/// (<c>w:fldChar</c> begin, <c>w:instrText</c>…, separate, end; fields nest).
/// </summary>
internal sealed class ExternalFieldFinder(string part, List<TemplateError> errors) : IXmlNodeVisitor
{
    private const string Word = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /// <summary>The first characters of an instruction are enough to name the field.</summary>
    private const int KeptInstructionLength = 200;

    /// <summary>Fields that insert a file, a picture, a linked object or a query result from outside the document.</summary>
    private static readonly FrozenSet<string> ExternalFields = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "INCLUDEPICTURE",
        "INCLUDETEXT",
        "INCLUDE",
        "IMPORT",
        "LINK",
        "DDE",
        "DDEAUTO",
        "DATABASE",
        "RD");

    /// <summary>The instructions of the open complex fields, innermost last; null once the field's instruction ended.</summary>
    private readonly List<StringBuilder?> open = [];
    private bool inInstruction;
    private int paragraph;

    public void Visit(XmlReader reader)
    {
        switch (reader.NodeType)
        {
            case XmlNodeType.Element when reader.NamespaceURI == Word:
                switch (reader.LocalName)
                {
                    case "p":
                        paragraph++;
                        break;
                    case "fldSimple":
                        Check(reader.GetAttribute("instr", Word));
                        break;
                    case "fldChar":
                        FieldChar(reader.GetAttribute("fldCharType", Word));
                        break;
                    case "instrText":
                        inInstruction = !reader.IsEmptyElement;
                        break;
                }

                break;
            case XmlNodeType.EndElement when reader.LocalName == "instrText" && reader.NamespaceURI == Word:
                inInstruction = false;
                break;
            case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace when inInstruction:
                if (open.Count == 0)
                {
                    open.Add(new StringBuilder()); // an instruction without its begin mark: checked all the same
                }

                if (open[^1] is { } instruction && instruction.Length < KeptInstructionLength)
                {
                    instruction.Append(reader.Value);
                }

                break;
        }
    }

    public void Complete()
    {
        while (open.Count > 0)
        {
            EndInstruction();
            open.RemoveAt(open.Count - 1);
        }
    }

    private void FieldChar(string? type)
    {
        switch (type)
        {
            case "begin":
                open.Add(new StringBuilder());
                break;
            case "separate":
                EndInstruction();
                break;
            case "end" when open.Count > 0:
                EndInstruction();
                open.RemoveAt(open.Count - 1);
                break;
        }
    }

    private void EndInstruction()
    {
        if (open.Count > 0 && open[^1] is { } instruction)
        {
            open[^1] = null;
            Check(instruction.ToString());
        }
    }

    private void Check(string? instruction)
    {
        var text = (instruction ?? string.Empty).Trim();
        var name = new string([.. text.TakeWhile(char.IsAsciiLetter)]);
        if (!ExternalFields.Contains(name))
        {
            return;
        }

        var excerpt = text.Length <= 80 ? text : text[..77] + "…";
        errors.Add(new TemplateError(
            "modele-champ-externe",
            name.ToUpperInvariant(),
            new TemplateLocation(part, Math.Max(paragraph, 1), excerpt),
            $"Le modèle contient un champ {name.ToUpperInvariant()} qui insère le contenu d'un autre fichier ou d'une adresse (« {excerpt} ») : supprimez ce champ (Alt+F9 dans Word affiche les codes de champ), le rapport ne doit rien charger d'ailleurs."));
    }
}
