using Azure;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace Cdppe.Pipeline.Storage;

/// <summary>The département's data is being written or read as a whole by someone else for too long.</summary>
public sealed class DepartementBusyException : Exception
{
    public DepartementBusyException()
    {
    }

    public DepartementBusyException(string message)
        : base(message)
    {
    }

    public DepartementBusyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// One writer or reader of a département's fixed-key tables (<c>Fiches</c>, <c>Indicators</c>, <c>PlannedFunding</c>,
/// <c>Objectives</c>) at a time: an ingestion replacing them and a report reading them take this lock (a blob lease on
/// <c>locks/data-{dep}</c>, renewed while held), so a report never mixes rows of two versions of a plan.
/// Versioned data (budget lines) and additive data (monthly values) do not need it.
/// </summary>
public sealed class DepartementLock(CdppeStorage storage)
{
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(15);

    public async Task<IAsyncDisposable> AcquireAsync(string partition, TimeSpan wait, CancellationToken cancellationToken = default)
    {
        var blob = storage.Locks.GetBlobClient($"data-{partition}");
        try
        {
            await blob.UploadAsync(BinaryData.FromString(partition), new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // Exists already (possibly leased right now): the lease decides.
        }

        var lease = blob.GetBlobLeaseClient();
        var deadline = DateTimeOffset.UtcNow + wait;
        while (true)
        {
            try
            {
                await lease.AcquireAsync(LeaseDuration, cancellationToken: cancellationToken);
                return new Held(lease);
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                if (DateTimeOffset.UtcNow >= deadline)
                {
                    throw new DepartementBusyException($"Les données du département {partition} sont en cours de mise à jour ; réessayez dans une minute.", ex);
                }

                await Task.Delay(100, cancellationToken);
            }
        }
    }

    private sealed class Held : IAsyncDisposable
    {
        private readonly BlobLeaseClient lease;
        private readonly CancellationTokenSource stop = new();
        private readonly Task renewal;

        public Held(BlobLeaseClient lease)
        {
            this.lease = lease;
            renewal = RenewAsync();
        }

        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync();
            try
            {
                await renewal;
            }
            catch (OperationCanceledException)
            {
                // Stopped.
            }

            try
            {
                await lease.ReleaseAsync(cancellationToken: CancellationToken.None);
            }
            catch (RequestFailedException)
            {
                // Storage away: the lease expires by itself.
            }

            stop.Dispose();
        }

        private async Task RenewAsync()
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(LeaseDuration / 3, stop.Token);
                try
                {
                    await lease.RenewAsync(cancellationToken: stop.Token);
                }
                catch (RequestFailedException)
                {
                    // Transient: tried again at the next tick; the lease lasts 15 s.
                }
            }
        }
    }
}
