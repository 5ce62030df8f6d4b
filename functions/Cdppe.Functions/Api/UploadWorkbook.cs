using Cdppe.Functions.Hosting;
using Cdppe.Functions.OpenApi;
using Cdppe.Pipeline.Campaigns;
using Cdppe.Pipeline.Ingestion;

namespace Cdppe.Functions.Api;

/// <summary><c>PUT /api/uploads/{departement}/{file}</c>: writes the body to <c>uploads/</c>, exactly like a drop.</summary>
public sealed class UploadWorkbook(WorkbookUploads uploads, ActivityJournal journal)
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
        var bind = new RequestBinder(request);
        var outcome = await uploads.UploadAsync(bind.Value("departement") ?? string.Empty, bind.Value("file") ?? string.Empty, request.Body, request.ContentLength, cancellationToken);
        if (outcome.Value is { } dropped)
        {
            await journal.RecordAsync(ApiKeyCheck.ActorOf(request.HttpContext), dropped.Departement, JournalActions.Drop, $"Dépôt de « {dropped.FileName} ».", subject: $"{dropped.Departement.Code}/{dropped.FileName}", cancellationToken: cancellationToken);
        }
        return Answers.From(outcome, receipt => new AcceptedResult(
            $"/api/ingestions?departement={receipt.Departement.Code}",
            new { blob = receipt.Blob, message = WorkbookUploads.DroppedMessage }));
    }
}
