using Cdppe.Functions.Hosting;
using Cdppe.Pipeline.Campaigns;
using Cdppe.Pipeline.Ingestion;

namespace Cdppe.Functions.Portal;

/// <summary>
/// <c>POST /api/portal/drops?departement=77</c>, body = the workbook, header <c>X-Cdppe-Fichier</c> = its name
/// (URI-encoded): writes <c>uploads/77/{name}</c>, the drop every other way makes, and answers 202 with the
/// ingestion id to follow. Name, announced size and type are checked before the body is read (<see cref="WorkbookUploads.DropAsync"/>).
/// </summary>
public sealed class DropPortalFile(PortalAccess access, WorkbookUploads uploads, ActivityJournal journal)
{
    public const string FileNameHeader = "X-Cdppe-Fichier";

    [Function(nameof(DropPortalFile))]
    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = PortalCall.Api + "drops")] HttpRequest request, CancellationToken cancellationToken)
    {
        var (bind, user) = await PortalCall.BindAsync(request, access, change: true, cancellationToken);
        var departement = bind.Departement();
        if (bind.Problem is { } problem)
        {
            return problem;
        }

        var name = Uri.UnescapeDataString(request.Headers[FileNameHeader].FirstOrDefault() ?? string.Empty);
        var outcome = await uploads.DropAsync(departement, name, request.Body, request.ContentLength, request.ContentType, cancellationToken);
        if (outcome.Value is { } dropped)
        {
            await journal.RecordAsync(user!.Actor, departement, JournalActions.Drop, $"Dépôt de « {dropped.FileName} ».", subject: $"{departement.Code}/{dropped.FileName}", cancellationToken: cancellationToken);
        }
        return Answers.From(outcome, receipt => new ObjectResult(receipt) { StatusCode = StatusCodes.Status202Accepted });
    }
}
