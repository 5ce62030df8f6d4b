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

    /// <summary>Key required on every route but health (header x-functions-key or query code).</summary>
    public string? ApiKey { get; set; }

    public double BlobPollSeconds { get; set; } = 2;

    /// <summary>Failures after which a blob is poison (as the Functions blob trigger: 5).</summary>
    public int MaxBlobAttempts { get; set; } = 5;

    /// <summary>Start Azurite when the connection is UseDevelopmentStorage=true and nothing answers.</summary>
    public bool StartAzurite { get; set; } = true;

    /// <summary>Azurite's data folder; default <c>.azurite/</c> at the repository root.</summary>
    public string? AzuriteLocation { get; set; }

    public bool RunBlobWatcher { get; set; } = true;

    public bool RunScheduler { get; set; } = true;
}
