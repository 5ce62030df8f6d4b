using Cdppe.Functions.Hosting;
using Cdppe.Pipeline.Reporting.Exports;

namespace Cdppe.Functions.Portal;

/// <summary><c>GET /api/portal/national/classeur?annee=2022</c> (national scope only): the State's national workbook, the same use case as the API's.</summary>
public sealed class GetPortalNationalExport(PortalAccess access, NationalWorkbookExport export)
{
    [Function(nameof(GetPortalNationalExport))]
    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalCall.Api + "national/classeur")] HttpRequest request, CancellationToken cancellationToken)
    {
        var (bind, user) = await PortalCall.BindAsync(request, access, change: false, cancellationToken);
        var year = bind.Year();
        if (bind.Problem is { } problem)
        {
            return problem;
        }

        return user!.National
            ? Answers.From(await export.ExportAsync(user.Actor, year, cancellationToken), Answers.File)
            : Problems.Forbidden(ExportMessages.NationalOnly);
    }
}
