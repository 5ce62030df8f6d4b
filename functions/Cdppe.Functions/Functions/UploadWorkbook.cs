using Azure.Storage;
using Azure.Storage.Blobs.Models;
using Cdppe.Functions.Hosting;
using Cdppe.Functions.OpenApi;
using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Portal;
using Cdppe.Pipeline.Storage;

namespace Cdppe.Functions.Functions;

/// <summary><c>PUT /api/uploads/{departement}/{file}</c>: writes the body to <c>uploads/</c>, exactly like a drop.</summary>
public sealed class UploadWorkbook(UploadStore uploads)
{
    [Function(nameof(UploadWorkbook))]
    [ApiOperation("Drops a workbook: the body is written to uploads/{departement}/{file}, exactly like a drop in the container; it is ingested within seconds.", Tag = "ingestion")]
    [ApiParameter("departement", "INSEE code of the département.", Example = "77")]
    [ApiParameter("file", "File name, .xlsx or .xlsm.", Example = "rapport-financier-2022.xlsx")]
    [ApiRequestBody("application/octet-stream", "The workbook's bytes (at most 100 MB).")]
    [ApiResponse(202, "Dropped; follow it with GET /api/ingestions.", ContentType = "application/json")]
    [ApiResponse(413, "Larger than 100 MB.")]
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
            return Problems.Problem(StatusCodes.Status413PayloadTooLarge);
        }

        var blob = await uploads.WriteAsync(blobName, request.Body, cancellationToken);
        return new AcceptedResult(
            $"/api/ingestions?departement={path.Departement.Code}",
            new { blob, message = "Fichier déposé : il sera importé dans quelques secondes." });
    }
}
