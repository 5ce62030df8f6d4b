using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using Cdppe.Pipeline.Storage;
using Cdppe.Tests.Support;

namespace Cdppe.Tests.Storage;

/// <summary>The one lock primitive, on Azurite: bounded wait, background renewal, loss detected, release that never throws.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class BlobLeaseTests(AzuriteFixture azurite)
{
    private static readonly LeaseTerms Short = new(TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(1));

    [Fact]
    public async Task ASecondHolderWaitsThenIsBusyInFrenchAndGetsItOnceReleased()
    {
        var blob = await BlobAsync();
        var first = await BlobLease.AcquireAsync(blob, Short, TimeProvider.System, "Occupé.");

        var busy = await Assert.ThrowsAsync<DepartementBusyException>(() => BlobLease.AcquireAsync(blob, Short, TimeProvider.System, "Le département est occupé ; réessayez."));
        await first.DisposeAsync();
        await using var second = await BlobLease.AcquireAsync(blob, Short, TimeProvider.System, "Occupé.");

        Assert.Equal("Le département est occupé ; réessayez.", busy.Message);
        Assert.False(second.Lost.IsCancellationRequested);
    }

    [Fact]
    public async Task ALeaseHeldLongerThanItsDurationIsRenewed()
    {
        var blob = await BlobAsync();
        await using var lease = await BlobLease.AcquireAsync(blob, Short, TimeProvider.System, "Occupé.");

        await Task.Delay(TimeSpan.FromSeconds(20));
        var other = await Record.ExceptionAsync(() => blob.GetBlobLeaseClient().AcquireAsync(TimeSpan.FromSeconds(15)));

        Assert.Equal(409, Assert.IsType<RequestFailedException>(other).Status);
        Assert.False(lease.Lost.IsCancellationRequested);
    }

    [Fact]
    public async Task ALeaseTakenAwayFiresLostAndTheWorkUnderItEndsBusy()
    {
        var blob = await BlobAsync();
        await using var lease = await BlobLease.AcquireAsync(blob, Short, TimeProvider.System, "Le verrou a été perdu.");
        await blob.GetBlobLeaseClient().BreakAsync(TimeSpan.Zero);
        await blob.GetBlobLeaseClient().AcquireAsync(TimeSpan.FromSeconds(60));

        var lost = await Record.ExceptionAsync(() => lease.RunAsync(async token =>
        {
            await Task.Delay(TimeSpan.FromMinutes(1), token);
            return 0;
        }, CancellationToken.None));

        Assert.True(lease.Lost.IsCancellationRequested);
        Assert.Equal("Le verrou a été perdu.", Assert.IsType<DepartementBusyException>(lost).Message);
    }

    [Fact]
    public async Task AFailedReleaseNeverHidesTheErrorTheWorkEndedWith()
    {
        var blob = await BlobAsync();

        var error = await Record.ExceptionAsync(async () =>
        {
            await using var lease = await BlobLease.AcquireAsync(blob, Short, TimeProvider.System, "Occupé.");
            await blob.GetBlobLeaseClient().BreakAsync(TimeSpan.Zero);
            throw new InvalidOperationException("the work's own failure");
        });

        Assert.Equal("the work's own failure", Assert.IsType<InvalidOperationException>(error).Message);
    }

    private async Task<BlobClient> BlobAsync()
    {
        var storage = await azurite.StorageAsync();
        return storage.Locks.GetBlobClient("test-" + Guid.NewGuid().ToString("N"));
    }
}
