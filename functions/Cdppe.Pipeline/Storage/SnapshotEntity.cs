using System.Runtime.Serialization;
using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Storage;

public sealed class SnapshotEntity : EntityBase
{
    public string Month { get; set; } = string.Empty;

    public string Code { get; set; } = string.Empty;

    public string Label { get; set; } = string.Empty;

    public double? Value { get; set; }

    public bool IsPercent { get; set; }

    public string? Text { get; set; }

    public double? Target { get; set; }

    /// <summary>The target when it is a milestone ("signature du protocole").</summary>
    public string? TargetText { get; set; }

    /// <summary>The stored French label of <see cref="State"/> ("atteint", "en retard"…), as the API and exports print it.</summary>
    public string Status { get; set; } = string.Empty;

    [IgnoreDataMember]
    public SnapshotStatus State
    {
        get => SnapshotStatuses.Parse(Status);
        set => Status = value.Label();
    }

    public bool Reliable { get; set; }

    public string? SourceIngestion { get; set; }

    public int Revision { get; set; }

    public string ContentHash { get; set; } = string.Empty;
}
