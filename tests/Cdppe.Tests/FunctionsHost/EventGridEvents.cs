using System.Net.Http.Json;
using Azure.Storage.Blobs;

namespace Cdppe.Tests.FunctionsHost;

/// <summary>
/// What Event Grid posts to the host's blob webhook for a blob created in <c>uploads/</c> (the
/// <c>Microsoft.Storage.BlobCreated</c> event of a storage account's system topic, in the Event Grid schema), to
/// <c>/runtime/webhooks/blobs?functionName=Host.Functions.IngestWorkbook&amp;code=…</c> with
/// <c>aeg-event-type: Notification</c>, as the subscription of <c>scripts/subscribe-blob-events.sh</c> does in Azure.
/// </summary>
public static class EventGridEvents
{
    public const string Webhook = "/runtime/webhooks/blobs?functionName=Host.Functions.IngestWorkbook&code=" + FunctionsHostProcess.MasterKey;

    /// <summary>The event of <paramref name="blob"/> as it is now (its ETag and size read from storage).</summary>
    public static async Task<object> BlobCreatedAsync(BlobClient blob)
    {
        var properties = (await blob.GetPropertiesAsync()).Value;
        return new
        {
            id = Guid.NewGuid().ToString(),
            topic = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-cdppe/providers/Microsoft.Storage/storageAccounts/" + blob.AccountName,
            subject = $"/blobServices/default/containers/{blob.BlobContainerName}/blobs/{blob.Name}",
            eventType = "Microsoft.Storage.BlobCreated",
            eventTime = DateTimeOffset.UtcNow,
            data = new
            {
                api = "PutBlob",
                clientRequestId = Guid.NewGuid().ToString(),
                requestId = Guid.NewGuid().ToString(),
                eTag = properties.ETag.ToString(),
                contentType = properties.ContentType,
                contentLength = properties.ContentLength,
                blobType = "BlockBlob",
                url = blob.Uri.ToString(),
                sequencer = "0000000000000000000000000000000000000000000000000000000000000001",
                storageDiagnostics = new { batchId = Guid.NewGuid().ToString() },
            },
            dataVersion = string.Empty,
            metadataVersion = "1",
        };
    }

    /// <summary>Posts <paramref name="events"/> (one delivery) as Event Grid does; the host answers 202.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient host, IEnumerable<object> events)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Webhook, UriKind.Relative)) { Content = JsonContent.Create(events.ToArray()) };
        request.Headers.Add("aeg-event-type", "Notification");
        return await host.SendAsync(request);
    }
}
