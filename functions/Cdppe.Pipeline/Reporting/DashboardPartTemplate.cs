using DocumentFormat.OpenXml.Wordprocessing;
using static Cdppe.Pipeline.Reporting.DefaultTemplateBlocks;

namespace Cdppe.Pipeline.Reporting;

/// <summary>The built-in template's tableau de bord: the indicators with a status and its basis, then the context series apart.</summary>
public static partial class DefaultReportTemplate
{
    private static void Dashboard(Body body)
    {
        int[] w = [4400, 700, 700, 1900, 2500, 1500, 2200, 1498];
        int[] cw = [6000, 700, 700, 4098, 3900];
        int[] gw = [7699, 7699];
        body.Append(
            P("Tableau de bord des indicateurs", "Heading1", pageBreakBefore: true),
            P("{{#qualite.aExplications}}"),
            P("Fiabilité des données de l'année", "Heading3"),
            P("{{#qualite.explications}}"),
            P("{{texte}}"),
            P("{{/qualite.explications}}"),
            P("{{/qualite.aExplications}}"),
            P("{{#aIndicateurs}}"),
            Grid(
                w,
                HeaderRow(
                    w,
                    "Indicateur",
                    "Objectif",
                    "Fiche",
                    "Référence (date, source)",
                    "Cibles",
                    "Cible {{annee}}",
                    "Atteint {{annee}}",
                    "Statut"),
                Row(
                    header: false,
                    Cell("{{#indicateursAvecStatut}}{{libelle}}{{#fiableJusqua}} (données non fiables après {{fiableJusqua}}){{/fiableJusqua}}", w[0]),
                    Cell("{{objectif}}", w[1], center: true),
                    Cell("{{fiche}}", w[2], center: true),
                    Cell("{{reference}}{{#dateReference}} ({{dateReference}}){{/dateReference}}{{#source}} – {{source}}{{/source}}", w[3]),
                    Cell("{{cibles}}", w[4]),
                    Cell("{{cible}}", w[5], center: true),
                    Cell("{{atteint}}{{#moisAtteint}} ({{moisAtteint}}){{/moisAtteint}}", w[6], center: true),
                    StatusCell(w[7], "{{/indicateursAvecStatut}}"))),
            P("Statut au regard de la cible de l'année, dont la base est indiquée sous le statut : un nombre cumulé depuis janvier est comparé à la cible de l'année au prorata des mois écoulés (« cible au prorata : … à fin janvier »), un taux ou une étape à la cible de l'année ; « non renseigné » quand aucune valeur n'a été transmise, « sans cible » quand l'année n'a pas de cible ; « non fiable » quand les dernières valeurs de l'année ont été déclarées non fiables : la valeur indiquée est alors la dernière valeur fiable, avec son mois.", "Note"),
            P("{{consolidation.texte}}", "Note"),
            P("{{#aSeriesContexte}}"),
            P("Séries de contexte", "Heading3"),
            P("Ces séries décrivent le contexte (naissances, enfants de 0 à 6 ans, cohortes) : elles n'ont pas de cible et ne reçoivent pas de statut.", "Note"),
            Grid(
                cw,
                HeaderRow(cw, "Série", "Objectif", "Fiche", "Référence (date, source)", "Valeur {{annee}}"),
                Row(
                    header: false,
                    Cell("{{#seriesContexte}}{{libelle}}{{#fiableJusqua}} (données non fiables après {{fiableJusqua}}){{/fiableJusqua}}", cw[0]),
                    Cell("{{objectif}}", cw[1], center: true),
                    Cell("{{fiche}}", cw[2], center: true),
                    Cell("{{reference}}{{#dateReference}} ({{dateReference}}){{/dateReference}}{{#source}} – {{source}}{{/source}}", cw[3]),
                    Cell("{{atteint}}{{#moisAtteint}} ({{moisAtteint}}){{/moisAtteint}}{{/seriesContexte}}", cw[4], center: true))),
            P("{{/aSeriesContexte}}"),
            P("{{#aGraphiquesMensuels}}"),
            P("Évolution mensuelle des indicateurs en {{annee}}", "Heading3"),
            Caption("Un graphique par indicateur ayant au moins deux valeurs mensuelles en {{annee}}, de janvier à décembre. Les mois déclarés non fiables forment une série à part (triangles orange, trait pointillé, nommée dans la légende) : ils ne sont jamais présentés comme la valeur atteinte de l'année. La cible est celle de l'année, au prorata des mois pour un nombre cumulé depuis janvier.", "Note"),
            Grid(
                gw,
                Row(
                    header: false,
                    CellOf(gw[0], null, P("{{#graphiquesMensuels}}{{%gauche}}", "Centered")),
                    CellOf(gw[1], null, P("{{%droite}}{{/graphiquesMensuels}}", "Centered")))),
            P("{{/aGraphiquesMensuels}}"),
            P("{{/aIndicateurs}}"),
            P("{{^aIndicateurs}}Aucun indicateur n'a été importé pour {{annee}} (plan d'action, tableau de bord ou suivi mensuel).{{/aIndicateurs}}"),
            P(Place("commentaire-indicateurs", "Commentaire du tableau de bord", "lecture des indicateurs, valeurs manquantes ou à nuancer")));
    }
}
