namespace Cdppe.Pipeline.Reporting;

/// <summary>How many Word reports one instance renders at once (section <c>Cdppe:Reports</c>).</summary>
public sealed class ReportRenderOptions
{
    public const string Section = "Cdppe:Reports";

    /// <summary>
    /// Renderings (a template's download and compilation included) running at once. Each holds its template a few
    /// times over and the report it writes (the template is at most <see cref="Templating.DocxTemplate.MaxTemplateBytes"/>).
    /// </summary>
    public int MaxConcurrentRenders { get; set; } = 2;

    /// <summary>Requests waiting for a rendering slot; one more is answered 503 at once.</summary>
    public int MaxQueuedRenders { get; set; } = 8;

    /// <summary>The <c>Retry-After</c> of that 503, in seconds.</summary>
    public int RetryAfterSeconds { get; set; } = 30;

    public bool IsValid => MaxConcurrentRenders is >= 1 and <= 64 && MaxQueuedRenders is >= 0 and <= 1_000 && RetryAfterSeconds is >= 1 and <= 3_600;
}
