using System.Globalization;
using Cdppe.Pipeline.Reporting;

namespace Cdppe.Functions.Hosting;

/// <summary>The answer when every rendering slot is taken and the queue is full: a French 503 with <c>Retry-After</c>.</summary>
public static class RenderQueueFull
{
    public static IActionResult Problem(HttpRequest request, ReportRendersBusyException exception)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(exception);
        request.HttpContext.Response.Headers.RetryAfter = exception.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return Problems.Unavailable(exception.Message);
    }
}
