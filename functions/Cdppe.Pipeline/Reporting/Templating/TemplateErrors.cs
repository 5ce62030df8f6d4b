using Cdppe.Pipeline.Xml;

namespace Cdppe.Pipeline.Reporting.Templating;

/// <summary>
/// Every error a template can have, as a named factory: its stable code, the tag as written, where it is (part,
/// paragraph, excerpt) and its French text, written here and nowhere else. The stage that finds a problem calls the
/// factory; nothing reads a message back.
/// </summary>
internal static class TemplateErrors
{
    // ---- Delimiters (lexer) -------------------------------------------------------------------------------------

    /// <summary>"}}" without "{{" before it.</summary>
    public static LexError DelimiterNotOpened(int position, string around) =>
        new("delimiteur-non-ouvert", position, $"« }}}} » sans « {{{{ » avant lui, près de « {around} ».");

    /// <summary>"{{" without "}}" after it, before the end of the paragraph or before the next "{{".</summary>
    public static LexError DelimiterNotClosed(int position, string around, bool beforeNextTag) =>
        new("delimiteur-non-ferme", position, beforeNextTag
            ? $"« {{{{ » sans « }}}} » avant la balise suivante, près de « {around} »."
            : $"« {{{{ » sans « }}}} » dans le même paragraphe, près de « {around} ».");

    /// <summary>A delimiter problem of <paramref name="text"/>, named by the two characters where it is.</summary>
    public static TemplateError Delimiter(LexError error, string text, TemplateLocation location) =>
        new(error.Code, text.Substring(error.Position, Math.Min(2, text.Length - error.Position)), location, error.Message);

    // ---- Tags (parser) ------------------------------------------------------------------------------------------

    public static TemplateError EmptyTag(string raw, TemplateLocation location) =>
        new("balise-vide", raw, location, $"La balise {raw} est vide : écrivez un nom entre les accolades, par exemple {{{{annee}}}}.");

    public static TemplateError TagWithoutName(string raw, TemplateLocation location) =>
        new("balise-invalide", raw, location, $"La balise {raw} n'a pas de nom.");

    public static TemplateError InvalidName(string raw, string segment, TemplateLocation location) =>
        new("balise-invalide", raw, location, $"La balise {raw} contient un nom invalide « {segment} » : seuls les lettres, chiffres, « _ » et « - » sont permis, séparés par des points.");

    public static TemplateError FilterOnSection(string raw, TemplateLocation location) =>
        new("balise-invalide", raw, location, $"La balise {raw} ne peut pas avoir de filtre : les filtres ne s'appliquent qu'aux valeurs affichées.");

    public static TemplateError InvalidFilterArgument(string raw, TemplateLocation location) =>
        new("balise-invalide", raw, location, $"La balise {raw} a un argument de filtre invalide : écrivez un nombre, un mot ou un texte entre guillemets.");

    public static TemplateError UnknownFilter(string raw, string filter, TemplateLocation location) =>
        new("filtre-inconnu", raw, location, $"Le filtre « {filter} » de la balise {raw} n'existe pas (filtres connus : {string.Join(", ", TemplateFilters.Names)}).");

    public static TemplateError InvalidFilter(string raw, string filter, string problem, TemplateLocation location) =>
        new("filtre-invalide", raw, location, $"Le filtre « {filter} » de la balise {raw} : {problem}");

    // ---- Where a tag may be (normalisation) -------------------------------------------------------------------

    public static TemplateError ChartOutsideBody(TemplateTag tag) =>
        new("graphique-interdit", tag.Raw, tag.Location, $"La balise {tag.Raw} insère un graphique : elle n'est permise que dans le corps du document, pas dans un en-tête ni un pied de page.");

    public static TemplateError NotAValueInFieldCode(TemplateTag tag) =>
        new("balise-non-permise", tag.Raw, tag.Location, $"La balise {tag.Raw} est dans le code d'un champ Word : seules les valeurs, comme {{{{numero}}}}, y sont remplacées.");

    public static TemplateError NotAValueInBookmarkName(TemplateTag tag) =>
        new("balise-non-permise", tag.Raw, tag.Location, $"La balise {tag.Raw} est dans le nom d'un signet : seules les valeurs y sont remplacées.");

