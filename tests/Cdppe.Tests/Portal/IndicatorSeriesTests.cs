using System.Text;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Portal;
using Cdppe.Samples;
using Cdppe.Tests.Support;

namespace Cdppe.Tests.Portal;

/// <summary>The Indicateurs page's monthly series against targets, with gaps and unreliable months, and its CSV.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class IndicatorSeriesTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task EachIndicatorHasTwelveMonthsWithTheLostMonthAsAGap()
    {
        var services = new Services(await azurite.StorageAsync());
        var dep = TestDepartements.Next();
        await services.DropPlansAsync(dep.Code);
        await services.DropAndIngestAsync(dep.Code, "suivi-mensuel-2022.xlsx", SampleWorkbooks.SuiviMensuel2022(indicators: 3));
        await services.Consolidator.ConsolidateAsync(dep, YearMonth.Range(new YearMonth(2022, 1), new YearMonth(2022, 12)).ToList(), "test");

        var series = await Service(services).BuildAsync(dep, 2022);

        var codes = SampleWorkbooks.CountIndicators().Take(3).Select(c => c.Code).ToList();
        var followed = series.Where(s => codes.Contains(s.Code)).ToList();
        Assert.Equal(3, followed.Count);
        Assert.All(followed, s => Assert.Equal(11, s.Months.Count(m => m.Value is not null)));
        Assert.All(followed, s => Assert.Equal(12, s.Months.Count));
        Assert.All(followed, s => Assert.Equal(["2022-10"], s.Months.Where(m => m.Gap).Select(m => m.Month)));
        Assert.Equal(5, followed.Max(s => s.UnreliableMonths));
        Assert.All(series, s => Assert.False(string.IsNullOrEmpty(s.Status)));
        Assert.True(series.Count > followed.Count, "the plans' indicators without monthly values are listed too");
    }

    [Fact]
    public async Task EachIndicatorHasAShortReferenceItsEngagementAndItsObjective()
    {
        var services = new Services(await azurite.StorageAsync());
        var dep = TestDepartements.Next();
        await services.DropPlansAsync(dep.Code);

        var series = await Service(services).BuildAsync(dep, 2022);

        var six = series.Where(s => s.Objectif == 6).ToList();
        Assert.True(six.Count >= 2, $"{six.Count} indicators of objective 6");
        Assert.Equal(Enumerable.Range(1, six.Count).Select(n => $"6.{n}"), six.Select(s => s.Ref));
        Assert.All(six, s => Assert.Equal("Engagement 2", s.Engagement));
        Assert.All(six, s => Assert.StartsWith("Renforcer les moyens, les ressources et la pluridisciplinarité des cellules", s.ObjectifLabel, StringComparison.Ordinal));
        Assert.All(series.Where(s => s.Objectif is null), s => Assert.Null(s.Ref));
        Assert.Equal(series.Count, series.Select(s => s.Ref ?? s.Code).Distinct().Count());
    }

    [Fact]
    public void CsvIsFrenchExcelWithRatesAsPercentagesAndFormulaCellsNeutralised()
    {
        IndicatorSeries[] series =
        [
            new("O06-TEST", "=HYPERLINK(\"x\")", 6, "taux", true, "en retard", "6,3 %", [new MonthPoint("2022-01", "janvier 2022", 0.063m, null, 0.05m, null, "atteint", false, false, false)]),
        ];

        var bytes = IndicatorSeriesService.Csv(series);

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.Equal("code;libelle;mois;valeur;cible;statut;fiable;lacune", lines[0]);
        // A rate as the percentage users read (6,3 for 0.063), its target too.
        Assert.Equal("O06-TEST;\"'=HYPERLINK(\"\"x\"\")\";2022-01;6,3;5;atteint;non;non", lines[1]);
    }

    private static IndicatorSeriesService Service(Services services) => services.Get<IndicatorSeriesService>();
}
