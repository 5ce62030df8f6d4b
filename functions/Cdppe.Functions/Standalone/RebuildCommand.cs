using Cdppe.Functions.Hosting;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Recovery;
using Cdppe.Pipeline.Storage;
using Microsoft.Extensions.Options;

namespace Cdppe.Functions.Standalone;

/// <summary>
/// <c>dotnet run --project functions/Cdppe.Functions -- rebuild [--departement 77]</c>: rebuilds the tables from the
/// archive into the configured storage (meant to be empty), then exits. See docs/operations.md.
/// </summary>
public static class RebuildCommand
{
    public const string Name = "rebuild";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Cdppe.Rebuild");
        var code = args.SkipWhile(a => a != "--departement").Skip(1).FirstOrDefault();
        Departement? only = null;
        if (code is not null)
        {
            if (!Departement.TryParse(code, out only))
            {
                logger.LogError("{Message}", Departement.InvalidMessage(code));
                return 2;
            }
        }

        var options = app.Services.GetRequiredService<IOptions<CdppeOptions>>().Value;
        await using var azurite = await LocalStorage.StartIfNeededAsync(app.Configuration, options, logger);
        var storage = app.Services.GetRequiredService<CdppeStorage>();
        await storage.EnsureCreatedAsync();
        var summary = await app.Services.GetRequiredService<ArchiveRebuilder>().RebuildAsync(only);
        logger.LogInformation(
            "Rebuild done: {Files} archived files replayed ({Accepted} accepted, {Rejected} rejected, {Duplicates} duplicates), {Consolidations} département(s) consolidated",
            summary.Files,
            summary.Accepted,
            summary.Rejected,
            summary.Duplicates,
            summary.Consolidations);
        return 0;
    }
}
