namespace Cdppe.Pipeline.Campaigns;

/// <summary>
/// One part of the package a transmission freezes: it adds its files to the package, rendered at the moment of the
/// transmission (none when it has nothing for the year), or records one it should give and cannot, with the reason.
/// Registering one more implementation (<c>services.AddSingleton&lt;IPackagePart, …&gt;()</c>) adds its files to every
/// later package, each listed in the manifest with its SHA-256; parts run in the order they are registered.
/// </summary>
public interface IPackagePart
{
    Task AddToAsync(PackageContents package, CancellationToken cancellationToken);
}
