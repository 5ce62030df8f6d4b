namespace Cdppe.Tests.Support;

/// <summary>The repository the tests run from (found by walking up to the solution file), for files tests read as they are committed.</summary>
public static class Repository
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Cdppe.Functions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Repository root not found.");
    });

    public static string Root => RootPath.Value;
}
