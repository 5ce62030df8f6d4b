using Azure.Data.Tables;
using Cdppe.Pipeline.Consolidation;
using Cdppe.Pipeline.Ingestion.Xlsx;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Storage;
using Cdppe.Samples;
using Cdppe.Tests.Ingestion;
using Cdppe.Tests.Support;

namespace Cdppe.Tests.Consolidation;

[Collection(AzuriteCollection.Name)]
public sealed class IngestionConsolidationTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task ADropOfMonthlyValuesIsInTheNextReportWithoutAnyConsolidationAsked()
    {
        var clock = new ManualClock(new DateTimeOffset(2023, 3, 10, 8, 30, 0, TimeSpan.Zero));
        var services = new Services(await azurite.StorageAsync(), clock);
        var dep = TestDepartements.Next();
        await services.DropAndIngestAsync(dep.Code, "plan-action-2020-2022.xlsx", SampleWorkbooks.PlanAction());
        await services.DropAndIngestAsync(dep.Code, "suivi-mensuel-2022.xlsx", SampleWorkbooks.SuiviMensuel2022(indicators: 1));
        var (code, label, annual, _) = SampleWorkbooks.CountIndicators().First();

        var before = (await services.Reports.LoadAsync(dep, 2022)).Indicators.Single(i => i.Code == code);
        clock.Advance(TimeSpan.FromDays(2));
        await services.DropAndIngestAsync(dep.Code, "correction-decembre.xlsx", XlsxWriter.Write([new("Suivi", [["Code", "Libellé", "Période", "Valeur"], [code, label, "2022-12", 4_242.0]])]));
        var after = await services.Reports.LoadAsync(dep, 2022);

        // The sample declares this indicator's values unreliable after June: the report shows June's, with its month.
        Assert.Equal((Math.Round(annual * 6 / 12m), new YearMonth(2022, 6)), (before.AchievedInYear!.Value!.Value, before.AchievedMonth!.Value));
        Assert.Equal(4_242m, after.Indicators.Single(i => i.Code == code).AchievedInYear!.Value);
        Assert.Equal(new DateTimeOffset(2023, 3, 12, 8, 30, 0, TimeSpan.Zero), after.Period.ConsolidatedAt);
        var runs = await WorkbookIngestorTests.Rows<TableEntity>(services, TableNames.ConsolidationRuns, dep.Code);
        Assert.Contains(runs, r => r.RowKey.StartsWith("run|", StringComparison.Ordinal) && r.GetString("Trigger") == IngestionConsolidation.Trigger && r.GetString("Months") == "2022-12");
        var report = await services.Reports.GenerateAsync(dep, 2022);
        Assert.Contains("Valeurs mensuelles consolidées le 12 mars 2023 à 09:30.", Reporting.Templating.Docx.Blocks(report!.Content));
    }

    [Fact]
    public async Task ValuesOutsideEveryContractAreKeptButNotConsolidated()
    {
        var services = new Services(await azurite.StorageAsync(), new ManualClock(new DateTimeOffset(2026, 2, 10, 8, 0, 0, TimeSpan.Zero)));
        var dep = TestDepartements.Next();
        var plan = await services.DropAndIngestAsync(dep.Code, "plan-action-2020-2022.xlsx", SampleWorkbooks.PlanAction());
        var (code, label, _, _) = SampleWorkbooks.CountIndicators().First();

        var result = await services.DropAndIngestAsync(dep.Code, "suivi-2025.xlsx", XlsxWriter.Write([new("Suivi", [["Code", "Libellé", "Période", "Valeur"], [code, label, "2025-06", 512.0]])]));

        Assert.Contains(result.Issues, i => i.Code == "hors-periode");
        Assert.Single(await WorkbookIngestorTests.Rows<TableEntity>(services, TableNames.IndicatorValues, dep.Code));
        Assert.Empty(await WorkbookIngestorTests.Rows<TableEntity>(services, TableNames.Snapshots, dep.Code));
        var ingestions = services.Get<IngestionStore>();
        Assert.Null((await ingestions.FindAsync(dep.Code, result.IngestionId!))!.Contract);
        Assert.Equal("Contrat 2020-2022", (await ingestions.FindAsync(dep.Code, plan.IngestionId!))!.Contract);
    }

    [Fact]
    public async Task FilesIngestedTogetherConsolidateOnceWithTheirMonthsMerged()
    {
        var services = new Services(await azurite.StorageAsync(), new ManualClock(new DateTimeOffset(2023, 3, 10, 8, 30, 0, TimeSpan.Zero)));
        var dep = TestDepartements.Next();
        await services.DropAndIngestAsync(dep.Code, "plan-action-2020-2022.xlsx", SampleWorkbooks.PlanAction());
        var (code, label, _, _) = SampleWorkbooks.CountIndicators().First();
        var before = (await WorkbookIngestorTests.Rows<TableEntity>(services, TableNames.ConsolidationRuns, dep.Code)).Count(r => r.RowKey.StartsWith("run|", StringComparison.Ordinal));

        await services.Get<IngestionConsolidation>().MergedAsync(async () =>
        {
            await services.DropAndIngestAsync(dep.Code, "suivi-novembre.xlsx", XlsxWriter.Write([new("Suivi", [["Code", "Libellé", "Période", "Valeur"], [code, label, "2022-11", 40.0]])]));
            await services.DropAndIngestAsync(dep.Code, "suivi-decembre.xlsx", XlsxWriter.Write([new("Suivi", [["Code", "Libellé", "Période", "Valeur"], [code, label, "2022-12", 41.0]])]));
        });

        var runs = (await WorkbookIngestorTests.Rows<TableEntity>(services, TableNames.ConsolidationRuns, dep.Code)).Where(r => r.RowKey.StartsWith("run|", StringComparison.Ordinal)).ToList();
        var merged = Assert.Single(runs.Skip(before), r => r.GetString("Trigger") == IngestionConsolidation.Trigger);
        Assert.Equal("2022-11,2022-12", merged.GetString("Months"));
    }
}
