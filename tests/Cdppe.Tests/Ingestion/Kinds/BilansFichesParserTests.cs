using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Ingestion.Kinds;
using Cdppe.Pipeline.Ingestion.Xlsx;
using Cdppe.Pipeline.Model;
using Cdppe.Samples;

namespace Cdppe.Tests.Ingestion.Kinds;

public sealed class BilansFichesParserTests
{
    private static readonly Lazy<WorkbookContent> Seed = new(() => PlanActionParserTests.Parse(SampleWorkbooks.BilansFiches2022()));

    [Fact]
    public void FortyOneBilansOf2022AreRead()
    {
        var content = Seed.Value;

        Assert.False(content.Issues.HasErrors, string.Join("\n", content.Issues.All));
        var sheet = Assert.Single(content.Sheets);
        Assert.Equal(("bilans-fiches", 41), (sheet.Kind, sheet.DataRows));
        Assert.Equal([2022], sheet.Years);
        Assert.All(content.Bilans, b => Assert.Equal(2022, b.Year));
        var first = content.Bilans.Single(b => b.Numero == 1);
        Assert.Equal((839_727m, 437_757m, 0.52m, 1), (first.PlannedTotal!.Value, first.Consumed!.Value, first.ConsumedPercentPrinted!.Value, first.Objectif!.Value));
        Assert.StartsWith("La loi de financement", first.Constat, StringComparison.Ordinal);
        Assert.StartsWith("Poursuite de l'action", first.APoursuivre, StringComparison.Ordinal);
        Assert.Equal("DPMIPE / ARS", first.Referent);
        Assert.Equal((6_333_838m, 5_870_500m), (content.Bilans.Single(b => b.Numero == 14).PlannedTotal!.Value, content.Bilans.Single(b => b.Numero == 14).Consumed!.Value));
        Assert.Null(content.Bilans.Single(b => b.Numero == 40).Objectif);
    }

    [Fact]
    public void MoyensTextDocumentsAndEveryObjectiveAreRead()
    {
        var bilans = Seed.Value.Bilans.ToDictionary(b => b.Numero);

        // The free text of the moyens comes without its "Total : … €" line, which is the planned total.
        Assert.StartsWith("Financement CD : 487 908 €\nTotal des montants propres à l'action : 416 300 €", bilans[1].Moyens, StringComparison.Ordinal);
        Assert.DoesNotContain("Total : 839", bilans[1].Moyens, StringComparison.Ordinal);
        // Fiche 39 has no total, and the amounts of its text are not one.
        Assert.Null(bilans[39].PlannedTotal);
        Assert.EndsWith("400 000 € transférés à la fiche 37", bilans[39].Moyens, StringComparison.Ordinal);
        Assert.Contains("suite transfert de crédits de 400 000 € en 2022 de la fiche 39", bilans[37].Moyens, StringComparison.Ordinal);
        // 17 fiches list their documents de référence.
        Assert.Equal(17, bilans.Values.Count(b => b.DocumentsReference is not null));
        Assert.Equal("Référentiel relatif aux bilans de santé en écoles maternelles", bilans[3].DocumentsReference);
        Assert.StartsWith("Délibération CD-2022/06/17 : Protocole de coordination", bilans[17].DocumentsReference, StringComparison.Ordinal);
        Assert.Null(bilans[1].DocumentsReference);
        // Fiches 17 and 18 name two objectives each.
        Assert.Equal([9, 16], bilans[17].Objectifs);
        Assert.Equal([9, 26], bilans[18].Objectifs);
        Assert.Equal([1], bilans[1].Objectifs);
        Assert.Empty(bilans[40].Objectifs);
        // The line above the table: the optional objectives the département retained.
        Assert.All(bilans.Values, b => Assert.Equal([13, 15, 16, 23, 24, 25, 26], b.ObjectifsRetenus));
    }

    [Theory]
    [InlineData("Total : 839 727 €", 839727.0, null)]
    [InlineData("Total : 81 865 €\nFinancement CD : 47 689 €\nProposition financement FIR : 34 176 €", 81865.0, "Financement CD : 47 689 €\nProposition financement FIR : 34 176 €")]
    [InlineData("Financement Etat : 150 000 €\nTotal : 333 000 €\nFinancement CD : 180 000 €", 333000.0, "Financement Etat : 150 000 €\nFinancement CD : 180 000 €")]
    [InlineData("Total : 1 711 332\nFinancement Etat : 238 960 en 2022", 1711332.0, "Financement Etat : 238 960 en 2022")]
    [InlineData("839 727 €", 839727.0, null)]
    [InlineData("Financement Etat : Aide au démarrage du projet : 400 000€ (2022)\n400 000 € transférés à la fiche 37", null, "Financement Etat : Aide au démarrage du projet : 400 000€ (2022)\n400 000 € transférés à la fiche 37")]
    public void MoyensTextIsSplitIntoTotalAndText(string text, double? total, string? rest)
    {
        var (t, r) = BilansFichesParser.ReadMoyens(text);

        Assert.Equal(total is { } v ? (decimal)v : null, t);
        Assert.Equal(rest, r);
    }

