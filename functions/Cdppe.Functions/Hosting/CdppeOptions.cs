using Cdppe.Pipeline.Model;

namespace Cdppe.Functions.Hosting;

/// <summary>
/// The app's own settings, section <c>Cdppe</c> (environment: <c>Cdppe__ApiKey</c>...; <c>local.settings.json</c>:
/// <c>Values.Cdppe__ApiKey</c>). Bound once, checked when the host starts (<see cref="CdppeOptionsValidator"/>).
/// </summary>
public sealed class CdppeOptions
{
    public const string Section = "Cdppe";

    /// <summary>Where the standalone host listens (<c>;</c>-separated URLs); the Functions host chooses for the worker.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:7071";

    /// <summary>Key for every département (header x-functions-key or query code); required on every route but health.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// Named keys, by name (<c>Cdppe__Keys__dep77__Key</c>, <c>Cdppe__Keys__dep77__Departements=77</c>): with the role
    /// <c>Departement</c> (the default) such a key reads, writes, reports and transmits only its départements; with
    /// <c>Cdppe__Keys__{name}__Role=National</c> it reads every département and reviews, never drops nor transmits.
    /// </summary>
    public Dictionary<string, ScopedKey> Keys { get; set; } = [];

    public double BlobPollSeconds { get; set; } = 2;

    /// <summary>Failed attempts after which a blob is poison (as the Functions blob trigger: 5).</summary>
    public int MaxBlobAttempts { get; set; } = 5;

    /// <summary>
    /// Longest an ingestion attempt may take in the standalone host; past it the blob is poison, not retried (and an
    /// attempt that another process left unfinished for that long is taken as a crash).
    /// </summary>
    public double BlobAttemptTimeoutSeconds { get; set; } = 600;

    /// <summary>
    /// How far before the newest blob the watcher keeps looking at blobs it has seen (writes still in flight when
    /// the container was listed); older settled blobs cost the poll nothing.
    /// </summary>
    public double BlobSettleSeconds { get; set; } = 300;

    /// <summary>Start Azurite when the connection is UseDevelopmentStorage=true and nothing answers.</summary>
    public bool StartAzurite { get; set; } = true;

    /// <summary>Azurite's data folder; default <c>.azurite/</c> at the repository root.</summary>
    public string? AzuriteLocation { get; set; }

    public bool RunBlobWatcher { get; set; } = true;

    /// <summary>Rows read at most per sheet before a workbook is refused with a clear message.</summary>
    public int MaxRowsPerSheet { get; set; } = Pipeline.Ingestion.Spreadsheets.SpreadsheetLimits.Default.MaxRowsPerSheet;

    public bool RunScheduler { get; set; } = true;

    /// <summary>Who acts with the all-départements key: the app's operator.</summary>
    public static Actor OperatorActor { get; } = new("Opérateur (clé globale)", "cle:*", ActorRole.Operator);

    /// <summary>True when at least one app key is set: the app then checks every key itself.</summary>
    public bool HasAppKeys => !string.IsNullOrEmpty(ApiKey) || Keys.Count > 0;
}
