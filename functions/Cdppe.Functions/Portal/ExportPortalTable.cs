using Cdppe.Functions.Hosting;
using Cdppe.Pipeline.Portal;

namespace Cdppe.Functions.Portal;

/// <summary>
/// <c>POST /api/portal/tables/xlsx</c>, body = a table of a page as JSON (<see cref="TableExport"/>): the same table
/// as an <c>.xlsx</c> workbook, numbers as numbers. Any signed-in person; the page sends only what it shows, so the
/// workbook holds nothing the person could not already read.
/// </summary>
public sealed class ExportPortalTable(PortalAccess access)
{
    [Function(nameof(ExportPortalTable))]
    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = PortalCall.Api + "tables/xlsx")] HttpRequest request, CancellationToken cancellationToken)
    {
        var (bind, _) = await PortalCall.BindAsync(request, access, change: true, cancellationToken);
        if (bind.Problem is { } problem)
        {
            return problem;
        }

        return Answers.From(await TableWorkbooks.WriteAsync(request.Body, request.ContentLength, cancellationToken), Answers.File);
    }
}
