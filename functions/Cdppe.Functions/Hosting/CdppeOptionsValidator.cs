using Cdppe.Pipeline.Model;
using Microsoft.Extensions.Options;

namespace Cdppe.Functions.Hosting;

/// <summary>Refuses to start with settings that would fail later, and says which one (in the log, in English).</summary>
public sealed class CdppeOptionsValidator : IValidateOptions<CdppeOptions>
{
    public ValidateOptionsResult Validate(string? name, CdppeOptions options)
    {
        var failures = new List<string>();
        foreach (var url in options.Urls.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).DefaultIfEmpty(string.Empty))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp || uri.Port <= 0
                || !(uri.Host == "localhost" || System.Net.IPAddress.TryParse(uri.Host.Trim('[', ']'), out _)))
            {
                failures.Add($"Cdppe:Urls: '{url}' is not an http://address:port URL (address: an IP address or localhost).");
            }
        }

        if (options.BlobPollSeconds <= 0)
        {
            failures.Add("Cdppe:BlobPollSeconds must be positive.");
        }

        if (options.MaxBlobAttempts < 1)
        {
            failures.Add("Cdppe:MaxBlobAttempts must be at least 1.");
        }

        if (options.BlobAttemptTimeoutSeconds <= 0)
        {
            failures.Add("Cdppe:BlobAttemptTimeoutSeconds must be positive.");
        }

        if (options.BlobSettleSeconds < 0)
        {
            failures.Add("Cdppe:BlobSettleSeconds cannot be negative.");
        }

        if (options.MaxRowsPerSheet < 1)
        {
            failures.Add("Cdppe:MaxRowsPerSheet must be at least 1.");
        }

        foreach (var (keyName, key) in options.Keys)
        {
            if (string.IsNullOrEmpty(key.Key))
            {
                failures.Add($"Cdppe:Keys:{keyName}:Key is empty.");
            }

            if (!string.Equals(key.Role, ScopedKey.DepartementRole, StringComparison.OrdinalIgnoreCase) && !key.IsNational)
            {
                failures.Add($"Cdppe:Keys:{keyName}:Role must be Departement or National, not '{key.Role}'.");
            }

            if (key.IsNational)
            {
                continue;
            }

            if (!key.Codes.Any() || key.Codes.Any(code => !Departement.TryParse(code, out _)))
            {
                failures.Add($"Cdppe:Keys:{keyName}:Departements must list INSEE codes (e.g. 77 or 2A,2B), not '{key.Departements}'.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
