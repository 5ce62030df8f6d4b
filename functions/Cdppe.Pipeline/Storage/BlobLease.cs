using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace Cdppe.Pipeline.Storage;

/// <summary>
/// An exclusive blob lease, the one lock primitive of the pipeline: acquired with a bounded wait (then
/// <see cref="DepartementBusyException"/>), renewed in the background every third of its duration, and
/// <see cref="Lost"/> fires as soon as it cannot be trusted any more (taken by someone else, or not renewed for a
/// whole duration), so the work under it stops. Disposing releases it and never throws: a release that fails (the
/// storage away) lets the lease expire by itself, and never hides the error the work ended with.
/// </summary>
public sealed class BlobLease : IAsyncDisposable
{
    private readonly BlobLeaseClient client;
    private readonly TimeProvider clock;
    private readonly TimeSpan duration;
    private readonly string busyMessage;
    private readonly CancellationTokenSource lost = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Task renewal;

    private BlobLease(BlobLeaseClient client, TimeProvider clock, TimeSpan duration, string busyMessage)
    {
        this.client = client;
        this.clock = clock;
        this.duration = duration;
        this.busyMessage = busyMessage;
        renewal = RenewAsync();
    }

    /// <summary>Fires when the lease is lost: whatever is done under it must stop.</summary>
    public CancellationToken Lost => lost.Token;

    /// <summary>Takes the lease on <paramref name="blob"/> (created empty if needed), waiting at most <see cref="LeaseTerms.Wait"/>.</summary>
    public static async Task<BlobLease> AcquireAsync(BlobClient blob, LeaseTerms terms, TimeProvider clock, string busyMessage, CancellationToken cancellationToken = default)
    {
        try
        {
            await blob.UploadAsync(BinaryData.Empty, new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // Exists already (possibly leased right now): the lease decides.
        }

        var client = blob.GetBlobLeaseClient();
        var started = clock.GetTimestamp();
        while (true)
        {
            try
            {
                await client.AcquireAsync(terms.Duration, cancellationToken: cancellationToken);
                return new BlobLease(client, clock, terms.Duration, busyMessage);
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                if (clock.GetElapsedTime(started) >= terms.Wait)
                {
                    throw new DepartementBusyException(busyMessage, ex);
                }

                await Task.Delay(LeaseTerms.RetryDelay, clock, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> with a token that fires when <paramref name="cancellationToken"/> does or the lease
    /// is lost; a loss surfaces as <see cref="DepartementBusyException"/>.
    /// </summary>
    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lost.Token);
        try
        {
            return await work(linked.Token);
        }
        catch (OperationCanceledException ex) when (lost.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new DepartementBusyException(busyMessage, ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await renewal;
        if (!lost.IsCancellationRequested)
        {
            try
            {
                using var timeout = new CancellationTokenSource(duration);
                await client.ReleaseAsync(cancellationToken: timeout.Token);
            }
            catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or IOException or OperationCanceledException or AggregateException or TimeoutException)
            {
                // Storage away or lease gone: it expires by itself; the work's own outcome is what counts.
            }
        }

        stop.Dispose();
        lost.Dispose();
    }

    private async Task RenewAsync()
    {
        var renewed = clock.GetTimestamp();
        var every = duration / 3;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(every, clock, stop.Token);
                using var attempt = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
                attempt.CancelAfter(every);
                await client.RenewAsync(cancellationToken: attempt.Token);
                renewed = clock.GetTimestamp();
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 409 or 412)
            {
                // Someone else holds it now, or the blob is gone.
                await lost.CancelAsync();
                return;
            }
            catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or IOException or OperationCanceledException or AggregateException or TimeoutException)
            {
                if (clock.GetElapsedTime(renewed) >= duration)
                {
                    await lost.CancelAsync();
                    return;
                }
            }
        }
    }
}
