namespace Cdppe.Pipeline.Model;

/// <summary>Status of an indicator in a monthly snapshot.</summary>
public enum SnapshotStatus
{
    /// <summary>No value for the month.</summary>
    Missing,

    Reached,
    OnTrack,
    Late,

    /// <summary>A value exists but the year has no target to compare it with.</summary>
    NoTarget,
}
