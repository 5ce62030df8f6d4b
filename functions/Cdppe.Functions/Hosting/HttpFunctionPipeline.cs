namespace Cdppe.Functions.Hosting;

/// <summary>
/// What happens around every HTTP function, in both hosts: the app's key check (unless the function is
/// anonymous), then the function, then any exception turned into its problem (<see cref="Problems.ForException"/>),
/// logged, never shown; a body the client framed wrong is a 400 (<see cref="RequestBodyStream"/>). Every answer
/// over HTTPS carries <c>Strict-Transport-Security</c>. The standalone host calls it from its endpoints, the worker
/// from <see cref="HttpFunctionMiddleware"/>.
/// </summary>
public static class HttpFunctionPipeline
{
    /// <summary>One year, this host only (not its subdomains, which the app does not own).</summary>
    public const string StrictTransportSecurity = "max-age=31536000";

    public static async Task<object?> RunAsync(DeclaredFunction function, HttpContext context, bool hostCheckedKey, Func<Task<object?>> invoke)
    {
        var services = context.RequestServices;
        if (IsHttps(context.Request))
        {
            context.Response.Headers.StrictTransportSecurity = StrictTransportSecurity;
        }

        context.Request.Body = new RequestBodyStream(context.Request.Body);

        if (!function.IsAnonymous && services.GetRequiredService<ApiKeyCheck>().Refuse(context, hostCheckedKey, function.Method.IsDefined(typeof(NationalReviewAttribute), inherit: false)) is { } refusal)
        {
            return refusal;
        }

        try
        {
            return await invoke();
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The caller went away: nobody reads the answer.
            return null;
        }
        catch (Exception ex)
        {
            var problem = Problems.ForException(ex);
            var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Cdppe.Functions." + function.Name);
            if (problem.StatusCode >= StatusCodes.Status500InternalServerError)
            {
                logger.LogError(ex, "{Function} failed on {Method} {Path}", function.Name, context.Request.Method, context.Request.Path);
            }
            else
            {
                logger.LogInformation("{Function} answered {Status}: {Message}", function.Name, problem.StatusCode, ex.Message);
            }

            return problem;
        }
    }

    /// <summary>
    /// The request came over HTTPS: to this process, or to the proxy in front of it (App Service's front ends, a
    /// reverse proxy before the standalone host) that says so in <c>X-Forwarded-Proto</c>.
    /// </summary>
    public static bool IsHttps(HttpRequest request) =>
        request.IsHttps || string.Equals(request.Headers["X-Forwarded-Proto"].FirstOrDefault(), "https", StringComparison.OrdinalIgnoreCase);
}
