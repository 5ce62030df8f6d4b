using Azure.Data.Tables;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Storage;
using Cdppe.Tests.Support;

namespace Cdppe.Tests.Storage;

/// <summary>
/// The one mapping between records and rows: each property a column of the same name, stored the way the rows
/// written before it were (so stored data reads the same), and read back whole, through Azurite.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RowCodecTests(AzuriteFixture azurite)
{
    [Fact]
    public void ColumnsAreStoredAsTheEarlierEntitiesStoredThem()
    {
        var record = new IngestionRecord
        {
            Partition = "77",
            Id = "abc",
            FileName = "rapport.xlsx",
            Status = IngestionStatus.Rejected,
            Kinds = ["rapport-financier", "suivi-mensuel"],
            Years = [],
            Size = 5_000_000_000,
        };

        var row = new RowCodec<IngestionRecord>().Write("77", "abc", record);

        Assert.Equal("rejected", row.GetString("Status"));
        Assert.Equal("rapport-financier,suivi-mensuel", row.GetString("Kinds"));
        Assert.False(row.ContainsKey("Years"));
        Assert.False(row.ContainsKey("Partition"));
        Assert.False(row.ContainsKey("Id"));
        Assert.Equal(5_000_000_000L, row.GetInt64("Size"));
    }

    [Fact]
    public void DecimalsMonthsStatusesListsAndDictionariesComeBackAsWritten()
    {
        var plan = new ObjectivePlan
        {
            Kind = "annexe-2-1",
            Period = "2023-2024",
            Order = 7,
            Objectif = 9,
            Actions = new Dictionary<int, string> { [2023] = "Action 9-1 : un lieu, pour tous" },
            Fiches = [9, 16],
            Departement = 1_178_866m,
            NextYearFunding = 12.5m,
        };
        var snapshot = new MonthlySnapshot("O05-IP", "IP évaluées", new YearMonth(2022, 6), 1_416m, false, null, 17_593m, null, SnapshotStatus.Late, false, "ing-1");

        var planRow = new RowCodec<ObjectivePlan>().Write("68", "k", plan);
        var snapshotRow = new RowCodec<MonthlySnapshot>().Write("77", "2022-06|O05-IP", snapshot);

        Assert.Equal(1_178_866d, planRow.GetDouble("Departement"));
        Assert.Equal("9,16", planRow.GetString("Fiches"));
        Assert.Equal("{\"2023\":\"Action 9-1 : un lieu, pour tous\"}", planRow.GetString("ActionsJson"));
        Assert.Equal("2022-06", snapshotRow.GetString("Month"));
        Assert.Equal("en retard", snapshotRow.GetString("Status"));
        var read = new RowCodec<ObjectivePlan>().Read(planRow);
        Assert.Equal(plan with { Actions = read.Actions, Fiches = read.Fiches }, read);
        Assert.Equal(plan.Actions, read.Actions);
        Assert.Equal([9, 16], read.Fiches);
        Assert.Equal(snapshot, new RowCodec<MonthlySnapshot>().Read(snapshotRow));
    }

    [Fact]
    public void AListOfTextsMayBeStoredAsJsonAndAMissingColumnReadsAsTheDefault()
    {
        var indicator = new IndicatorDefinition { Code = "O01-A", Label = "Jalon", Milestones = ["signature, puis bilan", "bilan final"] };
        var codec = new RowCodec<IndicatorDefinition>().Json(nameof(IndicatorDefinition.Milestones));

        var row = codec.Write("77", "k", indicator);
        var written = new TableEntity("77", "k") { ["Code"] = "O01-A", ["Label"] = "Jalon" };

        Assert.Equal("[\"signature, puis bilan\",\"bilan final\"]", row.GetString("MilestonesJson"));
        Assert.Equal(["signature, puis bilan", "bilan final"], codec.Read(row).Milestones);
        var old = codec.Read(written);
        Assert.Equal((IndicatorKind.Count, 0, 0), (old.Kind, old.Targets.Count, old.Milestones.Count));
    }

    [Fact]
    public async Task ARecordWrittenThroughAzuriteReadsBackEqual()
    {
        var table = (await azurite.StorageAsync()).Table(TableNames.BudgetLines);
        var dep = TestDepartements.Next().Code;
        var line = new BudgetLine { Year = 2022, Engagement = "Engagement 1", Fiche = 1, BudgetGlobal = 1_848_458m, Departement = 1_232_305.33m, Modalite = "100 000/AM", Order = 3 };
        var codec = new RowCodec<BudgetLine>();

        await table.UpsertEntityAsync(codec.Write(dep, "rapport-financier|2022|x|F001", line));
        var stored = (await table.GetEntityAsync<TableEntity>(dep, "rapport-financier|2022|x|F001")).Value;

        Assert.Equal(line, codec.Read(stored));
    }
}
