using Cdppe.Functions.Hosting;
using Cdppe.Pipeline.Storage;

namespace Cdppe.Functions.Functions;

/// <summary><c>GET /api/ingestions?departement=77</c>: every ingestion of the département, newest first.</summary>
public static class IngestionsApi
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/ingestions", async (string? departement, IngestionStore ingestions, CancellationToken cancellationToken) =>
        {
            if (!Problems.TryDepartement(departement, out var dep, out var problem))
            {
                return problem!;
            }

            var records = await ingestions.ListAsync(dep.Code, cancellationToken);
            return Results.Ok(records.Select(r => new
            {
                id = r.RowKey,
                r.FileName,
                r.BlobName,
                r.Status,
                r.Kinds,
                r.Years,
                r.Contract,
                r.ErrorCount,
                r.WarningCount,
                r.Lines,
                r.ReceivedAt,
                r.Size,
                r.ArchivePath,
                r.ReportPath,
                r.DataPath,
                r.AnnotatedPath,
                r.SupersededBy,
                r.Summary,
            }));
        }).WithName("ListIngestions");
}
