using Azure.Data.Tables;
using Cdppe.Pipeline.Consolidation;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Storage;
using Cdppe.Samples;
using Cdppe.Tests.Ingestion;
using Cdppe.Tests.Support;

namespace Cdppe.Tests.Consolidation;

[Collection(AzuriteCollection.Name)]
public sealed class ConsolidationPlannerTests(AzuriteFixture azurite)
{
    private static Contract Contract(ContractShape shape, int first, int last) => new()
    {
        Shape = shape,
        FirstYear = first,
        LastYear = last,
        Plans = [new ContractPlan { Kind = shape == ContractShape.Avenant ? "annexe-2-1" : "plan-action", Years = [.. Enumerable.Range(first, last - first + 1)], IngestionId = "x", FileName = "x.xlsx", Sheet = "S", ReceivedAt = DateTimeOffset.UnixEpoch }],
    };

    [Fact]
    public void MonthsAreConsolidatedWithinTheContractsAndUntil30JuneAfterThemNeverBeyond()
    {
        var windows = ConsolidationWindow.Of([Contract(ContractShape.Contrat, 2020, 2022), Contract(ContractShape.Avenant, 2023, 2024)], []);

        var (inside, skipped) = ConsolidationWindow.Split(YearMonth.Range(new YearMonth(2022, 1), new YearMonth(2026, 4)), windows);

        Assert.Equal((new YearMonth(2022, 1), new YearMonth(2025, 6), 42), (inside[0], inside[^1], inside.Count));
        Assert.Equal("2025-07 à 2026-04 : après la fenêtre de rapport de « Avenant 2023-2024 », close le 30 juin 2025 : aucun contrat ne couvre ces mois", Assert.Single(skipped).ToString());
    }

    [Fact]
    public void MonthsBetweenTwoContractsAndBeforeTheFirstAreLeftOutWithTheirReason()
    {
        var windows = ConsolidationWindow.Of([Contract(ContractShape.Contrat, 2020, 2022), Contract(ContractShape.Contrat, 2025, 2026)], []);

        var (_, skipped) = ConsolidationWindow.Split(YearMonth.Range(new YearMonth(2019, 11), new YearMonth(2025, 1)), windows);

        Assert.Equal(
            [
                "2019-11 à 2019-12 : avant le début de « Contrat 2020-2022 »",
                "2023-07 à 2024-12 : après la fenêtre de rapport de « Contrat 2020-2022 », close le 30 juin 2023, et avant le début de « Contrat 2025-2026 »",
            ],
            skipped.Select(s => s.ToString()));
    }

    [Fact]
    public void WithoutAnyContractTheYearsOfTheMonthlyValuesAndTheirReportingWindowAreConsolidated()
    {
        var windows = ConsolidationWindow.Of([], [new YearMonth(2022, 3), new YearMonth(2022, 11)]);

        var (inside, skipped) = ConsolidationWindow.Split(YearMonth.Range(new YearMonth(2022, 3), new YearMonth(2023, 8)), windows);

        Assert.Equal(new YearMonth(2023, 6), inside[^1]);
        Assert.Equal("2023-07 à 2023-08 : après la fenêtre de rapport des valeurs de 2022, close le 30 juin 2023 : aucun contrat n'est connu, seules les années des valeurs mensuelles et leur fenêtre de rapport sont consolidées", Assert.Single(skipped).ToString());
    }

    [Fact]
    public async Task EverythingDueStopsAtTheReportingWindowOfTheContractAndSaysWhatItLeftOut()
    {
        // The case: a 2020-2022 contract whose data ends in 2022, consolidated "everything due" in November 2026.
        var services = new Services(await azurite.StorageAsync(), new ManualClock(new DateTimeOffset(2026, 11, 10, 8, 0, 0, TimeSpan.Zero)));
        var dep = TestDepartements.Next();
        await services.DropAndIngestAsync(dep.Code, "plan-action-2020-2022.xlsx", SampleWorkbooks.PlanAction());
        await services.DropAndIngestAsync(dep.Code, "suivi-mensuel-2022.xlsx", SampleWorkbooks.SuiviMensuel2022(indicators: 2));

        var due = Assert.Single(await services.Runner.RunDueAsync("http", dep));
        var again = Assert.Single(await services.Runner.RunDueAsync("http", dep));

        // The drop itself consolidated the months it brought; what was left is October (lost) and the reporting window.
        Assert.Equal(["2022-10", "2023-01", "2023-02", "2023-03", "2023-04", "2023-05", "2023-06"], due.Months);
        const string Left = "2023-07 à 2026-10 : après la fenêtre de rapport de « Contrat 2020-2022 », close le 30 juin 2023 : aucun contrat ne couvre ces mois";
        Assert.Equal([Left], due.Skipped);
        Assert.Equal((string.Empty, 0, Left), (again.RunId, again.Months.Count, Assert.Single(again.Skipped)));
        var snapshots = await WorkbookIngestorTests.Rows<TableEntity>(services, TableNames.Snapshots, dep.Code);
        Assert.Equal(new YearMonth(2023, 6).ToString(), snapshots.Max(s => s.GetString("Month")));
        Assert.DoesNotContain(snapshots, s => string.CompareOrdinal(s.GetString("Month"), "2023-07") >= 0);
    }
}
