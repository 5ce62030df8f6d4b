namespace Cdppe.Functions.Hosting;

public enum HostMode
{
    /// <summary>Driven by the Azure Functions host over HTTP on FUNCTIONS_CUSTOMHANDLER_PORT.</summary>
    CustomHandler,

    /// <summary>Runs the triggers itself (blob watcher, scheduler) against Azurite or an account.</summary>
    Standalone,
}

/// <summary>The app's own settings, section <c>Cdppe</c> (environment: <c>Cdppe__ApiKey</c>...).</summary>
public sealed class CdppeOptions
{
    public const string Section = "Cdppe";

    public HostMode Host { get; set; } = HostMode.Standalone;

    /// <summary>Where the standalone host listens.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:7071";

    /// <summary>Key for every département (header x-functions-key or query code); required on every route but health.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// Keys scoped to départements, by name (<c>Cdppe__Keys__dep77__Key</c>, <c>Cdppe__Keys__dep77__Departements=77</c>):
    /// such a key reads, writes and reports only its départements.
    /// </summary>
    public Dictionary<string, ScopedKey> Keys { get; set; } = [];

    public double BlobPollSeconds { get; set; } = 2;

    /// <summary>Failures after which a blob is poison (as the Functions blob trigger: 5).</summary>
    public int MaxBlobAttempts { get; set; } = 5;

    /// <summary>Start Azurite when the connection is UseDevelopmentStorage=true and nothing answers.</summary>
    public bool StartAzurite { get; set; } = true;

    /// <summary>Azurite's data folder; default <c>.azurite/</c> at the repository root.</summary>
    public string? AzuriteLocation { get; set; }

    public bool RunBlobWatcher { get; set; } = true;

    /// <summary>Rows read at most per sheet before a workbook is refused with a clear message.</summary>
    public int MaxRowsPerSheet { get; set; } = Pipeline.Ingestion.Xlsx.XlsxLimits.Default.MaxRowsPerSheet;

    public bool RunScheduler { get; set; } = true;
}

public sealed class ScopedKey
{
    public string Key { get; set; } = string.Empty;

    /// <summary>Comma-separated INSEE codes.</summary>
    public string Departements { get; set; } = string.Empty;

    public bool Allows(string departement) =>
        Departements.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Contains(departement, StringComparer.OrdinalIgnoreCase);
}
