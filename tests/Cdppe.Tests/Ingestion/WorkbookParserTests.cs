using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Ingestion.Ods;
using Cdppe.Pipeline.Ingestion.Spreadsheets;
using Cdppe.Pipeline.Ingestion.Xlsx;
using Cdppe.Pipeline.Model;
using Cdppe.Samples;
using Cdppe.Tests.Ingestion.Ods;
using Cdppe.Tests.Ingestion.Kinds;

namespace Cdppe.Tests.Ingestion;

public sealed class WorkbookParserTests
{
    [Fact]
    public void OneWorkbookMayHoldSeveralKindsAndAnUnknownSheetIsAWarning()
    {
        var content = PlanActionParserTests.Parse(SampleWorkbooks.PlanComplet());

        Assert.False(content.Issues.HasErrors, string.Join("\n", content.Issues.All));
        Assert.Equal(["plan-action", "synthese-objectifs", "tableau-de-bord", null], content.Sheets.Select(s => s.Kind));
        Assert.Equal((40, 27), (content.Fiches.Count, content.ObjectivePlans.Count));
        var unknown = Assert.Single(content.Issues.All, i => i.Code == "feuille-inconnue");
        Assert.Equal("Notes", unknown.Sheet);
    }

    [Theory]
    [InlineData("N° FICHE\nACTION", "INDICATEUR", "MOYENS  FINANCIERS\r\nPREVISIONNELS", "Cibles 2020")]
    [InlineData("numero de la fiche", "Indicateur ", "Moyens financiers prévisionnels", "CIBLE 2020")]
    [InlineData("N°fiche", "indicateur", "moyens financiers previsionnels", "cible\n2020")]
    public void HeadersAreMatchedWhateverTheirCaseAccentsSpacesAndLineBreaks(string fiche, string indicateur, string moyens, string cible)
    {
        var rows = new List<IReadOnlyList<object?>>
        {
            new object?[] { "Plan d'action du département" },
            Array.Empty<object?>(),
            new object?[] { fiche, "Intitulé fiche", indicateur, cible, moyens },
            new object?[] { 1.0, "Fiche", "Nombre de VAD", "10", "1 000 €" },
        };

        var content = PlanActionParserTests.Parse(XlsxWriter.Write([new("Feuil1", rows)]));

        Assert.Equal("plan-action", Assert.Single(content.Sheets).Kind);
        Assert.Equal(1_000m, Assert.Single(content.Fiches).PlannedTotal);
        Assert.Equal(10m, Assert.Single(content.Indicators).Definition.Targets[2020].Value);
    }

    [Fact]
    public void HiddenSheetIsAWarningAndIsNotRead()
    {
        var bytes = XlsxWriter.Write([SampleWorkbooks.BilansFichesSheet(SeedData.Fiches2022.Take(2)), SampleWorkbooks.TableauDeBordSheet(SeedData.TableauDeBord) with { Name = "Caché", Visibility = SheetVisibility.Hidden }]);

        var content = PlanActionParserTests.Parse(bytes);

        Assert.Equal(["bilans-fiches", null], content.Sheets.Select(s => s.Kind));
        Assert.Equal(("feuille-masquee", "Caché"), (Assert.Single(content.Issues.All, i => i.Code == "feuille-masquee").Code, content.Issues.All.Single(i => i.Code == "feuille-masquee").Sheet));
        Assert.Empty(content.Indicators);
    }

    [Fact]
    public void WorkbookWithNoKnownSheetIsAnErrorListingTheKindsByTheirNamesAndPointingToTheModels()
    {
        var content = PlanActionParserTests.Parse(XlsxWriter.Write([new("Feuil1", [["Nom", "Prénom"], ["Dupont", "Jean"]])]));

        var error = Assert.Single(content.Issues.All, i => i.Severity == Severity.Error);
        Assert.Equal("aucune-feuille-reconnue", error.Code);
        // The names the Modèles page shows, in its order; and where to get the model.
        Assert.Contains("(Plan d'action et de financement, Synthèse des objectifs, Tableau de bord des indicateurs, Annexe 2-1 (objectifs de l'année), Rapport financier, Bilans des fiches actions, Suivi mensuel des indicateurs)", error.Message, StringComparison.Ordinal);
        Assert.Contains("page Modèles du portail", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("plan-action", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ACancelledReadingStopsWithACancellationNotWithAnIssue()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var ods = OdsWorkbookTests.Ods("""<table:table table:name="Feuille1"><table:table-row><table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row></table:table>""");

        Assert.Throws<OperationCanceledException>(() => new WorkbookParser().Parse(new MemoryStream(SampleWorkbooks.RapportFinancier2022()), cancelled.Token));
        Assert.Throws<OperationCanceledException>(() => new WorkbookParser().Parse(new MemoryStream(ods), cancelled.Token));
    }

    [Fact]
    public void TheOdsReaderChecksTheCancellationForRowsItDoesNotReturn()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        // A row of a merged range repeated 100 000 times whose cells are all empty: none is returned.
        var ods = OdsWorkbookTests.Ods("""<table:table table:name="Feuille1"><table:table-row table:number-rows-repeated="100000"><table:table-cell table:number-columns-spanned="2" table:number-rows-spanned="2"/></table:table-row></table:table>""");
        using var workbook = OdsWorkbook.Open(new MemoryStream(ods), SpreadsheetLimits.Default with { Cancellation = cancelled.Token });

        Assert.Throws<OperationCanceledException>(() => workbook.ReadRows(workbook.Sheets[0]).ToList());
        using var uncancelled = OdsWorkbook.Open(new MemoryStream(ods));
        Assert.Empty(uncancelled.ReadRows(uncancelled.Sheets[0]));
    }
}
