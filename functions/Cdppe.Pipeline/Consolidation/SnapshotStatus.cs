namespace Cdppe.Pipeline.Consolidation;

/// <summary>Status of an indicator in a monthly snapshot (French words, as users read them).</summary>
public static class SnapshotStatus
{
    public const string Reached = "atteint";
    public const string OnTrack = "en bonne voie";
    public const string Late = "en retard";
    public const string Missing = "non renseigné";

    /// <summary>A value exists but the year has no target to compare it with.</summary>
    public const string NoTarget = "sans cible";
}
