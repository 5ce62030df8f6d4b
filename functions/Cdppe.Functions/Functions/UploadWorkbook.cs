using Cdppe.Functions.Hosting;
using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Storage;

namespace Cdppe.Functions.Functions;

/// <summary><c>PUT /api/uploads/{departement}/{file}</c>: writes the body to <c>uploads/</c>, exactly like a drop.</summary>
public sealed class UploadWorkbook(CdppeStorage storage)
{
    [Function(nameof(UploadWorkbook))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "api/uploads/{departement}/{file}")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var blobName = $"{request.RouteValues["departement"]}/{request.RouteValues["file"]}";
        if (UploadPath.TryParse(blobName, out var error) is not { } path)
        {
            return Problems.BadRequest(error!);
        }

        if (request.ContentLength is > WorkbookIngestor.MaxUploadBytes)
        {
            return Problems.TooLarge($"Le fichier fait {request.ContentLength / (1024 * 1024)} Mo ; la limite est de {WorkbookIngestor.MaxUploadBytes / (1024 * 1024)} Mo.");
        }

        await storage.Uploads.GetBlobClient(blobName).UploadAsync(request.Body, overwrite: true, cancellationToken);
        return new AcceptedResult(
            $"/api/ingestions?departement={path.Departement.Code}",
            new { blob = $"{ContainerNames.Uploads}/{blobName}", message = "Fichier déposé : il sera importé dans quelques secondes." });
    }
}
