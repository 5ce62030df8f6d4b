using Cdppe.Pipeline.Ingestion;

namespace Cdppe.Functions.Functions;

/// <summary>Blob trigger on <c>uploads/{name}</c>: the blob is read with the SDK from its name, not from the payload.</summary>
public static class IngestWorkbookFunction
{
    public const string Name = "IngestWorkbook";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/" + Name, async (InvocationRequest request, WorkbookIngestor ingestor, CancellationToken cancellationToken) =>
        {
            var blobName = BlobName(request);
            if (blobName is null)
            {
                return Results.BadRequest(new InvocationResponse { Logs = ["Invocation without blob name metadata."] });
            }

            var result = await ingestor.IngestAsync(blobName, cancellationToken);
            return Results.Ok(new InvocationResponse
            {
                Logs = [$"{blobName}: {IngestionResult.StatusCode(result.Status)} ({result.Issues.Count} issues)"],
                ReturnValue = IngestionResult.StatusCode(result.Status),
            });
        });

    /// <summary>The name relative to the container: the <c>{name}</c> of the path, else BlobTrigger minus the container.</summary>
    public static string? BlobName(InvocationRequest request)
    {
        if (request.MetadataString("name") is { Length: > 0 } name)
        {
            return name;
        }

        var trigger = request.MetadataString("BlobTrigger");
        const string prefix = "uploads/";
        return trigger is not null && trigger.StartsWith(prefix, StringComparison.Ordinal) ? trigger[prefix.Length..] : null;
    }
}
