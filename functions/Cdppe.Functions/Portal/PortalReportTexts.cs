using System.Globalization;
using Cdppe.Functions.Hosting;
using Cdppe.Pipeline.Reporting.Texts;

namespace Cdppe.Functions.Portal;

/// <summary>
/// <c>GET /api/portal/report/texts?departement=77&amp;annee=2022</c>: the places of the report with their last change;
/// <c>PUT</c> (body = the edited .docx, <c>fichier</c> its name): keeps the texts of its places, the signed-in person as their author.
/// </summary>
public sealed class PortalReportTexts(PortalAccess access, ReportTexts texts)
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    [Function(nameof(PortalReportTexts))]
    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", "put", Route = PortalCall.Api + "report/texts")] HttpRequest request, CancellationToken cancellationToken)
    {
        var upload = HttpMethods.IsPut(request.Method);
        var (bind, user) = await PortalCall.BindAsync(request, access, change: upload, cancellationToken);
        var departement = bind.Departement();
        var year = bind.Year();
        if (bind.Problem is { } problem)
        {
            return problem;
        }

        if (upload)
        {
            var fileName = bind.Value("fichier") is { Length: > 0 and <= 200 } f ? f : "rapport.docx";
            return Answers.From(await texts.UploadAsync(departement, year, request.Body, fileName, user!.User, cancellationToken), r => new OkObjectResult(new { message = r.Message, changed = r.Changed, warnings = r.Warnings }));
        }

        return new OkObjectResult((await texts.PlacesAsync(departement, year, cancellationToken)).Select(p => new
        {
            name = p.Name,
            title = p.Title,
            versions = p.Versions,
            author = p.LastChange?.Author,
            changed = p.LastChange is { } c ? TimeZoneInfo.ConvertTime(c.SavedAt, Paris).ToString("d MMMM yyyy 'à' HH:mm", CultureInfo.GetCultureInfo("fr-FR")) : null,
            file = p.LastChange?.FileName,
            excerpt = p.LastChange?.Excerpt,
        }));
    }
}
