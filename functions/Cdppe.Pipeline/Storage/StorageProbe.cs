namespace Cdppe.Pipeline.Storage;

/// <summary>Whether storage answers: one cheap call, every kind of failure to reach it taken as "no".</summary>
public sealed class StorageProbe(CdppeStorage storage)
{
    public async Task<bool> AnswersAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await storage.Uploads.ExistsAsync(cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or HttpRequestException or AggregateException or TimeoutException)
        {
            return false;
        }
    }
}
