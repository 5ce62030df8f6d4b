using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Reporting;

namespace Cdppe.Functions.Hosting;

/// <summary>How both surfaces answer what a use case returns: a refusal as its problem, a file as a download.</summary>
public static class Answers
{
    /// <summary><paramref name="ok"/> of the value, or the refusal's problem with the use case's French text.</summary>
    public static IActionResult From<T>(Outcome<T> outcome, Func<T, IActionResult> ok)
        where T : class =>
        outcome.Value is { } value ? ok(value) : Problems.Problem(Status(outcome.Refused ?? Refusal.Invalid), outcome.Message);

    /// <summary>The status of a refusal: 400, 404, 413, 403 or 409.</summary>
    public static int Status(Refusal refusal) => refusal switch
    {
        Refusal.NotFound => StatusCodes.Status404NotFound,
        Refusal.TooLarge => StatusCodes.Status413PayloadTooLarge,
        Refusal.Forbidden => StatusCodes.Status403Forbidden,
        Refusal.Conflict => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };

    /// <summary>A file to download, under its name.</summary>
    public static FileContentResult File(FileDownload file) => new(file.Content, file.ContentType) { FileDownloadName = file.FileName };

    /// <summary>A Word document (the report, a template) to download.</summary>
    public static FileContentResult Docx(byte[] content, string fileName) => new(content, AnnualReportService.DocxContentType) { FileDownloadName = fileName };

}
