using System.IO.Compression;
using System.Text;
using Cdppe.Pipeline.Ingestion.Spreadsheets;
using Cdppe.Pipeline.Ingestion.Xlsx;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Cdppe.Samples;

/// <summary>
/// Every sample file, good (<c>samples/*.xlsx</c>) and bad (<c>samples/bad/</c>): the seed workbooks of each kind,
/// and the mistakes users make (wrong file, corrupt zip, wrong headers, duplicate fiches, negative or text amounts,
/// #REF!, hidden sheets…), each of which must give its precise French error and lose nothing.
/// </summary>
public static class SampleCorpus
{
    public static IReadOnlyList<(string Path, Func<byte[]> Build)> Files { get; } =
    [
        ("rapport-financier-2022.xlsx", () => SampleWorkbooks.RapportFinancier2022()),
        ("suivi-mensuel-2022.xlsx", () => SampleWorkbooks.SuiviMensuel2022()),
        ("plan-action-2020-2022.xlsx", () => SampleWorkbooks.PlanAction()),
        ("synthese-objectifs-2020-2022.xlsx", () => SampleWorkbooks.SyntheseObjectifs()),
        ("tableau-de-bord-2020.xlsx", () => SampleWorkbooks.TableauDeBord()),
        ("bilans-fiches-2022.xlsx", () => SampleWorkbooks.BilansFiches2022()),
        ("annexe-2-1-2023-2024.xlsx", () => SampleWorkbooks.Annexe21()),
        ("annexe-2-1-2024.xlsx", () => SampleWorkbooks.Annexe21(SeedData.Annexe21Of2024)),
        ("rapport-financier-2023-actions.xlsx", () => SampleWorkbooks.RapportFinancierActions2023()),
        ("plan-complet-2020-2022.xlsx", SampleWorkbooks.PlanComplet),
        ("variantes/plan-action-sans-ligne-de-groupe.xlsx", () => XlsxWriter.Write([SampleWorkbooks.PlanActionSheet(SeedData.PlanAction, groupRow: false)])),
        ("variantes/suivi-mensuel-dates-1904.xlsx", SuiviMensuelDates1904),
        ("variantes/annexe-2-1-2023-mise-en-page-etat.xlsx", () => SampleWorkbooks.Annexe21SeedLayout()),
        ("variantes/bilans-et-rapport-financier.xlsx", () => XlsxWriter.Write([SampleWorkbooks.RapportFinancierSheet(SeedData.RapportFinancier2022), SampleWorkbooks.BilansFichesSheet(SeedData.Fiches2022)])),

        ("bad/pas-un-classeur.xlsx", () => Encoding.UTF8.GetBytes("Ceci n'est pas un classeur Excel.")),
        ("bad/pdf-renomme.xlsx", () => Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")),
        ("bad/zip-tronque.xlsx", () => SampleWorkbooks.PlanAction()[..4_000]),
        ("bad/document-word.xlsx", WordDocument),
        ("bad/bombe-de-decompression.xlsx", Bomb),
        ("bad/notes.txt", () => Encoding.UTF8.GetBytes("Notes de réunion")),
        ("bad/classeur-vide.xlsx", () => XlsxWriter.Write([new("Feuil1", [])])),
        ("bad/en-tetes-inconnus.xlsx", () => XlsxWriter.Write([new("Contacts", [["Nom", "Prénom", "Téléphone"], ["Dupont", "Jeanne", "01 02 03 04 05"]])])),
        ("bad/seule-feuille-masquee.xlsx", () => XlsxWriter.Write([SampleWorkbooks.BilansFichesSheet(SeedData.Fiches2022.Take(3)) with { Visibility = SheetVisibility.Hidden }, new("Accueil", [["Voir l'onglet suivant"]])])),
        ("bad/colonnes-hors-limite.xlsx", () => XlsxWriter.Write([new("Large", [[.. Enumerable.Repeat<object?>("x", 600)]])])),
        ("bad/plan-action-fiche-en-double.xlsx", () => SampleWorkbooks.PlanAction(SeedData.PlanAction.Take(3).Append(SeedData.PlanAction[1]))),
        ("bad/plan-action-montant-negatif.xlsx", () => PlanAction(("M4", "-46 635 €"))),
        ("bad/plan-action-montant-texte.xlsx", () => PlanAction(("L5", "environ 85 000 €"))),
        ("bad/plan-action-ref.xlsx", () => PlanAction(("N6", new XlsxFormula("Feuil2!B7", "#REF!")))),
        ("bad/plan-action-montant-enorme.xlsx", () => PlanAction(("Q4", 5e12))),
        ("bad/plan-action-montant-sans-fiche.xlsx", () => PlanAction(("A6", null))),
        ("bad/plan-action-sans-annees.xlsx", () => PlanAction(("I3", "Cible"), ("J3", "Cible"), ("K3", "Cible"), ("M3", null), ("N3", null), ("O3", null), ("Q3", null), ("R3", null), ("S3", null), ("U3", "Total CD"), ("V3", "Total CD"), ("W3", "Total CD"), ("Z3", null), ("AA3", null), ("AB3", null), ("AD3", null), ("AE3", null), ("AF3", null), ("AH3", null), ("AI3", null), ("AJ3", null))),
        ("bad/rapport-financier-fiche-en-double.xlsx", () => SampleWorkbooks.RapportFinancier2022(SeedData.RapportFinancier2022.Select(r => r.Fiche == 5 ? r with { Fiche = 4 } : r))),
        ("bad/rapport-financier-sans-annee.xlsx", () => XlsxWriter.Write([SampleWorkbooks.WithCells(SampleWorkbooks.RapportFinancierSheet(SeedData.RapportFinancier2022), ("K2", "Budget consommé en cours d'année"), ("J2", "Budget consommé avant"), ("L2", "Budget consommé cumulé"))])),
        ("bad/rapport-financier-div0.xlsx", () => XlsxWriter.Write([SampleWorkbooks.WithCells(SampleWorkbooks.RapportFinancierSheet(SeedData.RapportFinancier2022), ("K6", new XlsxFormula("J6/0", "#DIV/0!")))])),
        ("bad/tableau-de-bord-ref.xlsx", () => XlsxWriter.Write([SampleWorkbooks.WithCells(SampleWorkbooks.TableauDeBordSheet(SeedData.TableauDeBord), ("F10", new XlsxFormula("E10*1,1", "#REF!")))])),
        ("bad/tableau-de-bord-valeur-negative.xlsx", () => XlsxWriter.Write([SampleWorkbooks.WithCells(SampleWorkbooks.TableauDeBordSheet(SeedData.TableauDeBord), ("D8", "-734"))])),
        ("bad/tableau-de-bord-sans-annees.xlsx", () => XlsxWriter.Write([SampleWorkbooks.WithCells(SampleWorkbooks.TableauDeBordSheet(SeedData.TableauDeBord, repeatHeader: false), ("E4", null), ("F4", null), ("G4", null), ("H4", null), ("I4", null), ("J4", null))])),
        ("bad/bilans-fiche-en-double.xlsx", () => SampleWorkbooks.BilansFiches2022(SeedData.Fiches2022.Take(5).Append(SeedData.Fiches2022[2]))),
        ("bad/bilans-numero-illisible.xlsx", () => XlsxWriter.Write([SampleWorkbooks.WithCells(SampleWorkbooks.BilansFichesSheet(SeedData.Fiches2022.Take(5)), ("A6", "quatre"))])),
        ("bad/bilans-sans-annee.xlsx", () => XlsxWriter.Write([SampleWorkbooks.WithCells(SampleWorkbooks.BilansFichesSheet(SeedData.Fiches2022.Take(5)), ("A1", "Bilan des fiches actions"), ("J3", "Bilan financier"), ("K3", "Bilan qualitatif"), ("L3", "A poursuivre"))])),
        ("bad/bilans-moyens-negatifs.xlsx", () => XlsxWriter.Write([SampleWorkbooks.WithCells(SampleWorkbooks.BilansFichesSheet(SeedData.Fiches2022.Take(5)), ("I5", -81_865.0))])),
        ("bad/annexe-objectif-invalide.xlsx", () => XlsxWriter.Write([SampleWorkbooks.WithCells(SampleWorkbooks.Annexe21Sheet(SeedData.Annexe21), ("B9", 42.0))])),
        ("bad/annexe-montant-negatif.xlsx", () => XlsxWriter.Write([SampleWorkbooks.WithCells(SampleWorkbooks.Annexe21Sheet(SeedData.Annexe21), ("G8", "-81 772,00 €"))])),
        ("bad/synthese-montant-texte.xlsx", () => XlsxWriter.Write([SampleWorkbooks.WithCells(SampleWorkbooks.SyntheseObjectifsSheet(SeedData.Synthese), ("G5", "à définir"))])),
        ("bad/suivi-periode-illisible.xlsx", () => XlsxWriter.Write([new("Suivi", [["Code", "Libellé", "Période", "Valeur"], ["O06-NOMBRE-IP-ENTRANTES", "Nombre d'IP entrantes", "juin", 512.0]])])),
        ("bad/suivi-valeur-en-double.xlsx", () => XlsxWriter.Write([new("Suivi", [["Code", "Libellé", "Période", "Valeur"], ["O06-NOMBRE-IP-ENTRANTES", "Nombre d'IP entrantes", "2022-06", 512.0], ["O06-NOMBRE-IP-ENTRANTES", "Nombre d'IP entrantes", "2022-06", 515.0]])])),
        ("bad/suivi-valeur-negative.xlsx", () => XlsxWriter.Write([new("Suivi", [["Code", "Libellé", "Période", "Valeur"], ["O06-NOMBRE-IP-ENTRANTES", "Nombre d'IP entrantes", "2022-06", -3.0]])])),
    ];

    private static byte[] PlanAction(params (string Cell, object? Value)[] cells) =>
        XlsxWriter.Write([SampleWorkbooks.WithCells(SampleWorkbooks.PlanActionSheet(SeedData.PlanAction.Take(5)), cells)]);

    /// <summary>The suivi mensuel with its periods as dates of the 1904 date system (old Mac workbooks).</summary>
    private static byte[] SuiviMensuelDates1904()
    {
        var epoch = new DateTime(1904, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
        List<IReadOnlyList<object?>> rows = [["Code", "Libellé", "Période", "Valeur", "Fiable"]];
        foreach (var (code, label, annual, _) in SampleWorkbooks.CountIndicators().Take(3))
        {
            for (var month = 1; month <= 12; month++)
            {
                rows.Add([code, label, new XlsxNumber((new DateTime(2022, month, 1, 0, 0, 0, DateTimeKind.Unspecified) - epoch).TotalDays, "mm/yyyy"), (double)Math.Round(annual * month / 12m), "oui"]);
            }
        }

        return XlsxWriter.Write([new("Suivi 2022", rows)], date1904: true);
    }

    private static byte[] WordDocument()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            document.AddMainDocumentPart().Document = new Document(new Body(new Paragraph(new Run(new Text("Rapport")))));
        }

        return stream.ToArray();
    }

    /// <summary>A zip whose one entry inflates 2 000 times (a decompression bomb, small here).</summary>
    private static byte[] Bomb()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            entry.Write(new byte[4 * 1024 * 1024]);
        }

        return stream.ToArray();
    }
}
