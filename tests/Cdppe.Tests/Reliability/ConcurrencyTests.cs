using System.Globalization;
using Azure.Data.Tables;
using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Ingestion.Xlsx;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Storage;
using Cdppe.Samples;
using Cdppe.Tests.Support;

namespace Cdppe.Tests.Reliability;

[Collection(AzuriteCollection.Name)]
public sealed class ConcurrencyTests(AzuriteFixture azurite)
{
    /// <summary>50 distinct workbooks: 25 rapports financiers of distinct years and 25 monthly follow-ups.</summary>
    private static List<(string Name, byte[] Bytes)> FiftyWorkbooks() =>
    [
        .. Enumerable.Range(0, 25).Select(i => ($"rf-{2000 + i}.xlsx", XlsxWriter.Write([new XlsxSheetSpec("RF", [
            ["Mesure", "Objectif", "Fiche action N°", "Budget global", "Département", "FIR", "Etat", "ONDAM", "Modalités", $"Budget consommé au 31/12/{1999 + i}", $"Budget consommé en {2000 + i}", $"Budget consommé {1998 + i}-{2000 + i}"],
            ["Mesure", "Objectif", 1.0, $"{1_000 + i} €", $"{1_000 + i} €", "- €", "- €", "- €", "CD", "- €", "10 €", "10 €"],
        ])]))),
        .. Enumerable.Range(0, 25).Select(i => ($"suivi-{i}.xlsx", XlsxWriter.Write([new XlsxSheetSpec("Suivi", [
            ["Code", "Libellé", "Période", "Valeur"],
            .. Enumerable.Range(1, 12).Select(m => (IReadOnlyList<object?>)[$"IND-{i % 5}", "Indicateur", string.Create(CultureInfo.InvariantCulture, $"{2020 + (i / 5)}-{m:D2}"), (double)(i * 100 + m)]),
        ])]))),
    ];

    [Fact]
    public async Task FiftyWorkbooksAtOnceEndInTheStateOfASequentialRun()
    {
        var services = new Services(await azurite.StorageAsync());
        var sequential = TestDepartements.Next();
        var concurrent = TestDepartements.Next();
        var workbooks = FiftyWorkbooks();
        foreach (var (name, bytes) in workbooks)
        {
            await services.DropAndIngestAsync(sequential.Code, name, bytes);
        }

        foreach (var (name, bytes) in workbooks)
        {
            await services.Storage.Uploads.GetBlobClient($"{concurrent.Code}/{name}").UploadAsync(new BinaryData(bytes), overwrite: true);
        }

        var results = await Task.WhenAll(workbooks.Select(w => Task.Run(() => services.Ingestor.IngestAsync($"{concurrent.Code}/{w.Name}"))));

        Assert.All(results, r => Assert.Equal(IngestionStatus.Accepted, r.Status));
        foreach (var table in new[] { TableNames.Ingestions, TableNames.BudgetLines, TableNames.IndicatorValues })
        {
            Assert.Equal(await Normalized(services, table, sequential.Code), await Normalized(services, table, concurrent.Code));
        }
    }

