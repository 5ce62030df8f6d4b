namespace Cdppe.Functions.Portal;

/// <summary>The portal's settings, section <c>Cdppe:Portal</c> (environment: <c>Cdppe__Portal__PlatformAuthentication</c>).</summary>
public sealed class PortalOptions
{
    public const string Section = "Cdppe:Portal";

    /// <summary>
    /// True when App Service Authentication (Microsoft Entra ID) signs people in, as the Bicep configures it in
    /// Azure: the app then reads the <c>X-MS-CLIENT-PRINCIPAL</c> header the platform sets. False (the default,
    /// and the standalone host): that header is ignored, whoever sends it, and people sign in with a key.
    /// </summary>
    public bool PlatformAuthentication { get; set; }

    /// <summary>Where the platform signs people in.</summary>
    public string SignInPath { get; set; } = "/.auth/login/aad";

    /// <summary>How long a key session lasts at most from its sign-in (checked by the server at every request).</summary>
    public double SessionHours { get; set; } = 8;

    /// <summary>Wrong keys from one client address before its sign-ins are refused (429) for <see cref="SignInLockMinutes"/>.</summary>
    public int MaxFailedSignIns { get; set; } = 5;

    /// <summary>The window in which wrong keys are counted, and how long the lock lasts.</summary>
    public double SignInLockMinutes { get; set; } = 15;
}
