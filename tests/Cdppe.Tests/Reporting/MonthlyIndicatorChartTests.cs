using Cdppe.Pipeline.Model;
using Cdppe.Samples;
using Cdppe.Tests.Reporting.Templating;
using Cdppe.Tests.Support;
using DocumentFormat.OpenXml.Drawing.Charts;

namespace Cdppe.Tests.Reporting;

/// <summary>The tableau de bord's monthly charts: one per indicator with two monthly values or more in the year, the months declared unreliable set apart.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class MonthlyIndicatorChartTests(AzuriteFixture azurite)
{
    private const char Nbsp = '\u00A0';

    private async Task<byte[]> ReportAsync(byte[] suiviMensuel)
    {
        var services = new Services(await azurite.StorageAsync(), new ManualClock(new DateTimeOffset(2023, 5, 15, 9, 0, 0, TimeSpan.Zero)));
        var dep = TestDepartements.Next();
        await services.DropAndIngestAsync(dep.Code, "rapport-financier-2022.xlsx", SampleWorkbooks.RapportFinancier2022());
        await services.DropAndIngestAsync(dep.Code, "suivi-mensuel-2022.xlsx", suiviMensuel);
        await services.Consolidator.ConsolidateAsync(dep, YearMonth.Range(new YearMonth(2022, 1), new YearMonth(2022, 12)).ToList(), "test");
        await services.DropPlansAsync(dep.Code);
        return (await services.Reports.GenerateAsync(dep, 2022))!.Content;
    }

    private static string Name(LineChartSeries s) => s.SeriesText!.Descendants<NumericValue>().Single().Text;

    private static string Title(ChartSpace c) => c.Descendants<Title>().Single().InnerText;

    private static Dictionary<string, List<(uint Index, string Value)>> Series(ChartSpace c) =>
        c.Descendants<LineChartSeries>().ToDictionary(
            s => Name(s),
            s => s.Descendants<Values>().Single().Descendants<NumericPoint>().Select(p => (p.Index!.Value, p.NumericValue!.Text)).ToList());

    [Fact]
    public async Task EveryIndicatorWithTwoMonthlyValuesGetsAChartWhoseUnreliableMonthsAreASeriesOfTheirOwn()
    {
        var content = await ReportAsync(SampleWorkbooks.SuiviMensuel2022());

        Assert.Empty(Docx.Errors(content));
        using var document = Docx.Open(content);
        var charts = document.MainDocumentPart!.ChartParts.Select(c => c.ChartSpace).ToList();
        var monthly = charts.Where(c => Title(c).EndsWith($"{Nbsp}: valeurs mensuelles 2022", StringComparison.Ordinal)).ToList();
        // The suivi mensuel of 2022 carries 8 counts (October missing), from which the consolidation derives 2 rates:
        // 10 indicators with eleven months each, every one charted, the indicators with a status first.
        Assert.Equal(10, monthly.Count);
        Assert.Equal($"Part des femmes enceintes ayant bénéficié d'un entretien du 4e mois réalisé par la PMI{Nbsp}: valeurs mensuelles 2022", Title(monthly[0]));
        Assert.Equal($"- dont par un médecin de PMI{Nbsp}: valeurs mensuelles 2022", Title(monthly[^1]));
        Assert.All(monthly, c => Assert.Equal(["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."], c.Descendants<CategoryAxisData>().First().Descendants<StringPoint>().Select(p => p.InnerText)));
        // No monthly chart calls a value « Réalisé »: a month declared unreliable is never the year's achieved value.
        Assert.All(monthly, c => Assert.DoesNotContain(c.Descendants<LineChartSeries>(), s => Name(s).Contains("Réalisé", StringComparison.Ordinal)));

        // Fiche 1's rate: January to June reliable (June 3,99 %, the value the report keeps), July to December
        // declared unreliable (« Données arrêtées au 30 juin 2022 »): triangles on a dashed line, named in the legend.
        var fiche1 = monthly.Single(c => Title(c).StartsWith("Part des femmes enceintes ayant bénéficié d'un entretien du 4e mois", StringComparison.Ordinal));
        var series = Series(fiche1);
        Assert.Equal([$"Cible 2022 (15{Nbsp}%)", "Valeur mensuelle", "Valeur déclarée non fiable (après juin 2022)"], series.Keys);
        Assert.Equal([0u, 1u, 2u, 3u, 4u, 5u], series["Valeur mensuelle"].Select(p => p.Index));
        Assert.Equal((5u, "0.039852"), series["Valeur mensuelle"][^1]);
        Assert.Equal([6u, 7u, 8u, 10u, 11u], series["Valeur déclarée non fiable (après juin 2022)"].Select(p => p.Index));
        var unreliable = fiche1.Descendants<LineChartSeries>().Single(s => Name(s).StartsWith("Valeur déclarée non fiable", StringComparison.Ordinal));
        Assert.Equal(MarkerStyleValues.Triangle, unreliable.Marker!.Symbol!.Val!.Value);
        Assert.Equal(DocumentFormat.OpenXml.Drawing.PresetLineDashValues.Dash, unreliable.ChartShapeProperties!.Descendants<DocumentFormat.OpenXml.Drawing.PresetDash>().Single().Val!.Value);
        var reliable = fiche1.Descendants<LineChartSeries>().Single(s => Name(s) == "Valeur mensuelle");
        Assert.Equal(MarkerStyleValues.Circle, reliable.Marker!.Symbol!.Val!.Value);
        Assert.Empty(reliable.ChartShapeProperties!.Descendants<DocumentFormat.OpenXml.Drawing.PresetDash>());

        // A count against its target pro rata of the months: 17 593 in 2022, 1 466 at the end of January.
        var bilans = Series(monthly.Single(c => Title(c).StartsWith("Nombre de bilans de santé en école maternelle", StringComparison.Ordinal)));
        Assert.Equal([$"Cible au prorata des mois (17{Nbsp}593 sur l'année)", "Valeur mensuelle"], bilans.Keys);
        Assert.Equal((0u, "1466"), bilans[$"Cible au prorata des mois (17{Nbsp}593 sur l'année)"][0]);
        Assert.Equal((11u, "17593"), bilans[$"Cible au prorata des mois (17{Nbsp}593 sur l'année)"][^1]);
        Assert.Equal([(0u, "1416"), (5u, "8494"), (11u, "16988")], bilans["Valeur mensuelle"].Where(p => p.Index is 0 or 5 or 11));
        Assert.Equal(11, bilans["Valeur mensuelle"].Count);

        // A context series (births): no target, no status, still charted.
        var births = Series(monthly.Single(c => Title(c).StartsWith("Nombre de naissances vivantes", StringComparison.Ordinal)));
        Assert.Equal(["Valeur mensuelle"], births.Keys);
        Assert.Equal((11u, "18418"), births["Valeur mensuelle"][^1]);

        // The tableau de bord says what they are, under its heading.
        var paragraphs = document.MainDocumentPart.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => Docx.Text(p)).ToList();
        Assert.Contains("Évolution mensuelle des indicateurs en 2022", paragraphs);
    }

    [Fact]
    public async Task AnIndicatorWithASingleMonthlyValueGetsNoMonthlyChart()
    {
        var content = await ReportAsync(SampleWorkbooks.SuiviMensuel2022(missingMonths: Enumerable.Range(2, 11).ToHashSet()));

        Assert.Empty(Docx.Errors(content));
        using var document = Docx.Open(content);
        Assert.DoesNotContain(document.MainDocumentPart!.ChartParts, c => Title(c.ChartSpace).Contains("valeurs mensuelles", StringComparison.Ordinal));
        Assert.DoesNotContain("Évolution mensuelle des indicateurs en 2022", document.MainDocumentPart.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => Docx.Text(p)));
    }
}