    [Fact]
    public async Task TheSameWorkbookDroppedTwiceAtOnceIsIngestedOnce()
    {
        var services = new Services(await azurite.StorageAsync());
        var dep = TestDepartements.Next();
        var bytes = SampleWorkbooks.SuiviMensuel2022(indicators: 3);
        await services.Storage.Uploads.GetBlobClient($"{dep.Code}/a.xlsx").UploadAsync(new BinaryData(bytes));
        await services.Storage.Uploads.GetBlobClient($"{dep.Code}/b.xlsx").UploadAsync(new BinaryData(bytes));

        var results = await Task.WhenAll(Task.Run(() => services.Ingestor.IngestAsync($"{dep.Code}/a.xlsx")), Task.Run(() => services.Ingestor.IngestAsync($"{dep.Code}/b.xlsx")));

        Assert.All(results, r => Assert.Contains(r.Status, new[] { IngestionStatus.Accepted, IngestionStatus.Duplicate }));
        Assert.Single(await Ingestion.WorkbookIngestorTests.Records(services, dep.Code));
        Assert.Equal(33, await services.Storage.Table(TableNames.IndicatorValues).QueryAsync<TableEntity>(e => e.PartitionKey == dep.Code).CountAsync());
        Assert.Single(await services.Storage.Archive.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, dep.Code + "/", default).ToListAsync());
    }

    [Fact]
    public async Task ReportsDuringIngestionsSeeOneWholeVersionOrTheOther()
    {
        var services = new Services(await azurite.StorageAsync());
        var dep = TestDepartements.Next();
        var versions = Enumerable.Range(0, 4).Select(v => SampleWorkbooks.RapportFinancier2022(SeedData.RapportFinancier2022.Select(r => r.Ligne == "fiche" ? r with { ConsommeEn2022 = 1_000 * v + r.Fiche!.Value } : r))).ToList();
        await services.DropAndIngestAsync(dep.Code, "v0.xlsx", versions[0]);
        var writer = Task.Run(async () =>
        {
            for (var v = 1; v < versions.Count; v++)
            {
                await services.DropAndIngestAsync(dep.Code, $"v{v}.xlsx", versions[v]);
            }
        });

        var seen = new HashSet<int>();
        while (!writer.IsCompleted)
        {
            var model = await services.Reports.LoadAsync(dep, 2022);
            var fiches = model.Engagements.SelectMany(e => e.Lines).Where(l => l.Fiche is not null).ToList();
            var version = (int)(fiches[0].ConsumedInYear - fiches[0].Fiche!.Value) / 1_000;
            Assert.All(fiches, l => Assert.Equal(1_000m * version + l.Fiche!.Value, l.ConsumedInYear));
            Assert.Equal(SeedData.RapportFinancier2022.Count(r => r.Ligne is "fiche" or "objectif-sans-fiche"), model.Engagements.Sum(e => e.Lines.Count));
            seen.Add(version);
        }

        await writer;
        Assert.Contains(0, seen);
        var final = (await services.Reports.LoadAsync(dep, 2022)).Engagements.SelectMany(e => e.Lines).First(l => l.Fiche is not null);
        Assert.Equal(3_000m + final.Fiche!.Value, final.ConsumedInYear);
    }

    [Fact]
    public async Task ReportsDuringAPlanReDropNeverMixTwoVersionsOfTheFiches()
    {
        var services = new Services(await azurite.StorageAsync());
        var dep = TestDepartements.Next();
        await services.DropAndIngestAsync(dep.Code, "rf.xlsx", SampleWorkbooks.RapportFinancier2022());
        // The version is in the fiches' titles (table Fiches) and in every indicator's 2022 target (table Indicators):
        // a reader must never see the fiches of one version with the targets of another.
        byte[] Plan(string version) => SampleWorkbooks.PlanAction(SeedData.PlanAction.Select(f => f with
        {
            Intitule = $"{version} {f.Intitule}",
            Indicateurs = [.. f.Indicateurs.Select(i => i with { Cibles = new Dictionary<string, string?>(i.Cibles) { ["2022"] = version[1..] } })],
        }));
        await services.DropAndIngestAsync(dep.Code, "plan-v1.xlsx", Plan("v1"));
        var writer = Task.Run(async () =>
        {
            foreach (var version in new[] { "v2", "v3" })
            {
                await services.DropAndIngestAsync(dep.Code, $"plan-{version}.xlsx", Plan(version));
            }
        });

        var seen = new HashSet<string>();
        while (!writer.IsCompleted)
        {
            var inputs = await services.Reports.LoadInputsAsync(dep, 2022);
            var versions = inputs.Fiches.Where(f => f.Intitule.StartsWith('v')).Select(f => f.Intitule[..2]).Distinct().ToList();
            Assert.Single(versions);
            Assert.Equal(SeedData.PlanAction.Count, inputs.Fiches.Count(f => f.Intitule.StartsWith('v')));
            var targets = inputs.Indicators.Where(i => i.Fiche is not null && i.Targets.ContainsKey(2022)).Select(i => i.Targets[2022].Value).Distinct().ToList();
            Assert.Equal([decimal.Parse(versions[0][1..], System.Globalization.CultureInfo.InvariantCulture)], targets);
            seen.Add(versions[0]);
        }

        await writer;
        Assert.Contains("v1", seen);
        Assert.All((await services.Reports.LoadInputsAsync(dep, 2022)).Fiches.Where(f => f.Intitule.StartsWith('v')), f => Assert.StartsWith("v3 ", f.Intitule, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ATimerRunSkipsABusyDepartementAndConsolidatesTheOnesAfterIt()
    {
        // Its own empty storage: the timer's run covers every département there is.
        var own = new AzuriteFixture();
        await own.InitializeAsync();
        try
        {
            var clock = new ManualClock(new DateTimeOffset(2023, 2, 10, 4, 0, 0, TimeSpan.Zero));
            var services = new Services(await own.StorageAsync(), clock, o => o.Consolidation = o.Consolidation with { Wait = TimeSpan.FromSeconds(1) });
            foreach (var dep in new[] { "77", "78", "91" })
            {
                await services.DropAndIngestAsync(dep, "suivi.xlsx", SampleWorkbooks.SuiviMensuel2022(indicators: 2));
            }

            var other = services.Storage.Locks.GetBlobClient("consolidation-77");
            await other.UploadAsync(BinaryData.FromString("autre consolidation"), overwrite: true);
            await Azure.Storage.Blobs.Specialized.SpecializedBlobExtensions.GetBlobLeaseClient(other).AcquireAsync(TimeSpan.FromSeconds(60));

            var summaries = await services.Runner.RunDueAsync("timer");

            Assert.Equal(["78", "91"], summaries.Select(s => s.Departement));
            // Each drop consolidated the months it brought; the timer does the others: October 2022 (no value in the
            // sample) and January 2023, the month just ended.
            Assert.All(summaries, s => Assert.Equal(["2022-10", "2023-01"], s.Months));
        }
        finally
        {
            await own.DisposeAsync();
        }
    }

    /// <summary>A table's rows of one partition without what differs by nature between runs (time stamps).</summary>
    private static async Task<List<string>> Normalized(Services services, string table, string partition)
    {
        var rows = new List<string>();
        await foreach (var e in services.Storage.Table(table).QueryAsync<TableEntity>(e => e.PartitionKey == partition))
        {
            rows.Add(e.RowKey + ":" + string.Join('|', e.Keys.Where(k => k is not "Timestamp" and not "odata.etag" and not "PartitionKey" and not "ReceivedAt" and not "UpdatedAt" and not "BlobName" and not "ArchivePath" and not "ReportPath" and not "DataPath" and not "AnnotatedPath")
                .Order(StringComparer.Ordinal).Select(k => $"{k}={Convert.ToString(e[k], CultureInfo.InvariantCulture)}")));
        }

        return rows;
    }
}
