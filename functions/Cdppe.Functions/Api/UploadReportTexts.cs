using Cdppe.Functions.Hosting;
using Cdppe.Functions.OpenApi;
using Cdppe.Pipeline.Reporting.Texts;

namespace Cdppe.Functions.Api;

/// <summary><c>PUT /api/reports/annual/{year}/textes?departement=77</c>: the report as the département edited it; the texts of its places are kept for every later generation.</summary>
public sealed class UploadReportTexts(ReportTexts texts)
{
    /// <summary>The author recorded when the request names none (the API is reached with a function key, which names nobody).</summary>
    public const string DefaultAuthor = "api";

    [Function(nameof(UploadReportTexts))]
    [ApiOperation("Uploads the report edited in Word or LibreOffice: the text of each place (content control) is kept, versioned, and put back by every later generation.", Tag = "reports")]
    [ApiParameter("year", "Year of the report.", Example = "2022")]
    [ApiParameter("departement", "INSEE code of the département.", Required = true, Example = "77")]
    [ApiParameter("fichier", "Name of the uploaded file, recorded with each text.", Example = "rapport-execution-77-2022.docx")]
    [ApiParameter("auteur", "Who uploads it, recorded with each text (default api).", Example = "Service ASE")]
    [ApiRequestBody("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "The edited report (.docx, at most 20 MB).")]
    [ApiResponse(200, "The places whose text changed, and French warnings (content left out, deleted places, text typed outside the places).", ContentType = "application/json")]
    [ApiResponse(400, "Not a readable .docx, unsafe content (external image or link, field loading content, imported document, macros) or a place inside another: nothing kept.")]
    [ApiResponse(404, "No report was generated for the département and the year yet.")]
    [ApiResponse(413, "Over 20 MB, over 500 places or a text over 50 000 characters: nothing kept.")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "api/reports/annual/{year}/textes")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var bind = new RequestBinder(request);
        var year = bind.Year("year");
        var departement = bind.Departement();
        if (bind.Problem is { } problem)
        {
            return problem;
        }

        var fileName = bind.Value("fichier") is { Length: > 0 and <= 200 } f ? f : "rapport.docx";
        var author = bind.Value("auteur") is { Length: > 0 and <= 100 } a ? a : DefaultAuthor;
        return Answers.From(await texts.UploadAsync(departement, year, request.Body, fileName, author, cancellationToken), result => new OkObjectResult(new
        {
            result.UploadId,
            result.Changed,
            result.Places,
            message = result.Message,
            result.Warnings,
        }));
    }
}
