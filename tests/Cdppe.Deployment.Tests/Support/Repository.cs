namespace Cdppe.Deployment.Tests.Support;

/// <summary>Paths in the repository the tests run from (found by walking up to the solution file).</summary>
public static class Repository
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Cdppe.Functions.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Cdppe.Functions.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Root => RootPath.Value;

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);
}
