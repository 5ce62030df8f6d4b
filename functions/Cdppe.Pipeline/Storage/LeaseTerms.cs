namespace Cdppe.Pipeline.Storage;

/// <summary>How long a lease lasts (15 to 60 s: the blob service's range), and how long to wait for it.</summary>
public sealed record LeaseTerms(TimeSpan Duration, TimeSpan Wait)
{
    public static TimeSpan RetryDelay { get; } = TimeSpan.FromMilliseconds(200);

    public bool IsValid => Duration >= TimeSpan.FromSeconds(15) && Duration <= TimeSpan.FromSeconds(60) && Wait >= TimeSpan.Zero;
}
