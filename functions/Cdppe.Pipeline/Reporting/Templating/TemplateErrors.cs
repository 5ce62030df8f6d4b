using System.Globalization;
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

    public static TemplateError InvalidPlaceName(string raw, TemplateLocation location) =>
        new("balise-invalide", raw, location, $"La balise {raw} déclare une zone de texte : son nom ne peut contenir que des lettres minuscules sans accent, des chiffres, « - » et des valeurs entre crochets, comme {{{{texte:synthese-[numero]}}}}.");

    public static TemplateError InvalidPlaceOption(string raw, string option, TemplateLocation location) =>
        new("balise-invalide", raw, location, $"La balise {raw} : l'option « {option} » n'existe pas ou sa valeur n'est pas entre guillemets (options : titre:\"…\", aide:\"…\", 500 caractères au plus).");

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

    public static TemplateError PlaceOutsideBody(TemplateTag tag) =>
        new("texte-mal-place", tag.Raw, tag.Location, $"La balise {tag.Raw} déclare une zone de texte : elle n'est permise que dans le corps du document, pas dans un en-tête ni un pied de page.");

    public static TemplateError PlaceNotAlone(TemplateTag tag) =>
        new("texte-mal-place", tag.Raw, tag.Location, $"La balise {tag.Raw} déclare une zone de texte : elle doit être seule dans son paragraphe, hors d'un tableau.");

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

    /// <summary>More parts than <see cref="DocxTemplate.MaxParts"/>.</summary>
    public static TemplateError TooManyParts(int parts) =>
        new("modele-trop-volumineux", string.Empty, null, $"Le modèle contient {XmlPartLimits.Number(parts)} parties : au-delà de {XmlPartLimits.Number(DocxTemplate.MaxParts)} (limite du nombre de parties), il est refusé. Enregistrez-le à nouveau depuis Word.");

    /// <summary>A part larger, uncompressed, than the limit of one part.</summary>
    public static TemplateError PartTooLarge(string part, long bytes, long maxBytes) =>
        new("modele-trop-volumineux", string.Empty, null, $"La partie « {part} » du modèle fait {Megabytes(bytes)} une fois décompressée : au-delà de {Megabytes(maxBytes)} par partie (limite de taille d'une partie), le modèle est refusé (allégez ses images).");

    /// <summary>Every part together larger, uncompressed, than <see cref="DocxTemplate.MaxUncompressedBytes"/>.</summary>
    public static TemplateError UncompressedTooLarge(long bytes) =>
        new("modele-trop-volumineux", string.Empty, null, $"Le modèle fait {Megabytes(bytes)} une fois décompressé : au-delà de {Megabytes(DocxTemplate.MaxUncompressedBytes)} (limite de taille une fois décompressé), il est refusé (allégez ses images).");

    /// <summary><paramref name="first"/>: the first thing of code found; <paramref name="what"/>: every one of them.</summary>
    public static TemplateError Macros(string first, string what) =>
        new("modele-macros", first, null, $"Le modèle contient des macros ou du code ({what}) : enregistrez-le dans Word au format « Document Word (*.docx) », sans macros ; le rapport ne doit contenir aucun code.");

    /// <summary>A relationship to a resource outside the package that is not a web or mail link; <paramref name="usedBy"/>: ", utilisée par « … »" or empty.</summary>
    public static TemplateError ExternalResource(string source, string target, string id, string type, string usedBy) =>
        new("modele-relation-externe", id, null, $"La partie « {source} » fait référence à une ressource externe « {target} » (relation « {id} » de type {type}{usedBy}) : supprimez cette image liée, ce modèle attaché ou cet objet lié (seul un lien hypertexte vers une adresse http, https ou mailto est permis), le rapport ne doit rien charger d'ailleurs.");

    /// <summary>An internal relationship whose target is not a path within the package.</summary>
    public static TemplateError TargetOutsidePackage(string source, string target, string id, string type) =>
        new("modele-relation-externe", id, null, $"La partie « {source} » fait référence à « {target} » (relation « {id} » de type {type}), hors du document : un modèle ne peut viser que ses propres parties ; enregistrez-le à nouveau depuis Word, le rapport ne doit rien charger d'ailleurs.");

    /// <summary>An internal relationship to a part that is not in the package.</summary>
    public static TemplateError MissingPart(string source, string target, string id, string type) =>
        new("modele-invalide", id, null, $"La partie « {source} » fait référence à la partie « {target} » (relation « {id} » de type {type}), absente du fichier : ouvrez le modèle dans Word et enregistrez-le à nouveau au format .docx.");

    /// <summary>A field that loads content from elsewhere (<c>INCLUDEPICTURE</c>, <c>INCLUDETEXT</c>, <c>LINK</c>…).</summary>
    public static TemplateError ExternalField(string name, TemplateLocation location) =>
        new("modele-champ-externe", name, location, $"Le modèle contient un champ {name} qui insère le contenu d'un autre fichier ou d'une adresse (« {location.Excerpt} ») : supprimez ce champ (Alt+F9 dans Word affiche les codes de champ), le rapport ne doit rien charger d'ailleurs.");

    /// <summary>A field whose name another field, placed before it, computes when Word opens the document.</summary>
    public static TemplateError ComputedFieldName(string name, TemplateLocation location) =>
        new("modele-champ-externe", name, location, $"Le modèle contient un champ dont le nom est produit par un autre champ placé avant lui (« … {location.Excerpt} ») : Word le calcule à l'ouverture, il pourrait insérer le contenu d'un autre fichier ; écrivez le champ voulu en toutes lettres (Alt+F9 dans Word affiche les codes de champ), le rapport ne doit rien charger d'ailleurs.");

    /// <summary>A mail-merge data source Word queries when it opens the document; <paramref name="elements"/>: the elements found, quoted.</summary>
    public static TemplateError MailMerge(string first, string elements, string part) =>
        new("modele-publipostage", first, null, $"Le modèle est relié à une source de données de publipostage ({elements} dans la partie « {part} ») que Word interroge à l'ouverture : dans Word, onglet Publipostage, Démarrer la fusion et le publipostage, choisissez « Document Word normal » puis enregistrez ; le rapport ne doit rien charger d'ailleurs.");

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

    public static TemplateError InvalidPlaceValue(TemplateTag tag, string name) =>
        new("texte-nom-invalide", tag.Raw, tag.Location, $"La zone de texte {tag.Raw} prendrait le nom « {name} » : un nom de zone a de 1 à 36 lettres minuscules sans accent, chiffres ou « - ».");

    public static TemplateError DuplicatePlace(TemplateTag tag, string name) =>
        new("texte-en-double", tag.Raw, tag.Location, $"La zone de texte « {name} » ({tag.Raw}) apparaît deux fois dans le rapport : donnez-lui un nom propre à chaque élément, comme {{{{texte:synthese-[numero]}}}}.");

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

    /// <summary>"2,5 Mo": bytes in megabytes, one decimal at most, French.</summary>
    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.GetCultureInfo("fr-FR")) + " Mo";
}
