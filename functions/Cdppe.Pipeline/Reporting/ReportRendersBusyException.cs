namespace Cdppe.Pipeline.Reporting;

/// <summary>Every rendering slot of the instance is taken and the queue is full: the request is refused at once (503).</summary>
public sealed class ReportRendersBusyException : Exception
{
    public ReportRendersBusyException()
        : this(new ReportRenderOptions())
    {
    }

    public ReportRendersBusyException(string message)
        : base(message)
    {
        RetryAfterSeconds = new ReportRenderOptions().RetryAfterSeconds;
    }

    public ReportRendersBusyException(string message, Exception innerException)
        : base(message, innerException)
    {
        RetryAfterSeconds = new ReportRenderOptions().RetryAfterSeconds;
    }

    public ReportRendersBusyException(ReportRenderOptions options)
        : base(Describe(options))
    {
        RetryAfterSeconds = options.RetryAfterSeconds;
    }

    /// <summary>Seconds after which to try again (the <c>Retry-After</c> header).</summary>
    public int RetryAfterSeconds { get; }

    private static string Describe(ReportRenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return $"Trop de rapports sont en cours de production sur ce serveur ({options.MaxConcurrentRenders} à la fois et {options.MaxQueuedRenders} en attente au plus) : votre demande n'a pas été traitée, réessayez dans {options.RetryAfterSeconds} secondes.";
    }
}
