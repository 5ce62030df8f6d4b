using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Campaigns;

/// <summary>
/// The package a transmission is putting together: the files the parts added so far, in order, and the files a part
/// could not give with the reason (listed in the manifest). A part sees the files of the parts registered before it
/// (the report as PDF is converted from the very .docx of the package).
/// </summary>
public sealed class PackageContents(Departement departement, int year)
{
    private readonly List<PackageFile> files = [];
    private readonly List<MissingPackageFile> missing = [];

    public Departement Departement { get; } = departement;

    public int Year { get; } = year;

    public IReadOnlyList<PackageFile> Files => files;

    public IReadOnlyList<MissingPackageFile> Missing => missing;

    /// <summary>Adds a file; a name already in the package is a programming error (names are unique in the zip).</summary>
    public void Add(PackageFile file)
    {
        if (Find(file.Name) is not null)
        {
            throw new InvalidOperationException($"The package already holds {file.Name}.");
        }

        files.Add(file);
    }

    /// <summary>Records that <paramref name="name"/> is not in the package, and why (French, shown to users).</summary>
    public void AddMissing(string name, string reason) => missing.Add(new MissingPackageFile(name, reason));

    public PackageFile? Find(string name) => files.Find(f => string.Equals(f.Name, name, StringComparison.Ordinal));
}
