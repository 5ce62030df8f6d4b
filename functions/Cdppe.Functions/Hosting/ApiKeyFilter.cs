using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Cdppe.Functions.Hosting;

/// <summary>Requires the API key (header <c>x-functions-key</c> or query <c>code</c>), compared in constant time.</summary>
public sealed class ApiKeyFilter(IOptions<CdppeOptions> options) : IEndpointFilter
{
    public const string HeaderName = "x-functions-key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var expected = options.Value.ApiKey;
        if (string.IsNullOrEmpty(expected))
        {
            // Custom-handler mode without an app key: the Functions host has already checked the function key.
            return options.Value.Host == HostMode.CustomHandler
                ? await next(context)
                : Problems.Unauthorized("Aucune clé d'API n'est configurée (Cdppe__ApiKey) : l'accès est refusé.");
        }

        var request = context.HttpContext.Request;
        var given = request.Headers[HeaderName].FirstOrDefault() ?? request.Query["code"].FirstOrDefault();
        if (given is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected)))
        {
            return Problems.Unauthorized("Clé d'API absente ou invalide : passez-la dans l'en-tête x-functions-key ou le paramètre code.");
        }

        return await next(context);
    }
}
