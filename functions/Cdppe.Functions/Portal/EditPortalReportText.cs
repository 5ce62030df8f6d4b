using Cdppe.Functions.Hosting;
using Cdppe.Pipeline.Reporting.Texts;

namespace Cdppe.Functions.Portal;

/// <summary><c>PUT /api/portal/report/texts/{place}?departement=77&amp;annee=2022</c>, body = the text (plain, a paragraph per line): a new version of that place's text.</summary>
public sealed class EditPortalReportText(PortalAccess access, ReportTexts texts)
{
    [Function(nameof(EditPortalReportText))]
    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = PortalCall.Api + "report/texts/{place}")] HttpRequest request, string place, CancellationToken cancellationToken)
    {
        var (bind, user) = await PortalCall.BindAsync(request, access, change: true, cancellationToken);
        var departement = bind.Departement();
        var year = bind.Year();
        if (bind.Problem is { } problem)
        {
            return problem;
        }

        // One character over the limit is enough to refuse: the body is never read further.
        var buffer = new char[ReportTextReader.MaxTextCharacters + 2];
        using var reader = new StreamReader(request.Body);
        var read = await reader.ReadBlockAsync(buffer, cancellationToken);
        return Answers.From(await texts.EditAsync(departement, year, place, new string(buffer, 0, read), user!.User, cancellationToken), r => new OkObjectResult(new { name = r.Name, excerpt = r.Excerpt }));
    }
}
