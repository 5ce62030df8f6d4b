using Cdppe.Functions.Hosting;
using Cdppe.Pipeline.Portal;

namespace Cdppe.Functions.Portal;

/// <summary>
/// <c>POST /api/portal/drops?departement=77</c>, body = the workbook, header <c>X-Cdppe-Fichier</c> = its name
/// (URI-encoded): writes <c>uploads/77/{name}</c>, the drop every other way makes, and answers 202 with the
/// ingestion id to follow. Name, announced size and type are checked before the body is read.
/// </summary>
public sealed class DropPortalFile(PortalAccess access, PortalDrops drops)
{
    public const string FileNameHeader = "X-Cdppe-Fichier";

    [Function(nameof(DropPortalFile))]
    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = PortalCall.Api + "drops")] HttpRequest request, CancellationToken cancellationToken)
    {
        var call = await PortalCall.DepartementAsync(request, access, change: true, cancellationToken);
        if (call.Problem is { } problem)
        {
            return problem;
        }

        var departement = call.Departement;
        var name = Uri.UnescapeDataString(request.Headers[FileNameHeader].FirstOrDefault() ?? string.Empty);
        if (PortalDrops.CheckBeforeReading(departement, name, request.ContentLength, request.ContentType) is { } refused)
        {
            return request.ContentLength > Pipeline.Ingestion.WorkbookIngestor.MaxUploadBytes ? Problems.Problem(StatusCodes.Status413PayloadTooLarge, refused) : Problems.BadRequest(refused);
        }

        try
        {
            return new ObjectResult(await drops.DropAsync(departement, name, request.Body, request.ContentLength!.Value, cancellationToken)) { StatusCode = StatusCodes.Status202Accepted };
        }
        catch (DropRefusedException ex)
        {
            return Problems.BadRequest(ex.Message);
        }
    }
}
