using Cdppe.Functions.Hosting;
using Cdppe.Pipeline.Ingestion;

namespace Cdppe.Functions.Portal;

/// <summary><c>GET /api/portal/templates/{kind}?departement=77&amp;annee=2022</c>: a blank input workbook (suivi-mensuel pre-filled).</summary>
public sealed class GetPortalInputTemplate(PortalAccess access, InputWorkbooks workbooks)
{
    [Function(nameof(GetPortalInputTemplate))]
    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalCall.Api + "templates/{kind}")] HttpRequest request, CancellationToken cancellationToken)
    {
        var (bind, _) = await PortalCall.BindAsync(request, access, change: false, cancellationToken);
        var departement = bind.Departement();
        var year = bind.Year();
        var kind = bind.Kind();
        return bind.Problem ?? Answers.From(await workbooks.BuildAsync(kind, departement, year, cancellationToken), Answers.File);
    }
}