    public static TemplateError NotAValueInProperties(TemplateTag tag) =>
        new("balise-non-permise", tag.Raw, tag.Location, $"La balise {tag.Raw} ne peut pas être utilisée dans les propriétés du document (titre, sujet, auteur…) : seules les valeurs, comme {{{{annee}}}}, y sont remplacées.");

    // ---- Sections (pairing and expansion) ---------------------------------------------------------------------

    public static TemplateError CloseWithoutOpen(TemplateTag close) =>
        new("fermeture-sans-ouverture", close.Raw, close.Location, $"La balise {close.Raw} ferme une section qui n'a pas été ouverte.");

    public static TemplateError CloseOfAnother(TemplateTag close, TemplateTag open) =>
        new("fermeture-differente", close.Raw, close.Location, $"La balise {close.Raw} ferme {open.Raw} ({open.Location}) : écrivez {{{{/{open.PathText}}}}}.");

    public static TemplateError SectionNotClosed(TemplateTag open) =>
        new("boucle-non-fermee", open.Raw, open.Location, $"La section {open.Raw} n'est jamais fermée : ajoutez {{{{/{open.PathText}}}}} après son contenu.");

    public static TemplateError SectionAcrossParts(TemplateTag open, TemplateTag close) =>
        Misplaced(open, close, "elles ne sont pas dans la même partie du document");

    public static TemplateError SectionAcrossNestedTable(TemplateTag open, TemplateTag close) =>
        Misplaced(open, close, "l'une est dans un tableau imbriqué dans une cellule et l'autre non ; placez-les dans le même tableau");

    public static TemplateError SectionAcrossLevels(TemplateTag open, TemplateTag close) =>
        Misplaced(open, close, "placez-les dans le même paragraphe, dans deux cellules du même tableau, ou chacune dans un paragraphe du même niveau (pas l'une dans un tableau et l'autre dehors)");

    public static TemplateError SectionEndsBeforeStart(TemplateTag open, TemplateTag close) =>
        Misplaced(open, close, "la fin de la section est avant son début");

    public static TemplateError SectionsOverlap(TemplateTag open, TemplateTag close, TemplateTag outerOpen, TemplateTag outerClose) =>
        Misplaced(open, close, $"la section chevauche {outerOpen.Raw}…{outerClose.Raw} sans y être contenue");

    public static TemplateError SectionsTooDeep(TemplateTag open, int maxDepth) =>
        new("sections-trop-imbriquees", open.Raw, open.Location, $"La section {open.Raw} est ouverte dans {maxDepth} autres sections : au-delà de {maxDepth} niveaux de boucles et de conditions imbriquées, le modèle est refusé (chaque niveau multiplie le contenu du rapport).");

    private static TemplateError Misplaced(TemplateTag open, TemplateTag close, string why) =>
        new("position-boucle-invalide", open.Raw, open.Location, $"Les balises {open.Raw} et {close.Raw} ({close.Location}) sont mal placées : {why}.");

    // ---- The package --------------------------------------------------------------------------------------------

    public static TemplateError TooLarge(long bytes, long maxBytes) =>
        new("modele-trop-volumineux", string.Empty, null, $"Le modèle fait {bytes / (1024 * 1024)} Mo : au-delà de {maxBytes / (1024 * 1024)} Mo, il est refusé (allégez ses images).");

    public static TemplateError ExternalRelationship(Uri target) =>
        new("modele-relation-externe", string.Empty, null, $"Le modèle fait référence à une ressource externe (« {target} ») : supprimez cette image liée, ce modèle attaché ou cet objet lié, le rapport ne doit rien charger d'ailleurs.");

    public static TemplateError ImportedContent(Uri part, string contentType) =>
        new("modele-contenu-importe", string.Empty, null, $"Le modèle importe un contenu d'un autre format (altChunk « {part} », {contentType}) que Word insère à l'ouverture : collez ce contenu dans le modèle comme texte ou image, le rapport ne doit rien charger d'ailleurs.");

    /// <summary>A part over a limit of <see cref="XmlPartLimits"/> (its message names the part and the limit) or not well-formed.</summary>
    public static TemplateError UnsafeXml(XmlLimitException limit) =>
        new(limit.Limit == XmlLimit.Malformed ? "modele-xml-invalide" : "modele-trop-complexe", string.Empty, null, $"Le modèle est refusé par sécurité : {limit.Message}. Enregistrez-le à nouveau depuis Word, sans le contenu en cause.");

