namespace Cdppe.Pipeline.Reporting.Exports;

/// <summary>
/// How the report is converted to PDF (section <c>Cdppe:Pdf</c>): by a Gotenberg service when <see cref="GotenbergUrl"/>
/// is set (Azure, where the Functions plan cannot run LibreOffice), else by <c>soffice --headless</c> when it is
/// installed (standalone); at most <see cref="MaxConcurrentConversions"/> at once, <see cref="MaxQueuedConversions"/>
/// waiting, each stopped after <see cref="TimeoutSeconds"/>.
/// </summary>
public sealed class PdfConversionOptions
{
    public const string Section = "Cdppe:Pdf";

    /// <summary>Base URL of a Gotenberg service (<c>http://cdppe-pdf</c>); it takes precedence over LibreOffice.</summary>
    public string? GotenbergUrl { get; set; }

    /// <summary>Path of <c>soffice</c>; empty: looked up on the PATH.</summary>
    public string? SofficePath { get; set; }

    /// <summary>A conversion (its wait in the queue excluded) is stopped after this many seconds.</summary>
    public int TimeoutSeconds { get; set; } = 120;

    /// <summary>Conversions running at once (each is a LibreOffice process or a request to the service).</summary>
    public int MaxConcurrentConversions { get; set; } = 1;

    /// <summary>Conversions waiting for a slot; one more is refused at once (503).</summary>
    public int MaxQueuedConversions { get; set; } = 4;

    /// <summary>The <c>Retry-After</c> of that 503, in seconds.</summary>
    public int RetryAfterSeconds { get; set; } = 60;

    public bool IsValid => TimeoutSeconds is >= 1 and <= 3_600 && MaxConcurrentConversions is >= 1 and <= 16 && MaxQueuedConversions is >= 0 and <= 1_000 && RetryAfterSeconds is >= 1 and <= 3_600
        && (string.IsNullOrEmpty(GotenbergUrl) || Uri.TryCreate(GotenbergUrl, UriKind.Absolute, out _));
}
