using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Campaigns;

/// <summary>
/// One part of the package a transmission freezes: the files it adds, rendered at the moment of the transmission
/// (none when it has nothing for the year). Registering one more implementation
/// (<c>services.AddSingleton&lt;IPackagePart, …&gt;()</c>) adds its files to every later package, each listed in the
/// manifest with its SHA-256.
/// </summary>
public interface IPackagePart
{
    Task<IReadOnlyList<PackageFile>> FilesAsync(Departement departement, int year, CancellationToken cancellationToken);
}
