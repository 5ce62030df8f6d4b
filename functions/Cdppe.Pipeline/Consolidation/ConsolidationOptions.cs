namespace Cdppe.Pipeline.Consolidation;

/// <summary>How runs over several départements share the storage (section <c>Cdppe:Consolidation</c>).</summary>
public sealed class ConsolidationOptions
{
    public const string Section = "Cdppe:Consolidation";

    /// <summary>
    /// Départements consolidated at once by a run over several (the timer, a national year). Each is its own
    /// partition, so they do not compete for one partition's throughput; the account's does the bounding.
    /// </summary>
    public int MaxParallelDepartements { get; set; } = 4;

    public bool IsValid => MaxParallelDepartements is >= 1 and <= 64;
}
