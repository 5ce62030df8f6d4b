using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using static Cdppe.Pipeline.Reporting.DefaultTemplateBlocks;

namespace Cdppe.Pipeline.Reporting;

/// <summary>
/// Builds the built-in template of the rapport d'exécution, after the published 2022 report: cover, introduction,
/// synthesis with key figures and the budget chart, rapport financier (landscape), tableau de bord, one bilan per
/// fiche action and the data-quality annex. It is produced in code so that it is reproducible; users download it
/// (<c>GET /api/reports/template</c>), edit it in Word and drop it in <c>templates/</c>.
/// </summary>
public static partial class DefaultReportTemplate
{
    public const string FileName = "rapport-execution.docx";

    private const int PortraitWidth = 9638;
    private const int LandscapeWidth = 15398;

    private static readonly Lazy<byte[]> Cached = new(Build);

    /// <summary>The template's bytes (a copy: callers may keep or change it).</summary>
    public static byte[] Bytes => Cached.Value.ToArray();

    public static byte[] Build()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>("rIdStyles").Styles = DefaultTemplateStyles.Build();
            main.AddNewPart<DocumentSettingsPart>("rIdSettings").Settings = new Settings(
                new Zoom { Percent = "100" },
                new DefaultTabStop { Val = 708 },
                new CharacterSpacingControl { Val = CharacterSpacingValues.DoNotCompress },
                new UpdateFieldsOnOpen { Val = true },
                new Compatibility(new CompatibilitySetting { Name = CompatSettingNameValues.CompatibilityMode, Uri = "http://schemas.microsoft.com/office/word", Val = "15" }));
            var footer = main.AddNewPart<FooterPart>("rIdFooter");
            footer.Footer = new Footer(new Paragraph(
                new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = "Footer" }, Tabs = new Tabs(new TabStop { Val = TabStopValues.Right, Position = 9638 }) },
                TextRun("{{contrat.entete}} – {{departement.nom}} – Rapport d'exécution {{annee}}"),
                new Run(new TabChar()),
                TextRun("Page "),
                new SimpleField(new Run(new Text("1"))) { Instruction = " PAGE " }));
            var footerId = main.GetIdOfPart(footer);

            var body = new Body();
            Cover(body);
            Introduction(body);
            Objectives(body);
            Synthesis(body);
            body.Append(SectionBreak(landscape: false, footerId));
            Financial(body);
            Dashboard(body);
            body.Append(SectionBreak(landscape: true, footerId));
            Fiches(body);
            Annex(body);
            body.Append(Section(landscape: false, footerId));
            main.Document = new Document(body);
            main.Document.AddNamespaceDeclaration("w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main");
            main.Document.AddNamespaceDeclaration("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
            using var core = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                + "<dc:title>Rapport d'exécution du contrat départemental de prévention et de protection de l'enfance</dc:title><dc:language>fr-FR</dc:language></cp:coreProperties>"));
            document.AddCoreFilePropertiesPart().FeedData(core);
        }

        return Reproducible(stream.ToArray());
    }

    /// <summary>The same bytes at every build: the package is rewritten with fixed entry dates and package relationship ids.</summary>
    private static byte[] Reproducible(byte[] package)
    {
        using var input = new System.IO.Compression.ZipArchive(new MemoryStream(package), System.IO.Compression.ZipArchiveMode.Read);
        using var output = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(output, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in input.Entries)
            {
                var copy = zip.CreateEntry(entry.FullName, System.IO.Compression.CompressionLevel.Optimal);
                copy.LastWriteTime = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
                using var from = entry.Open();
                using var to = copy.Open();
                if (entry.FullName == "_rels/.rels")
                {
                    using var reader = new StreamReader(from);
                    var next = 0;
                    var rels = System.Text.RegularExpressions.Regex.Replace(reader.ReadToEnd(), "Id=\"[^\"]+\"", _ => $"Id=\"rIdPackage{++next}\"");
                    to.Write(System.Text.Encoding.UTF8.GetBytes(rels));
                }
                else
                {
                    from.CopyTo(to);
                }
            }
        }

        return output.ToArray();
    }

    private static void Cover(Body body)
    {
        for (var i = 0; i < 5; i++)
        {
            body.Append(new Paragraph());
        }

        body.Append(
            P("Conseil départemental", "CoverText"),
            P("{{departement.nom}} ({{departement.code}})", "CoverText"),
            new Paragraph(),
            P("Rapport d'exécution {{annee}}", "Title"),
            P("{{contrat.intitule}}", "Subtitle"),
            P("Stratégie nationale de prévention et de protection de l'enfance", "CoverText"),
            new Paragraph(),
            new Paragraph(),
            P("Document établi le {{dateGeneration | date}}", "CoverText"));
    }

    private static void Introduction(Body body)
    {
        body.Append(
            P("Introduction", "Heading1", pageBreakBefore: true),
            P("Le présent document constitue le rapport d'exécution pour l'année {{annee}} {{contrat.objet}} entre l'État, l'agence régionale de santé et le Département ({{departement.nom}})."),
            P("Le contrat décline sur le territoire les axes de la Stratégie nationale en fonction des priorités et des projets de la collectivité. Il s'articule autour de quatre engagements et d'un engagement transverse :"),
            P("– Engagement 1 : agir le plus précocement possible pour répondre aux besoins des enfants et de leurs familles ;", "ListText"),
            P("– Engagement 2 : sécuriser les parcours des enfants protégés et prévenir les ruptures ;", "ListText"),
            P("– Engagement 3 : donner aux enfants les moyens d'agir et garantir leurs droits ;", "ListText"),
            P("– Engagement 4 : préparer leur avenir et sécuriser leur vie d'adulte ;", "ListText"),
            P("– Engagement transverse : renforcer la gouvernance et la formation des professionnels.", "ListText"),
            P("{{^aPlanParObjectif}}Le contrat est mis en œuvre au moyen de fiches actions, rattachées aux objectifs nationaux (fondamentaux et facultatifs), et suivi par des indicateurs. Le rapport présente successivement la synthèse de l'année, le rapport financier, le tableau de bord des indicateurs, le bilan de chaque fiche action et, en annexe, la qualité des données.{{/aPlanParObjectif}}"),
            P("{{#aPlanParObjectif}}L'avenant est mis en œuvre au moyen des actions de l'annexe 2.1, rattachées aux objectifs nationaux (fondamentaux et facultatifs), et suivi par des indicateurs. Le rapport présente successivement la synthèse de l'année, le rapport financier par objectif et par action, le tableau de bord des indicateurs et, en annexe, la qualité des données.{{/aPlanParObjectif}}"),
            P("{{^aFiches}}{{#contrat.estAvenant}}Le plan de {{annee}} ({{contrat.nom}}) est organisé par objectif et par action, sans fiche action : ses actions et leur exécution figurent au rapport financier.{{/contrat.estAvenant}}{{/aFiches}}"),
            P("Les montants, sous-totaux, totaux et pourcentages sont recalculés à partir des lignes des classeurs déposés par les services ; les écarts relevés dans les fichiers sources, les mois sans donnée et les valeurs déclarées non fiables figurent en annexe.", "Note"),
            P(Place("introduction", "Introduction : contexte de l'année", "contexte de l'année, suivi du partenariat, événements qui ont pesé sur la mise en œuvre")));
    }

    /// <summary>The 26 national objectives (Annexe 2 of the contract), which ones the département retained, the fiches attached to each.</summary>
    private static void Objectives(Body body)
    {
        int[] w = [500, 5038, 1500, 1200, 1400];
        body.Append(
            P("Objectifs de la contractualisation", "Heading1", pageBreakBefore: true),
            P("Le contrat fixe 26 objectifs nationaux : les objectifs 1 à 11 sont fondamentaux, les objectifs 12 à 26 facultatifs. {{#aObjectifsRetenus}}Le Département s'est engagé dans les objectifs facultatifs suivants : {{objectifsRetenus}}.{{/aObjectifsRetenus}}{{^aObjectifsRetenus}}Les objectifs facultatifs retenus par le Département ne sont pas indiqués dans les bilans des fiches importés (ligne « Objectifs facultatifs retenus : … » au-dessus du tableau).{{/aObjectifsRetenus}}"),
            Grid(
                w,
                HeaderRow(w, "N°", "Objectif national", "Nature", "Engagement", "{{#aPlanParObjectif}}Actions {{annee}}{{/aPlanParObjectif}}{{^aPlanParObjectif}}Fiches actions{{/aPlanParObjectif}}"),
                Row(
                    header: false,
                    Cell("{{#objectifsNationaux}}{{numero}}", w[0], center: true),
                    Cell("{{libelle}}", w[1]),
                    Cell("{{choix}}", w[2], center: true),
                    Cell("{{engagement}}", w[3], center: true),
                    Cell("{{fiches}}{{/objectifsNationaux}}", w[4], center: true))),
            P("{{#aFichesHorsObjectifsRetenus}}"),
            P("Fiches rattachées à un objectif facultatif que le Département n'a pas retenu :", "Note"),
            P("{{#fichesHorsObjectifsRetenus}}"),
            P("– fiche {{numero}} ({{intitule}}) : objectif {{objectifs}}", "ListText"),
            P("{{/fichesHorsObjectifsRetenus}}"),
            P("{{/aFichesHorsObjectifsRetenus}}"));
    }

    private static void Synthesis(Body body)
    {
        int[] widths = [6000, 3638];
        body.Append(
            P("Synthèse de l'année {{annee}}", "Heading1", pageBreakBefore: true),
            P("Chiffres clés", "Heading3"),
            KeptWithNext(Grid(
                widths,
                HeaderRow(widths, "Indicateur", "Valeur"),
                Row(header: false, Cell("{{#chiffresCles}}{{libelle}}", widths[0], style: "BodyCell"), Cell("{{valeur}}{{/chiffresCles}}", widths[1], right: true, style: "BodyCell")))),
            new Paragraph(new ParagraphProperties(new KeepNext())),
            P("{{%graphiqueBudget}}", "Centered"),
            P("{{^aDonneesFinancieres}}{{^aPlanParObjectif}}Aucune donnée financière n'a été importée pour {{annee}} : le graphique du budget n'est pas disponible.{{/aPlanParObjectif}}{{/aDonneesFinancieres}}", "Note"),
            P("{{#aSyntheseEngagements}}"),
            P("Synthèse par engagement", "Heading2"),
            P("{{/aSyntheseEngagements}}"),
            P("{{#syntheseEngagements}}"),
            P("{{titre}}", "Heading3"),
            KeptWithNext(Grid(
                widths,
                Row(header: false, Cell("{{#aFiches}}Fiches actions", widths[0], style: "BodyCell"), Cell("{{nombreFiches}} ({{fiches}}){{/aFiches}}", widths[1], style: "BodyCell")),
                Row(header: false, Cell("{{#aPlanParObjectif}}Objectifs et actions {{annee}}", widths[0], style: "BodyCell"), Cell("{{plan.objectifs}}{{/aPlanParObjectif}}", widths[1], style: "BodyCell")),
                Row(header: false, Cell("{{#aPlanParObjectif}}Financements prévus {{annee}} (Département / État)", widths[0], style: "BodyCell"), Cell("{{plan.total | montant}} ({{plan.departement | euros | sinon:\"—\"}} / {{plan.etat | euros | sinon:\"—\"}}){{/aPlanParObjectif}}", widths[1], right: true, style: "BodyCell")),
                Row(header: false, Cell("{{#plan.aFinancementSuivant}}Financements {{anneeSuivante}}", widths[0], style: "BodyCell"), Cell("{{plan.financementSuivant | montant}}{{/plan.aFinancementSuivant}}", widths[1], right: true, style: "BodyCell")),
                Row(header: false, Cell("{{#plan.aConsomme}}Consommé en {{annee}}", widths[0], style: "BodyCell"), Cell("{{plan.consomme | montant}} ({{plan.tauxConsommation | pourcent | sinon:\"–\"}}){{/plan.aConsomme}}", widths[1], right: true, style: "BodyCell")),
                Row(header: false, Cell("{{#aBudget}}Budget prévu {{periode}}", widths[0], style: "BodyCell"), Cell("{{budget | montant}}{{/aBudget}}", widths[1], right: true, style: "BodyCell")),
                Row(header: false, Cell("{{#aBudget}}Consommé {{periode}} (dont {{annee}})", widths[0], style: "BodyCell"), Cell("{{consomme | montant}} ({{tauxConsommation | pourcent | sinon:\"–\"}}) dont {{consommeAnnee | montant}}{{/aBudget}}", widths[1], right: true, style: "BodyCell")),
                Row(header: false, Cell("Indicateurs", widths[0], style: "BodyCell"), Cell("{{indicateursTexte}}", widths[1], style: "BodyCell")))),
            P(Place("synthese-[nom]", "Synthèse – [nom]", "appréciation de l'année pour cet engagement, faits marquants, difficultés, perspectives")),
            P("{{/syntheseEngagements}}"));
    }

    private static void Financial(Body body)
    {
        // Amount columns wide enough for "31 117 173 €" in bold on one line (amounts never wrap).
        int[] w = [1440, 2030, 560, 1150, 1150, 1150, 1150, 1150, 900, 1150, 1150, 1150, 940];
        TableCell Amount(string tag, int i, string? fill = null, bool bold = false) => Cell(tag, w[i], fill: fill, right: true, bold: bold);
        TableRow LineRow(string condition, MergedCellValues mesure, MergedCellValues objective, bool first, bool last) => Row(
            header: false,
            Cell((first ? "{{#lignes}}" : string.Empty) + "{{#" + condition + "}}" + (mesure == MergedCellValues.Restart ? "{{mesure}}" : string.Empty), w[0], merge: mesure),
            Cell(objective == MergedCellValues.Restart ? "{{objectif}}" : string.Empty, w[1], merge: objective),
            Cell("{{fiche}}", w[2], center: true),
            Amount("{{budgetGlobal | montant}}", 3),
            Amount("{{departement | montant}}", 4),
            Amount("{{fir | montant}}", 5),
            Amount("{{etat | montant}}", 6),
            Amount("{{ondam | montant}}", 7),
            Cell("{{modalite}}", w[8], center: true),
            Amount("{{consommeAvant | montant}}", 9),
            Amount("{{consommeAnnee | montant}}", 10),
            Amount("{{consommeCumule | montant}}", 11),
            Amount("{{tauxConsommation | pourcent | sinon:\"–\"}}{{/" + condition + "}}" + (last ? "{{/lignes}}" : string.Empty), 12));
        TableCell Total(string scope, string column, int i, string fill) =>
            Amount($"{{{{{scope}.{column} | montant}}}}{{{{#{scope}.imprime.{column}}}}}*{{{{/{scope}.imprime.{column}}}}}", i, fill, true);
        TableRow TotalRow(string label, string scope, string fill, string closing) => Row(
            header: false,
            Cell(label, w[0..3].Sum(), fill: fill, bold: true, span: 3, right: true),
            Total(scope, "budgetGlobal", 3, fill),
            Total(scope, "departement", 4, fill),
            Total(scope, "fir", 5, fill),
            Total(scope, "etat", 6, fill),
            Total(scope, "ondam", 7, fill),
            Cell(string.Empty, w[8], fill: fill),
            Total(scope, "consommeAvant", 9, fill),
            Total(scope, "consommeAnnee", 10, fill),
            Total(scope, "consommeCumule", 11, fill),
            Amount($"{{{{{scope}.tauxConsommation | pourcent | sinon:\"–\"}}}}{closing}", 12, fill, true));
        var table = Grid(
            w,
            Row(
                header: true,
                HeaderCell("Mesure", w[0], merge: MergedCellValues.Restart),
                HeaderCell("Objectif", w[1], merge: MergedCellValues.Restart),
                HeaderCell("Fiche", w[2], merge: MergedCellValues.Restart),
                HeaderCell("Financements prévus {{periode}}", w[3..9].Sum(), span: 6),
                HeaderCell("Consommé au 31/12/{{anneePrecedente}}", w[9], merge: MergedCellValues.Restart),
                HeaderCell("Consommé en {{annee}}", w[10], merge: MergedCellValues.Restart),
                HeaderCell("Consommé {{periode}}", w[11], merge: MergedCellValues.Restart),
                HeaderCell("% consommé", w[12], merge: MergedCellValues.Restart)),
            Row(
                header: true,
                HeaderCell(string.Empty, w[0], merge: MergedCellValues.Continue),
                HeaderCell(string.Empty, w[1], merge: MergedCellValues.Continue),
                HeaderCell(string.Empty, w[2], merge: MergedCellValues.Continue),
                HeaderCell("Budget global", w[3]),
                HeaderCell("Département", w[4]),
                HeaderCell("FIR", w[5]),
                HeaderCell("État", w[6]),
                HeaderCell("ONDAM", w[7]),
                HeaderCell("Modalités État/AM", w[8]),
                HeaderCell(string.Empty, w[9], merge: MergedCellValues.Continue),
                HeaderCell(string.Empty, w[10], merge: MergedCellValues.Continue),
                HeaderCell(string.Empty, w[11], merge: MergedCellValues.Continue),
                HeaderCell(string.Empty, w[12], merge: MergedCellValues.Continue)),
            Row(header: false, Cell("{{#engagements}}{{titre}}", w.Sum(), fill: BannerFill, bold: true, span: 13)),
            LineRow("nouvelleMesure", MergedCellValues.Restart, MergedCellValues.Restart, first: true, last: false),
            LineRow("nouvelObjectif", MergedCellValues.Continue, MergedCellValues.Restart, first: false, last: false),
            LineRow("suiteObjectif", MergedCellValues.Continue, MergedCellValues.Continue, first: false, last: true),
            TotalRow("Sous-total", "sousTotal", TotalFill, "{{/engagements}}"),
            TotalRow("Total", "total", BannerFill, string.Empty));
        body.Append(
            P("Rapport financier de la contractualisation de prévention et protection de l'enfance", "Heading1"),
            P("{{#aDonneesFinancieres}}"),
            table,
            P("Montants en euros ; « - € » : aucun montant. L'objectif de chaque ligne est celui de sa fiche dans le plan d'action. Les sous-totaux, le total et les pourcentages sont recalculés à partir des lignes du rapport financier. Taux de consommation {{periode}} : {{total.tauxConsommation | pourcent}}.", "Note"),
            P("{{#aEcartsTotaux}}"),
            P("* Montant recalculé, différent de celui imprimé dans le classeur importé :", "Note"),
            P("{{#ecartsTotaux}}"),
            P("– {{libelle}} : {{recalcule}} (somme des lignes) ; le classeur imprime {{imprime}} ({{emplacement}}).", "Note"),
            P("{{/ecartsTotaux}}"),
            P("{{/aEcartsTotaux}}"),
            P("{{/aDonneesFinancieres}}"));
        AnnexeFinancial(body);
        body.Append(P("{{^aDonneesFinancieres}}{{^aPlanParObjectif}}Aucune donnée financière n'a été importée pour {{annee}} : déposez le rapport financier de l'année dans uploads/{{departement.code}}/.{{/aPlanParObjectif}}{{/aDonneesFinancieres}}"));
        body.Append(P(Place("commentaire-financier", "Commentaire du rapport financier", "commentaire de la consommation, des écarts et des reports de crédits")));
    }

    /// <summary>A place for the département's text (<c>{{texte:…}}</c>), with its title and its help text.</summary>
    private static string Place(string name, string title, string help) =>
        $"{{{{texte:{name} | titre:\"{title}\" | aide:\"[À rédiger par le Département : {help}.]\"}}}}";

    private static void Fiches(Body body)
    {
        int[] lw = [600, 6638, 1500, 900];
        int[] w = [2600, 7038];
        int[] iw = [3900, 1500, 1300, 1500, 1438];
        body.Append(
            P("{{^contrat.estAvenant}}"),
            P("Bilan des fiches actions", "Heading1"),
            P("{{^aFiches}}Aucune fiche action n'est connue pour {{annee}} : déposez le plan d'action ou les bilans des fiches.{{/aFiches}}"),
            P("{{/contrat.estAvenant}}"),
            P("{{#contrat.estAvenant}}{{#aFiches}}"),
            P("Bilan des fiches actions", "Heading1"),
            P("{{/aFiches}}{{/contrat.estAvenant}}"),
            P("{{#aFiches}}"),
            P("Liste des fiches actions", "Heading3"),
            Grid(
                lw,
                HeaderRow(lw, "N°", "Fiche action", "Objectif", "Page"),
                Row(
                    header: false,
                    Cell("{{#fiches}}{{numero}}", lw[0], center: true),
                    Cell("{{intitule}}", lw[1]),
                    Cell("{{objectifsNumeros}}", lw[2], center: true),
                    CellOf(lw[3], null, PageReference("fiche{{numero}}", "{{/fiches}}")))),
            P("Numéros de page mis à jour à l'ouverture du document (Word demande de mettre à jour les champs) et à la conversion en PDF.", "Note"),
            new Paragraph(new Run(new Break { Type = BreakValues.Page })),
            P("{{/aFiches}}"),
            P("{{#fiches}}"),

            // Fiches follow one another (no page break before each): the few lines that end a fiche never leave a
            // near-empty page; the heading, objectives and référent stay with the start of the bilan.
            Bookmarked(P("Fiche action {{numero}} – {{intitule}}", "FicheHeading"), "fiche{{numero}}"),
            P("{{#objectifs}}"),
            P("{{texte}}", "FicheObjective"),
            P("{{/objectifs}}"),
            P("{{^objectifs}}Sans objectif{{/objectifs}}", "FicheObjective"),
            P("Référent (personne ou institution) : {{referent | sinon:\"non renseigné\"}}", "FicheReferent"),
            Grid(
                w,
                SplittableRow(LabelCell("{{#constat}}Constat du diagnostic", w[0]), Cell("{{constat}}{{/constat}}", w[1], style: "BodyCell")),
                SplittableRow(LabelCell("{{#objectifOperationnel}}Objectif opérationnel", w[0]), Cell("{{objectifOperationnel}}{{/objectifOperationnel}}", w[1], style: "BodyCell")),
                SplittableRow(LabelCell("{{#description}}Description de l'action", w[0]), Cell("{{description}}{{/description}}", w[1], style: "BodyCell")),
                SplittableRow(LabelCell("{{#acteurs}}Identification des acteurs à mobiliser", w[0]), Cell("{{acteurs}}{{/acteurs}}", w[1], style: "BodyCell")),
                // Kept whole: its table of funding by year never leaves its header row alone at the foot of a page.
                Row(
                    header: false,
                    LabelCell("Moyens financiers prévisionnels", w[0]),
                    CellOf(
                        w[1],
                        null,
                        P("Total : {{budget | montant}}{{#aEcartTotal}} ({{sourceTotalFiche}} indique {{totalFiche | euros}}, voir l'annexe){{/aEcartTotal}}", "BodyCell"),
                        P("{{#aFinancements}}"),
                        Caption("Financements prévus au plan d'action, par année :", "BodyCell"),
                        FundingTable(),
                        P("{{#aEcartFinancements}}Ce tableau totalise {{financementTotal.total | euros}}, le rapport financier prévoit {{budget | euros}} : le total et le pourcentage consommé de la fiche sont ceux du rapport financier (voir l'annexe).{{/aEcartFinancements}}", "Note"),
                        P("{{/aFinancements}}"),
                        P("{{moyens}}", "BodyCell"))),
                SplittableRow(LabelCell("{{#documentsReference}}Documents de référence", w[0]), Cell("{{documentsReference}}{{/documentsReference}}", w[1], style: "BodyCell")),
                Row(
                    header: false,
                    LabelCell("Bilan financier au 31/12/{{annee}}", w[0]),
                    CellOf(
                        w[1],
                        null,
                        P("Montant consommé en valeur et % du total prévu : {{consomme | euros}}{{#aBudget}} ({{tauxConsommation | pourcent}}){{/aBudget}}{{^aBudget}} (aucun budget prévu){{/aBudget}}", "BodyCell"),
                        P("Montant non consommé en valeur : {{nonConsomme | euros}}", "BodyCell"),
                        P("{{#aDepassement}}Dépassement du budget prévu : {{depassement | euros}}{{/aDepassement}}", "BodyCell"),
                        P("Dont consommé en {{annee}} : {{consommeAnnee | euros}}", "BodyCell"))),
                SplittableRow(LabelCell("Bilan qualitatif au 31/12/{{annee}}", w[0]), Cell("{{bilanQualitatif | sinon:\"Bilan qualitatif non transmis.\"}}", w[1], style: "BodyCell")),
                SplittableRow(LabelCell("À poursuivre en {{anneeSuivante}}", w[0]), Cell("{{aPoursuivre | sinon:\"Non renseigné.\"}}", w[1], style: "BodyCell"))),
            P("{{#aIndicateurs}}"),
            P("Indicateurs de la fiche", "Heading3"),
            KeptWithNext(Grid(
                iw,
                HeaderRow(iw, "Indicateur", "Référence", "Cible {{annee}}", "Atteint {{annee}}", "Statut"),
                Row(
                    header: false,
                    Cell("{{#indicateurs}}{{libelle}}{{#fiableJusqua}} (données non fiables après {{fiableJusqua}}){{/fiableJusqua}}", iw[0]),
                    Cell("{{reference}}", iw[1], center: true),
                    Cell("{{cible}}", iw[2], center: true),
                    Cell("{{atteint}}{{#moisAtteint}} ({{moisAtteint}}){{/moisAtteint}}", iw[3], center: true),
                    StatusCell(iw[4], "{{/indicateurs}}")))),
            P("{{#indicateurs}}"),
            P("{{%graphique}}", "Centered"),
            P("{{/indicateurs}}"),
            P("{{/aIndicateurs}}"),
            P(Place("fiche-[numero]", "Commentaire – fiche [numero]", "commentaire de la fiche, quand un chiffre le demande")),
            P("{{/fiches}}"));
    }

    /// <summary>The plan d'action's money of a fiche, one row per year and a total, in the moyens cell of its bilan.</summary>
    private static Table FundingTable()
    {
        int[] fw = [1000, 1250, 1100, 1100, 1100, 1250];
        TableCell Amount(string tag, int i, string? fill = null, bool bold = false) => Cell(tag, fw[i], fill: fill, right: true, bold: bold);
        return Grid(
            fw,
            Row(header: true, HeaderCell("Année", fw[0]), HeaderCell("Département", fw[1]), HeaderCell("FIR", fw[2]), HeaderCell("État", fw[3]), HeaderCell("ONDAM", fw[4]), HeaderCell("Total", fw[5])),
            Row(
                header: false,
                Cell("{{#financements}}{{annee}}", fw[0], center: true),
                Amount("{{departement | montant}}", 1),
                Amount("{{fir | montant}}", 2),
                Amount("{{etat | montant}}", 3),
                Amount("{{ondam | montant}}", 4),
                Amount("{{total | montant}}{{/financements}}", 5)),
            Row(
                header: false,
                Cell("Total", fw[0], fill: TotalFill, bold: true, center: true),
                Amount("{{financementTotal.departement | montant}}", 1, TotalFill, true),
                Amount("{{financementTotal.fir | montant}}", 2, TotalFill, true),
                Amount("{{financementTotal.etat | montant}}", 3, TotalFill, true),
                Amount("{{financementTotal.ondam | montant}}", 4, TotalFill, true),
                Amount("{{financementTotal.total | montant}}", 5, TotalFill, true)));
    }

    private static void Annex(Body body)
    {
        int[] gw = [2200, 7438];
        int[] uw = [4638, 2800, 2200];
        int[] aw = [2300, 1700, 5638];
        body.Append(
            P("Annexe – Qualité des données", "Heading1", pageBreakBefore: true),
            P("Cette annexe recense ce qui limite la fiabilité du rapport : les mois du suivi mensuel sans valeur, les valeurs déclarées non fiables, les contrôles des classeurs importés (avec la cellule concernée) et les écarts relevés par le rapport lui-même."),
            P("Mois manquants du suivi mensuel", "Heading2"),
            P("{{#qualite.explications}}"),
            P("{{texte}}"),
            P("{{/qualite.explications}}"),
            P("{{^qualite.aSuiviMensuel}}Aucun suivi mensuel n'a été importé pour {{annee}} : les mois manquants ne peuvent pas être établis.{{/qualite.aSuiviMensuel}}"),
            P("{{#qualite.aSuiviMensuel}}{{^qualite.aMoisManquants}}Tous les mois de {{annee}} sont renseignés pour tous les indicateurs suivis.{{/qualite.aMoisManquants}}{{/qualite.aSuiviMensuel}}"),
            P("{{#qualite.aMoisManquants}}"),
            Grid(
                gw,
                HeaderRow(gw, "Mois", "Indicateurs sans valeur"),
                Row(header: false, Cell("{{#qualite.moisManquants}}{{mois}}", gw[0]), Cell("{{detail}}{{/qualite.moisManquants}}", gw[1]))),
            P("{{/qualite.aMoisManquants}}"),
            P("Valeurs non fiables", "Heading2"),
            P("{{^qualite.aValeursNonFiables}}Aucune valeur de {{annee}} n'a été déclarée non fiable.{{/qualite.aValeursNonFiables}}"),
            P("{{#qualite.aValeursNonFiables}}"),
            Grid(
                uw,
                HeaderRow(uw, "Indicateur", "Mois déclarés non fiables", "Dernière valeur fiable"),
                Row(header: false, Cell("{{#qualite.valeursNonFiables}}{{libelle}}", uw[0]), Cell("{{mois}}", uw[1]), Cell("{{derniereValeurFiable}}{{/qualite.valeursNonFiables}}", uw[2], center: true))),
            P("{{/qualite.aValeursNonFiables}}"),
            P("Contrôles des classeurs importés", "Heading2"),
            P("{{^qualite.aAvertissements}}Aucun avertissement n'a été relevé dans les classeurs importés pour {{annee}}.{{/qualite.aAvertissements}}"),
            P("{{#qualite.aAvertissements}}"),
            Grid(
                aw,
                HeaderRow(aw, "Classeur", "Feuille et cellule", "Constat"),
                Row(
                    header: false,
                    Cell("{{#qualite.avertissements}}{{fichier}}", aw[0]),
                    Cell("{{emplacement}}", aw[1]),
                    Cell("{{message}}{{#vu}} (vu : {{vu}}{{#attendu}} ; attendu : {{attendu}}{{/attendu}}){{/vu}}{{/qualite.avertissements}}", aw[2]))),
            P("{{/qualite.aAvertissements}}"),
            P("Écarts relevés par le rapport", "Heading2"),
            P("{{^qualite.aControles}}Aucun écart n'a été relevé entre les fiches et le rapport financier.{{/qualite.aControles}}"),
            P("{{#qualite.controles}}"),
            P("– {{sujet}} : {{message}}", "ListText"),
            P("{{/qualite.controles}}"),
            P(Place("commentaire-qualite", "Commentaire sur la qualité des données", "explication des mois manquants ou des valeurs non fiables (incident, changement d'outil…)")),
            new Paragraph(),
            P("Document généré le {{dateGeneration | date}} à partir des données importées ; les totaux et les pourcentages sont recalculés.", "Note"));
    }
}
