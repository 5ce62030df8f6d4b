using System.Collections.Frozen;
using System.Text;
using System.Xml;
using Cdppe.Pipeline.Xml;

namespace Cdppe.Pipeline.Reporting.Templating;

/// <summary>
/// Finds, while a template part is checked, the Word fields that load content from elsewhere when the document is
/// opened or updated: <c>INCLUDEPICTURE</c>, <c>INCLUDETEXT</c>, <c>LINK</c>, <c>DDE</c>… as simple fields
/// (<c>w:fldSimple w:instr</c>) and as complex fields, whose instruction may be split over many runs
/// (<c>w:fldChar</c> begin, <c>w:instrText</c>…, separate, end; fields nest). Every instruction is read whole,
/// whatever its length: the blanks before the field's name are skipped without being counted, so no padding hides
/// the name; a field whose name would be produced by a field nested before it is refused too.
/// </summary>
internal sealed class ExternalFieldFinder(string part, List<TemplateError> errors) : IXmlNodeVisitor
{
    private const string Word = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /// <summary>Characters kept of an instruction once its leading blanks are skipped: enough to name the field and quote it.</summary>
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
    private readonly List<Instruction?> open = [];
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
                    open.Add(new Instruction()); // an instruction without its begin mark: checked all the same
                }

                open[^1]?.Append(reader.Value);
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
                if (open.Count > 0 && open[^1] is { Text.Length: 0 } outer)
                {
                    outer.NestedBeforeName = true; // { { QUOTE "INCLUDE" }PICTURE … }: Word evaluates the inner field first
                }

                open.Add(new Instruction());
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
            Check(instruction.Text.ToString(), instruction.NestedBeforeName);
        }
    }

    private void Check(string? instruction, bool nestedBeforeName = false)
    {
        var text = Instruction.SkipBlanks(instruction ?? string.Empty).TrimEnd().ToString();
        var name = new string([.. text.TakeWhile(char.IsAsciiLetter)]);
        var excerpt = text.Length <= 80 ? text : text[..77] + "…";
        if (nestedBeforeName)
        {
            errors.Add(new TemplateError(
                "modele-champ-externe",
                name.ToUpperInvariant(),
                new TemplateLocation(part, Math.Max(paragraph, 1), excerpt),
                $"Le modèle contient un champ dont le nom est produit par un autre champ placé avant lui (« … {excerpt} ») : Word le calcule à l'ouverture, il pourrait insérer le contenu d'un autre fichier ; écrivez le champ voulu en toutes lettres (Alt+F9 dans Word affiche les codes de champ), le rapport ne doit rien charger d'ailleurs."));
            return;
        }

        if (!ExternalFields.Contains(name))
        {
            return;
        }

        errors.Add(new TemplateError(
            "modele-champ-externe",
            name.ToUpperInvariant(),
            new TemplateLocation(part, Math.Max(paragraph, 1), excerpt),
            $"Le modèle contient un champ {name.ToUpperInvariant()} qui insère le contenu d'un autre fichier ou d'une adresse (« {excerpt} ») : supprimez ce champ (Alt+F9 dans Word affiche les codes de champ), le rapport ne doit rien charger d'ailleurs."));
    }

    /// <summary>A field's instruction as it is read: its blanks before the name skipped, then its first characters.</summary>
    private sealed class Instruction
    {
        public StringBuilder Text { get; } = new();

        /// <summary>A field began inside this instruction before its name.</summary>
        public bool NestedBeforeName { get; set; }

        public void Append(string value)
        {
            var rest = Text.Length == 0 ? SkipBlanks(value) : value.AsSpan();
            Text.Append(rest[..Math.Min(rest.Length, KeptInstructionLength - Text.Length)]);
        }

        /// <summary>The text after its leading white space, control and format characters (tabs, line breaks, zero-width spaces).</summary>
        public static ReadOnlySpan<char> SkipBlanks(string value)
        {
            var start = 0;
            while (start < value.Length && IsBlank(value[start]))
            {
                start++;
            }

            return value.AsSpan(start);
        }

        private static bool IsBlank(char c) => char.IsWhiteSpace(c) || char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format;
    }
}
