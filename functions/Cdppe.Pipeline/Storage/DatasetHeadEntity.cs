namespace Cdppe.Pipeline.Storage;

/// <summary>The dataset pointers of a département, in table Ingestions (see <see cref="DatasetHead"/>).</summary>
public sealed class DatasetHeadEntity : EntityBase
{
    /// <summary>JSON <c>{ "plan-action": "{ingestion id}", "rapport-financier|2022": "…" }</c>, keys in order.</summary>
    public string Pointers { get; set; } = "{}";

    /// <summary>When the last ingestion that moved a pointer was received.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}
