using DocumentFormat.OpenXml.Wordprocessing;
using static Cdppe.Pipeline.Reporting.DefaultTemplateBlocks;

namespace Cdppe.Pipeline.Reporting;

/// <summary>The built-in template's financial part of an avenant year: the annexe 2.1 by engagement, objective and action.</summary>
public static partial class DefaultReportTemplate
{
    private static void AnnexeFinancial(Body body)
    {
        int[] w = [600, 2250, 2500, 850, 1150, 1150, 1250, 1450, 1150, 1150, 1150, 748];
        TableCell Amount(string tag, int i, string? fill = null, bool bold = false) => Cell(tag, w[i], fill: fill, right: true, bold: bold);
        TableRow TotalRow(string label, string prefix, string fill, string end = "") => Row(
            header: false,
            Cell(string.Empty, w[0], fill: fill),
            Cell(label, w[1] + w[2], fill: fill, bold: true, span: 2),
            Cell(string.Empty, w[3], fill: fill),
            Amount($"{{{{{prefix}.departement | euros | sinon:\"—\"}}}}", 4, fill, true),
            Amount($"{{{{{prefix}.etat | euros | sinon:\"—\"}}}}", 5, fill, true),
            Amount($"{{{{{prefix}.total | euros}}}}", 6, fill, true),
            Amount($"{{{{{prefix}.autresMontant | euros}}}}", 7, fill, true),
            Amount($"{{{{{prefix}.financementSuivant | euros | sinon:\"—\"}}}}", 8, fill, true),
            Amount($"{{{{{prefix}.consomme | euros | sinon:\"—\"}}}}", 9, fill, true),
            Amount($"{{{{{prefix}.nonConsomme | euros | sinon:\"—\"}}}}", 10, fill, true),
            Amount($"{{{{{prefix}.tauxConsommation | pourcent | sinon:\"—\"}}}}{end}", 11, fill, true));
        var table = Grid(
            w,
            HeaderRow(
                w,
                "N°",
                "Objectif",
                "Actions {{annee}}",
                "Source État",
                "Département",
                "État",
                "Total pour l'objectif",
                "Autres financements",
                "Financements {{planParObjectif.anneeSuivante}}",
                "Consommé en {{annee}}",
                "Non consommé",
                "Taux"),
            Row(header: false, Cell("{{#planParObjectif.engagements}}{{titre}}", w.Sum(), fill: BannerFill, bold: true, span: w.Length)),
            Row(
                header: false,
                Cell("{{#lignes}}{{objectifGroupe}}", w[0], center: true),
                Cell("{{libelleGroupe}}", w[1]),
                CellOf(w[2], null, P("{{#actions}}", "TableText"), P("{{texte}}", "TableText"), P("{{/actions}}", "TableText")),
                Cell("{{source}}", w[3], center: true),
                Amount("{{departement | euros | sinon:\"—\"}}", 4),
                Amount("{{etat | euros | sinon:\"—\"}}", 5),
                Amount("{{total | euros | sinon:\"—\"}}", 6),
                Cell("{{autresFinancements}}", w[7]),
                Amount("{{financementSuivant | euros | sinon:\"—\"}}", 8),
                Amount("{{consomme | euros | sinon:\"—\"}}", 9),
                Amount("{{nonConsomme | euros | sinon:\"—\"}}", 10),
                Amount("{{tauxConsommation | pourcent | sinon:\"—\"}}{{/lignes}}", 11)),
            TotalRow("Sous-total {{nom}}", "sousTotal", TotalFill, "{{/planParObjectif.engagements}}"),
            TotalRow("Total", "planParObjectif.total", BannerFill));
        body.Append(
            P("{{#aPlanParObjectif}}"),
            P("Plan d'action {{annee}} de l'{{contrat.nom | minuscules}} : {{planParObjectif.origine}}.", "Note"),
            P("{{#planParObjectif.prevision}}Aucune annexe 2.1 de {{annee}} n'a été déposée : les montants sont les financements {{annee}} prévus par l'annexe de {{planParObjectif.anneePlan}} (un total par objectif, sans répartition entre Département et État).{{/planParObjectif.prevision}}", "Note"),
            table,
            P("Montants en euros. Les sous-totaux et le total sont recalculés à partir des lignes de l'annexe 2.1{{#planParObjectif.aExecution}} ; le consommé est celui du rapport financier {{annee}}, action par action, et le non consommé est calculé sur le total prévu de chaque ligne{{/planParObjectif.aExecution}}{{^planParObjectif.aExecution}} ; aucun rapport financier {{annee}} n'a été déposé : le consommé n'est pas connu{{/planParObjectif.aExecution}}.", "Note"),
            P("{{/aPlanParObjectif}}"));
    }
}