    /// <summary>The text of <c>modele-invalide</c> when the package has no main document part.</summary>
    public const string NoDocumentBody = "Le fichier n'a pas de corps de document Word.";

    /// <summary>The text of <c>modele-invalide</c> when the file is not a readable Open XML package.</summary>
    public const string NotAWordDocument = "Le fichier n'est pas un document Word (.docx) lisible : son paquet Open XML est invalide ou incomplet. Ouvrez-le dans Word et enregistrez-le à nouveau au format .docx.";

    /// <summary>A whole-template problem without a tag (<see cref="TemplateException(string)"/>).</summary>
    public static TemplateError Invalid(string message) => new("modele-invalide", string.Empty, null, message);

    // ---- Rendering ----------------------------------------------------------------------------------------------

    public static TemplateError CurrentItemOutsideLoop(TemplateTag tag) =>
        new("balise-inconnue", tag.Raw, tag.Location, $"La balise {tag.Raw} (l'élément courant) n'est utilisable que dans une boucle.");

    /// <summary><paramref name="suggestion"/>: a close name of the data (" Vouliez-vous dire « annee » ?"), or empty.</summary>
    public static TemplateError UnknownName(TemplateTag tag, string name, string suggestion) =>
        new("balise-inconnue", tag.Raw, tag.Location, $"La balise {tag.Raw} est inconnue : « {name} » n'est pas une donnée du rapport à cet endroit.{suggestion}");

    public static TemplateError UnknownMember(TemplateTag tag, string member, string parent, string suggestion) =>
        new("balise-inconnue", tag.Raw, tag.Location, $"La balise {tag.Raw} est inconnue : « {member} » n'existe pas dans « {parent} ».{suggestion}");

    /// <summary>The suggestion of <see cref="UnknownName"/> and <see cref="UnknownMember"/>.</summary>
    public static string DidYouMean(string close) => $" Vouliez-vous dire « {close} » ?";

    public static TemplateError NotPrintable(TemplateTag tag) =>
        new("type-invalide", tag.Raw, tag.Location, $"La balise {tag.Raw} désigne une liste, un objet ou un graphique : utilisez {{{{#{tag.PathText}}}}}…{{{{/{tag.PathText}}}}} ou {{{{%{tag.PathText}}}}}.");

    /// <summary><paramref name="problem"/>: the filter's own sentence (<see cref="TemplateFilters.Apply"/>).</summary>
    public static TemplateError FilterFailed(TemplateTag tag, string problem) =>
        new("type-invalide", tag.Raw, tag.Location, $"Balise {tag.Raw} : {problem}");

    public static TemplateError NotAChart(TemplateTag tag, string value) =>
        new("type-invalide", tag.Raw, tag.Location, $"La balise {tag.Raw} attend un graphique ; la valeur « {value} » n'en est pas un.");

    /// <summary>A rendering over its budget: <paramref name="what"/> names the limit, <paramref name="culprit"/> the outermost section in cause.</summary>
    public static TemplateError RenderTooLarge(string what, TemplateTag? culprit, IReadOnlyList<TemplateTag> chain)
    {
        var nested = chain.Count > 1 ? $" ({string.Join(" dans ", chain.AsEnumerable().Reverse().Select(t => t.Raw))})" : string.Empty;
        var where = culprit is null ? string.Empty : $" ; en cause : la section {culprit.Raw}{nested}";
        return new("rapport-trop-volumineux", culprit?.Raw ?? string.Empty, culprit?.Location, $"Le rendu du modèle produirait {what}{where}. Des boucles imbriquées répètent le contenu autant de fois que le produit de leurs éléments : retirez une boucle ou sortez le contenu répété de la boucle extérieure.");
    }

    /// <summary>The limit of <see cref="RenderTooLarge"/>, in French.</summary>
    public static string RenderLimitText(RenderLimit limit) => limit switch
    {
        RenderLimit.Characters => $"plus de {XmlPartLimits.Number(DocxTemplate.MaxRenderedCharacters)} caractères de contenu (limite de taille du rapport)",
        RenderLimit.Evaluations => $"plus de {XmlPartLimits.Number(DocxTemplate.MaxTagEvaluations)} balises (limite du nombre de balises évaluées)",
        _ => $"plus de {XmlPartLimits.Number(DocxTemplate.MaxCharts)} graphiques (limite du nombre de graphiques)",
    };
}
