using System.Globalization;

namespace Cdppe.Pipeline.Reporting.Texts;

/// <summary>The French texts users read about the upload of an edited report and its places.</summary>
public static class TextMessages
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static string Number(long value) => value.ToString("#,0", French).Replace('\u202F', '\u00A0');

    public static string TooLarge(long bytes, long max) =>
        $"Le rapport déposé pèse {Number(bytes / 1024)} Ko : la limite est de {Number(max / 1024 / 1024)} Mo.";

    public static string Empty => "Le fichier déposé est vide : déposez le rapport complété, au format .docx.";

    public static string NotAWordDocument => "Le fichier déposé n'est pas un document Word (.docx) lisible : enregistrez le rapport au format Word (.docx) et déposez-le à nouveau.";

    public static string Unsafe(IEnumerable<string> problems) =>
        "Le rapport déposé contient des éléments refusés ; aucun texte n'a été conservé : " + string.Join(" ; ", problems);

    public static string NoReportYet(string departement, int year) =>
        $"Aucun rapport n'a encore été généré pour le département {departement} en {year} : téléchargez-le, complétez ses zones de texte, puis déposez-le.";

    public static string TooManyPlaces(int count, int max) =>
        $"Le rapport déposé contient {Number(count)} zones de texte : la limite est de {Number(max)} ; aucun texte n'a été conservé.";

    public static string TextTooLong(string title, int characters, int max) =>
        $"Le texte de la zone « {title} » compte {Number(characters)} caractères : la limite est de {Number(max)} par zone ; aucun texte n'a été conservé.";

    public static string TooManyElements(string title, int max) =>
        $"La zone « {title} » contient plus de {Number(max)} paragraphes, lignes ou cellules : aucun texte n'a été conservé.";

    public static string Nested(string inner, string outer) =>
        $"La zone « {inner} » a été placée à l'intérieur de la zone « {outer} » : remettez chaque zone à sa place ; aucun texte n'a été conservé.";

    public static string Dropped(string title, string what) =>
        $"Zone « {title} » : {what} n'est pas conservé (seuls le texte, le gras, l'italique, le souligné, les listes, les retours à la ligne et les tableaux simples le sont).";

    public static string Deleted(string title) =>
        $"La zone « {title} » n'est plus dans le document déposé : le texte conservé pour elle reste celui d'avant.";

    public static string Outside(int count, IEnumerable<string> quotes) =>
        $"{Number(count)} paragraphe{(count > 1 ? "s" : string.Empty)} saisi{(count > 1 ? "s" : string.Empty)} hors des zones de texte ne {(count > 1 ? "seront" : "sera")} pas conservé{(count > 1 ? "s" : string.Empty)} : " + string.Join(" ; ", quotes.Select(q => $"« {q} »"));

    public static string Kept(int changed, int places) => changed == 0
        ? $"Aucun texte n'a changé dans les {Number(places)} zones du rapport déposé."
        : changed == 1
            ? "1 texte conservé : il sera repris à chaque génération du rapport."
            : $"{Number(changed)} textes conservés : ils seront repris à chaque génération du rapport.";

    public static string UnknownPlace(string name) =>
        $"La zone « {name} » n'existe pas dans le rapport : nom inconnu.";

    public static string EditTooLong(int characters, int max) =>
        $"Le texte compte {Number(characters)} caractères : la limite est de {Number(max)} par zone.";
}
