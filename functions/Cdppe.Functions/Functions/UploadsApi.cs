using Cdppe.Functions.Hosting;
using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Storage;

namespace Cdppe.Functions.Functions;

/// <summary><c>PUT /api/uploads/{departement}/{file}</c>: writes the body to <c>uploads/</c>, exactly like a drop.</summary>
public static class UploadsApi
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapPut("/uploads/{departement}/{file}", async (string departement, string file, HttpRequest request, CdppeStorage storage, CancellationToken cancellationToken) =>
        {
            var blobName = $"{departement}/{file}";
            if (UploadPath.TryParse(blobName, out var error) is null)
            {
                return Problems.BadRequest(error!);
            }

            if (request.ContentLength is > WorkbookIngestor.MaxUploadBytes)
            {
                return Problems.BadRequest($"Le fichier dépasse la limite de {WorkbookIngestor.MaxUploadBytes / (1024 * 1024)} Mo.");
            }

            await storage.Uploads.GetBlobClient(blobName).UploadAsync(request.Body, overwrite: true, cancellationToken);
            return Results.Accepted($"/api/ingestions?departement={departement}", new { blob = $"{ContainerNames.Uploads}/{blobName}", message = "Fichier déposé : il sera importé dans quelques secondes." });
        }).WithName("UploadWorkbook");
}
