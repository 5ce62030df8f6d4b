namespace Cdppe.Pipeline.Storage;

/// <summary>The leases of a département's work (see <see cref="DepartementLock"/>).</summary>
public sealed class LeaseOptions
{
    /// <summary>The data lock: held by an ingestion while it reads the dataset pointers and commits (a second or so).</summary>
    public LeaseTerms Data { get; set; } = new(TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(60));

    /// <summary>The consolidation lock: held for a whole run; a crashed run's lease expires after its duration.</summary>
    public LeaseTerms Consolidation { get; set; } = new(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(30));
}
