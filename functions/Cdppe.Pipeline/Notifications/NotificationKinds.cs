namespace Cdppe.Pipeline.Notifications;

/// <summary>What a notification tells.</summary>
public static class NotificationKinds
{
    public const string FileRefused = "fichier-refuse";
    public const string PackageTransmitted = "paquet-transmis";
    public const string Review = "revue";
}
