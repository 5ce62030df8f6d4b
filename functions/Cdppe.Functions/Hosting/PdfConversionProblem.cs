using System.Globalization;
using Cdppe.Pipeline.Reporting.Exports;

namespace Cdppe.Functions.Hosting;

/// <summary>The answer to a PDF conversion that did not happen: 501 without converter, 503 (with <c>Retry-After</c>) when the queue is full, 504 past the time limit, 502 when the converter failed; the French text says which.</summary>
public static class PdfConversionProblem
{
    public static IActionResult Problem(HttpRequest request, PdfConversionException exception)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(exception);
        if (exception.Failure == PdfConversionFailure.Busy)
        {
            request.HttpContext.Response.Headers.RetryAfter = exception.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        }

        return Problems.Problem(
            exception.Failure switch
            {
                PdfConversionFailure.NoConverter => StatusCodes.Status501NotImplemented,
                PdfConversionFailure.Busy => StatusCodes.Status503ServiceUnavailable,
                PdfConversionFailure.TimedOut => StatusCodes.Status504GatewayTimeout,
                _ => StatusCodes.Status502BadGateway,
            },
            exception.Message);
    }

    /// <summary>Whether the request asks for the PDF: <c>Accept: application/pdf</c> (or <c>format=pdf</c> in the query, for a link).</summary>
    public static bool WantsPdf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Headers.Accept.Any(a => a?.Contains(ReportPdf.ContentType, StringComparison.OrdinalIgnoreCase) == true)
            || string.Equals(request.Query["format"], "pdf", StringComparison.OrdinalIgnoreCase);
    }
}
