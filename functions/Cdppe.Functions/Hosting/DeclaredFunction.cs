using System.Reflection;
using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace Cdppe.Functions.Hosting;

/// <summary>
/// One function of the app, as its attributes declare it: the class and method, and the trigger attribute of
/// its trigger parameter. The Functions host learns the same from <c>functions.metadata</c>, which the worker
/// SDK generates from these attributes at build time; the standalone host and the API description read them here,
/// so a route, a method, an auth level, a blob path or a schedule is written once, on the function.
/// </summary>
public sealed record DeclaredFunction(string Name, Type Class, MethodInfo Method, TriggerBindingAttribute Trigger)
{
    /// <summary>
    /// The route prefix of <c>host.json</c> (<c>extensions.http.routePrefix</c>): empty, so that the portal's pages
    /// are at the root; every API route starts with <c>api/</c> itself.
    /// </summary>
    public const string RoutePrefix = "";

    public HttpTriggerAttribute? Http => Trigger as HttpTriggerAttribute;

    public TimerTriggerAttribute? Timer => Trigger as TimerTriggerAttribute;

    public BlobTriggerAttribute? Blob => Trigger as BlobTriggerAttribute;

    /// <summary>The route under the prefix, as in the trigger (the function's name when the trigger names none).</summary>
    public string Route => Http?.Route ?? Name;

    /// <summary>The full route template: <c>api/reports/annual/{year}</c>.</summary>
    public string RouteTemplate => RoutePrefix.Length == 0 ? Route : $"{RoutePrefix}/{Route}";

    /// <summary>Upper-case HTTP methods (every method when the trigger names none, as in Azure).</summary>
    public IReadOnlyList<string> Methods => Http?.Methods is { Length: > 0 } methods
        ? [.. methods.Select(m => m.ToUpperInvariant())]
        : ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"];

    public bool IsAnonymous => Http?.AuthLevel == AuthorizationLevel.Anonymous;

    /// <summary>The catch-all (route <c>{*…}</c>): what no other function serves; not part of the API.</summary>
    public bool IsCatchAll => Http is not null && Route.StartsWith("{*", StringComparison.Ordinal);
}
