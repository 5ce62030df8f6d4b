using System.Globalization;
using Cdppe.Pipeline.Ingestion.Kinds;
using Cdppe.Pipeline.Ingestion.Xlsx;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Ingestion;

/// <summary>
/// Blank input workbooks, one per kind, whose headers the parsers recognise (a template filled in and dropped is
/// read as its kind). The suivi-mensuel template is pre-filled with the département's indicators: one row per
/// indicator and month of the year, with its code, label, objective and target, and data validation on the period,
/// the value and the reliability.
/// </summary>
public static class InputTemplates
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IReadOnlyList<string> Kinds { get; } =
    [
        WorkbookKinds.PlanAction,
        WorkbookKinds.SyntheseObjectifs,
        WorkbookKinds.TableauDeBord,
        WorkbookKinds.Annexe21,
        WorkbookKinds.RapportFinancier,
        WorkbookKinds.BilansFiches,
        WorkbookKinds.SuiviMensuel,
    ];

    /// <summary>The template of <paramref name="kind"/> for <paramref name="year"/>, or null for an unknown kind.</summary>
    public static byte[]? Build(string kind, int year, IReadOnlyList<IndicatorDefinition>? indicators = null, string? departement = null)
    {
        var sheet = kind switch
        {
            WorkbookKinds.PlanAction => PlanAction(year),
            WorkbookKinds.SyntheseObjectifs => Synthese(year),
            WorkbookKinds.TableauDeBord => TableauDeBord(year),
            WorkbookKinds.Annexe21 => Annexe(year),
            WorkbookKinds.RapportFinancier => RapportFinancier(year),
            WorkbookKinds.BilansFiches => Bilans(year),
            WorkbookKinds.SuiviMensuel => SuiviMensuel(year, indicators ?? [], departement),
            _ => null,
        };
        return sheet is null ? null : XlsxWriter.Write([sheet]);
    }

    private static string Y(int year) => year.ToString(CultureInfo.InvariantCulture);

    private static XlsxSheetSpec PlanAction(int year)
    {
        string[] years = [Y(year), Y(year + 1), Y(year + 2)];
        var span = $"({string.Join(", ", years)})";
        List<IReadOnlyList<object?>> rows =
        [
            [$"Plan d'action et de financement {year}-{year + 2} — une ligne par indicateur ; la première ligne d'une fiche porte son numéro et ses montants, les lignes suivantes laissent le numéro vide."],
            ["N° fiche action", "Intitulé fiche action", "Thème", "Intitulé objectif (« Objectif N : … » ou « Sans objectif »)", "Obj. fondamental / facultatif", "Indicateur", "Indicateurs Etat (x)", "Indicateurs additionnels", "Cibles", null, null, $"Moyens financiers prévisionnels {span}", "Masse salariale", null, null, null, "Budget DGAS", null, null, null, "Total CD", null, null, null, "Source de co-financement", "FIR", null, null, null, "ETAT", null, null, null, "ONDAM", null, null, null],
            [null, null, null, null, null, null, null, null, years[0], years[1], years[2], null, years[0], years[1], years[2], $"Total masse salariale {span}", years[0], years[1], years[2], $"Total budget DGAS {span}", $"Total CD {years[0]}", $"Total CD {years[1]}", $"Total CD {years[2]}", "Total CD", null, years[0], years[1], years[2], "Montant FIR", years[0], years[1], years[2], "Montant ETAT", years[0], years[1], years[2], "Montant ONDAM"],
        ];
        return new XlsxSheetSpec("Plan d'action", rows, ["A1:AK1", "A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:E3", "F2:F3", "G2:G3", "H2:H3", "I2:K2", "L2:L3", "M2:P2", "Q2:T2", "U2:X2", "Y2:Y3", "Z2:AC2", "AD2:AG2", "AH2:AK2"])
        {
            Widths = [10, 40, 12, 40, 14, 40, 10, 30],
        };
    }

    private static XlsxSheetSpec Synthese(int year)
    {
        List<IReadOnlyList<object?>> rows =
        [
            [$"Synthèse du plan d'action par mesure et par objectif {year}-{year + 2}"],
            ["Mesure", "Objectif", "Actions à mettre en œuvre", null, null, "Partenaires", "Financements prévus (le cas échéant)"],
            [null, null, Y(year), Y(year + 1), Y(year + 2), null, "Département", "Etat", "Total pour l'objectif", "Modalités de financement Etat"],
        ];
        return new XlsxSheetSpec("Synthèse par objectif", rows, ["A1:J1", "A2:A3", "B2:B3", "C2:E2", "F2:F3", "G2:J2"]) { Widths = [30, 40, 40, 40, 40, 30, 14, 14, 14, 16] };
    }

    private static XlsxSheetSpec TableauDeBord(int year)
    {
        List<IReadOnlyList<object?>> rows =
        [
            ["Tableau de bord SNPPE"],
            ["Mesure", "Objectif", "Indicateur", $"Niveau des indicateurs en {year - 1} (diagnostic)", "Niveau cible de l'objectif", null, null, "Niveau d'atteinte de l'objectif", null, null, "Date de la donnée diagnostic", "Sources"],
            [null, null, null, null, Y(year), Y(year + 1), Y(year + 2), Y(year), Y(year + 1), Y(year + 2)],
        ];
        return new XlsxSheetSpec("Tableau de bord", rows, ["A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:G2", "H2:J2", "K2:K3", "L2:L3"]) { Widths = [30, 40, 50, 16, 12, 12, 12, 12, 12, 12, 14, 20] };
    }

    private static XlsxSheetSpec Annexe(int year)
    {
        List<IReadOnlyList<object?>> rows =
        [
            [$"Annexe 2.1 - Plan d'action {year}"],
            ["Mesure", "N° de l'objectif", "Objectif", $"Actions à mettre en œuvre {year}", $"Financements {year}", null, null, null, null, null, $"Financements {year + 1}"],
            [null, null, null, null, "Source du financement État", "Département", "État", "Total pour l'objectif", "Autres financements (Précisez la source)", "Montant"],
        ];
        return new XlsxSheetSpec("Plan d'action", rows, ["A1:K1", "A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:J2", "K2:K3"]) { Widths = [30, 10, 40, 50, 14, 14, 14, 14, 30, 14, 14] };
    }

    private static XlsxSheetSpec RapportFinancier(int year)
    {
        List<IReadOnlyList<object?>> rows =
        [
            [$"Rapport financier {year} de la contractualisation de prévention et protection de l'enfance"],
            ["Mesure", "Objectif", "Fiche action N°", $"Financements prévus {year - 2}-{year}", null, null, null, null, null, $"Budget consommé au 31/12/{year - 1}", $"Budget consommé en {year}", $"Budget consommé {year - 2}-{year}"],
            [null, null, null, "Budget global", "Département", "FIR", "Etat", "ONDAM", "Modalités de financement Etat/AM"],
        ];
        return new XlsxSheetSpec("Rapport financier", rows, ["A1:L1", "A2:A3", "B2:B3", "C2:C3", "D2:I2", "J2:J3", "K2:K3", "L2:L3"]) { Widths = [30, 40, 10, 14, 14, 14, 14, 14, 16, 16, 16, 16] };
    }

    private static XlsxSheetSpec Bilans(int year)
    {
        List<IReadOnlyList<object?>> rows =
        [
            [$"Rapport d'exécution {year} — bilan des fiches actions (une ligne par fiche)"],
            ["N° fiche", "Intitulé de la fiche action", "Objectif", "Référent (personne ou institution)", "Constat du diagnostic", "Objectif opérationnel", "Description de l'action", "Identification des acteurs à mobiliser", "Moyens financiers prévisionnels", $"Bilan financier au 31/12/{year}", $"Bilan qualitatif au 31/12/{year}", $"A poursuivre en {year + 1}"],
        ];
        return new XlsxSheetSpec("Bilans des fiches", rows, ["A1:L1"]) { Widths = [8, 40, 40, 20, 50, 50, 50, 30, 18, 40, 60, 50] };
    }

    private static XlsxSheetSpec SuiviMensuel(int year, IReadOnlyList<IndicatorDefinition> indicators, string? departement)
    {
        List<IReadOnlyList<object?>> rows =
        [
            [$"Suivi mensuel des indicateurs {year}{(departement is null ? string.Empty : $" — département {departement}")} : saisissez la valeur de chaque mois (cumul depuis janvier pour les nombres), « NC » si non communiquée ; fiable = oui ou non."],
            ["Code", "Libellé de l'indicateur", "Objectif", $"Cible {year}", "Période", "Valeur", "Source", "Fiable", "Commentaire"],
        ];
        foreach (var indicator in indicators.OrderBy(i => i.Code, StringComparer.Ordinal))
        {
            var target = indicator.Targets.GetValueOrDefault(year) is { } t ? Figure(t) : null;
            for (var month = 1; month <= 12; month++)
            {
                rows.Add([indicator.Code, indicator.Label, indicator.Objectif is { } o ? (double)o : null, target, string.Create(CultureInfo.InvariantCulture, $"{year}-{month:D2}"), null, indicator.Source, null, null]);
            }
        }

        var last = Math.Max(rows.Count, 3) + 500;
        return new XlsxSheetSpec("Suivi mensuel", rows, ["A1:I1"])
        {
            Widths = [44, 60, 10, 14, 10, 12, 24, 8, 40],
            Validations =
            [
                new($"E3:E{last}", Formula: "OR(ISNUMBER(E3),AND(LEN(E3)=7,MID(E3,5,1)=\"-\",ISNUMBER(VALUE(LEFT(E3,4))),ISNUMBER(VALUE(RIGHT(E3,2)))))", Prompt: "Mois au format AAAA-MM, par exemple 2022-06.", Error: "La période doit être un mois au format AAAA-MM, par exemple 2022-06."),
                new($"F3:F{last}", Formula: "OR(AND(ISNUMBER(F3),F3>=0),ISTEXT(F3))", Prompt: "Nombre (cumul depuis janvier), pourcentage, jalon ou NC.", Error: "La valeur doit être un nombre positif, un pourcentage, un jalon ou « NC »."),
                new($"H3:H{last}", List: "oui,non", Error: "Répondez « oui » ou « non »."),
            ],
        };
    }

    private static object? Figure(IndicatorFigure figure) => figure switch
    {
        { Value: { } v, IsPercent: true } => new XlsxNumber((double)v, "0.0%"),
        { Value: { } v } => (double)v,
        _ => figure.Text,
    };
}
