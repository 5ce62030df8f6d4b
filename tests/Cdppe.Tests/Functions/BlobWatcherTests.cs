using Cdppe.Functions.Standalone;
using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Storage;
using Cdppe.Samples;
using Cdppe.Tests.Support;

namespace Cdppe.Tests.Functions;

/// <summary>The standalone blob trigger: what a poll costs once many uploads are settled, and that a new version is still seen.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class BlobWatcherTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task APollReadsNoReceiptOfSettledUploadsWhateverTheirNumber()
    {
        var receiptRequests = 0;
        var faults = new FaultPolicy();
        faults.Arm(m =>
        {
            if (m.Request.Uri.Path.Contains(TableNames.BlobReceipts, StringComparison.Ordinal))
            {
                Interlocked.Increment(ref receiptRequests);
            }

            return false;
        }, 500);
        var storage = await azurite.FaultyStorageAsync(faults);
        await using var host = RunningApp.Unstarted(storage, TimeProvider.System, new() { ["Cdppe:BlobSettleSeconds"] = "0" });
        var watcher = host.Services.GetRequiredService<BlobWatcher>();
        var dep = TestDepartements.Next().Code;
        var workbook = SampleWorkbooks.SuiviMensuel2022(indicators: 1);
        for (var i = 0; i < 20; i++)
        {
            await storage.Uploads.GetBlobClient($"{dep}/suivi-{i:D2}.xlsx").UploadAsync(new BinaryData(workbook));
        }

        await SettleAsync(watcher);
        // One more upload, in a later second than the others (blob times have a one-second resolution).
        await Task.Delay(TimeSpan.FromSeconds(1.1));
        await storage.Uploads.GetBlobClient($"{dep}/dernier.xlsx").UploadAsync(new BinaryData(workbook));
        await SettleAsync(watcher);

        Interlocked.Exchange(ref receiptRequests, 0);
        var attempted = await watcher.PollOnceAsync(CancellationToken.None);

        Assert.Equal(0, attempted);
        Assert.True(await storage.Uploads.GetBlobsAsync().CountAsync() >= 21);
        // The checkpoint, and the receipt of the newest blob only: not one read per past upload.
        Assert.InRange(receiptRequests, 1, 3);
    }

    [Fact]
    public async Task AnUploadReplacedAfterTheCheckpointIsProcessedAgain()
    {
        var storage = await azurite.StorageAsync();
        await using var host = RunningApp.Unstarted(storage, TimeProvider.System, new() { ["Cdppe:BlobSettleSeconds"] = "0" });
        var watcher = host.Services.GetRequiredService<BlobWatcher>();
        var dep = TestDepartements.Next().Code;
        var blob = storage.Uploads.GetBlobClient($"{dep}/suivi.xlsx");
        await blob.UploadAsync(new BinaryData(SampleWorkbooks.SuiviMensuel2022(indicators: 1)));
        await SettleAsync(watcher);

        await Task.Delay(TimeSpan.FromSeconds(1.1));
        await blob.UploadAsync(new BinaryData(SampleWorkbooks.SuiviMensuel2022(indicators: 2)), overwrite: true);
        await SettleAsync(watcher);

        var records = await host.Services.GetRequiredService<IngestionStore>().ListAsync(dep);
        Assert.Equal([IngestionStatus.Accepted, IngestionStatus.Accepted], records.Select(r => r.Status));
    }

    /// <summary>Polls until a poll attempts nothing (every blob of the shared container done or poison).</summary>
    private static async Task SettleAsync(BlobWatcher watcher)
    {
        for (var poll = 0; poll < 50; poll++)
        {
            if (await watcher.PollOnceAsync(CancellationToken.None) == 0)
            {
                return;
            }
        }

        throw new InvalidOperationException("The watcher did not settle in 50 polls.");
    }
}
