using Cdppe.Functions.Hosting;
using Microsoft.AspNetCore.Routing.Template;

namespace Cdppe.Functions.Api;

/// <summary>
/// Every path and method no other function serves (a catch-all route, the last the router tries): a French 405
/// problem with <c>Allow</c> when another function serves the path with other methods, else a French 404. Under
/// the Functions host it turns the host's empty 404 into the app's; in the standalone host it answers as the
/// framework's status pages did. Not part of the API description. Its name sorts after every other function's on
/// purpose: the Functions host maps the routes in the order of the functions' names and takes the first that
/// matches (route precedence is not considered), so a catch-all named earlier would shadow the functions after it.
/// </summary>
public sealed class ZzNoSuchRoute
{
    private static readonly Lazy<IReadOnlyList<(TemplateMatcher Matcher, IReadOnlyList<string> Methods)>> Routes = new(() =>
        [.. FunctionCatalog.Http.Where(f => !f.IsCatchAll)
            .Select(f => (new TemplateMatcher(TemplateParser.Parse(f.RouteTemplate), []), f.Methods))]);

    [Function(nameof(ZzNoSuchRoute))]
    public IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "post", "put", "delete", "patch", "options", Route = "{*path}")] HttpRequest request)
    {
        var allowed = Routes.Value.Where(r => r.Matcher.TryMatch(request.Path, [])).SelectMany(r => r.Methods).Distinct().ToList();
        if (allowed.Count == 0)
        {
            return Problems.Problem(StatusCodes.Status404NotFound);
        }

        request.HttpContext.Response.Headers.Allow = string.Join(", ", allowed);
        return Problems.Problem(StatusCodes.Status405MethodNotAllowed);
    }
}