    [Fact]
    public void AMoyensCellHoldingANumberIsThePlannedTotal()
    {
        var rows = new List<IReadOnlyList<object?>>
        {
            new object?[] { "N° fiche", "Constat", "Moyens financiers prévisionnels", "Bilan qualitatif au 31/12/2022", "Documents de référence" },
            new object?[] { 4.0, "Constat", new XlsxNumber(591_078, SampleWorkbooks.EuroFormat), "Bilan", "Délibération CD-2021/03/05" },
        };

        var bilan = Assert.Single(PlanActionParserTests.Parse(XlsxWriter.Write([new("Bilans", rows)])).Bilans);

        Assert.Equal((591_078m, null, "Délibération CD-2021/03/05"), (bilan.PlannedTotal, bilan.Moyens, bilan.DocumentsReference));
    }

    [Fact]
    public void PublishedFicheInconsistenciesAreWarnings()
    {
        var warnings = Seed.Value.Issues.All.Where(i => i.Severity == Severity.Warning).ToList();

        // Fiche 11 prints 14 % for 18 000 / 145 000 (12,4 %); fiche 20 prints 85,5 % for 85,4 %.
        Assert.Contains(warnings, w => w.Code == "pourcentage-incoherent" && w.Message.Contains("fiche 11", StringComparison.Ordinal) && w.Expected == "12,4\u00A0%");
        Assert.Contains(warnings, w => w.Code == "pourcentage-incoherent" && w.Message.Contains("fiche 20", StringComparison.Ordinal) && w.Seen == "85,5\u00A0%");

        // Fiche 3 prints 99,7 % for 99,75 %: truncated, not wrong.
        Assert.DoesNotContain(warnings, w => w.Message.Contains("fiche 3 ", StringComparison.Ordinal));

        // Fiche 40: 1 711 786 € consumed for 1 711 332 € planned.
        Assert.Contains(warnings, w => w.Code == "consomme-superieur-prevu" && w.Message.Contains("fiche 40", StringComparison.Ordinal));

        // Fiches 17 and 18 name two objectives.
        Assert.Equal(2, warnings.Count(w => w.Code == "plusieurs-objectifs"));
        Assert.Equal(9, Seed.Value.Bilans.Single(b => b.Numero == 18).Objectif);
    }

    [Theory]
    [InlineData("Montant consommé en valeur et % du total prévu : 437 757€ (52%) Montant non consommé en valeur : 401 970€", 437757, 0.52, 401970.0)]
    [InlineData("Montant consommé en valeur et % du total prévu : 38 296€ (45,4%)\nMontant non consommé en valeur : 46 079€", 38296, 0.454, 46079.0)]
    [InlineData("Montant consommé en valeur et % du total prévu 0€", 0, null, null)]
    public void BilanFinancierTextIsRead(string text, double consumed, double? percent, double? notConsumed)
    {
        var (c, p, n) = BilansFichesParser.ReadBilanFinancier(text);

        Assert.Equal((decimal)consumed, c);
        Assert.Equal(percent is { } pv ? (decimal)pv : null, p);
        Assert.Equal(notConsumed is { } nv ? (decimal)nv : null, n);
    }

    [Fact]
    public void DuplicateFicheIsAnError()
    {
        var fiches = SeedData.Fiches2022.Take(2).Append(SeedData.Fiches2022[0]);

        var content = PlanActionParserTests.Parse(SampleWorkbooks.BilansFiches2022(fiches));

        var error = Assert.Single(content.Issues.All, i => i.Severity == Severity.Error);
        Assert.Equal(("fiche-en-double", "A6"), (error.Code, error.Cell));
    }

    [Fact]
    public void YearComesFromTheTitleWhenHeadersHaveNone()
    {
        var rows = new List<IReadOnlyList<object?>>
        {
            new object?[] { "Bilans des fiches actions 2021" },
            new object?[] { "N° fiche", "Constat", "Bilan qualitatif", "A poursuivre" },
            new object?[] { 1.0, "Constat", "Bilan", "Suite" },
        };

        var content = PlanActionParserTests.Parse(XlsxWriter.Write([new("Bilans", rows)]));

        Assert.Equal(2021, Assert.Single(content.Bilans).Year);
    }

    [Fact]
    public void NoYearAnywhereIsAnErrorThatSaysHowToFixIt()
    {
        var rows = new List<IReadOnlyList<object?>>
        {
            new object?[] { "N° fiche", "Constat", "Bilan qualitatif" },
            new object?[] { 1.0, "Constat", "Bilan" },
        };

        var content = PlanActionParserTests.Parse(XlsxWriter.Write([new("Bilans", rows)]));

        var error = Assert.Single(content.Issues.All);
        Assert.Equal(("annee-introuvable", "C1"), (error.Code, error.Cell));
        Assert.Contains("Bilan qualitatif au 31/12/2022", error.Message, StringComparison.Ordinal);
    }
}
