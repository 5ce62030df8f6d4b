namespace Cdppe.Pipeline.Model;

/// <summary>The French words users read for each <see cref="SnapshotStatus"/> (stored, exported and printed as such).</summary>
public static class SnapshotStatuses
{
    private static readonly Dictionary<SnapshotStatus, string> Labels = new()
    {
        [SnapshotStatus.Missing] = "non renseigné",
        [SnapshotStatus.Reached] = "atteint",
        [SnapshotStatus.OnTrack] = "en bonne voie",
        [SnapshotStatus.Late] = "en retard",
        [SnapshotStatus.NoTarget] = "sans cible",
    };

    private static readonly Dictionary<string, SnapshotStatus> ByLabel = Labels.ToDictionary(l => l.Value, l => l.Key, StringComparer.Ordinal);

    public static string Label(this SnapshotStatus status) => Labels[status];

    /// <summary>The status of a stored label; an unknown label reads as <see cref="SnapshotStatus.Missing"/>.</summary>
    public static SnapshotStatus Parse(string? label) => label is not null && ByLabel.TryGetValue(label, out var status) ? status : SnapshotStatus.Missing;
}
