using System.Diagnostics;

namespace Cdppe.Tests.Portal;

/// <summary>
/// The portal's pinned npm packages (<c>tools/portal</c>: Chart.js, whose file the app serves from its vendor folder,
/// and axe-core, which the browser tests inject), installed once with <c>npm ci</c> from the lock file.
/// </summary>
public static class PortalTools
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static string Directory { get; } = FindDirectory();

    public static string AxeScript => Path.Combine(Directory, "node_modules", "axe-core", "axe.min.js");

    public static string ChartJs => Path.Combine(Directory, "node_modules", "chart.js", "dist", "chart.umd.min.js");

    public static async Task EnsureInstalledAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (File.Exists(AxeScript) && File.Exists(ChartJs))
            {
                return;
            }

            var npm = new ProcessStartInfo("npm") { WorkingDirectory = Directory, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { "ci", "--no-audit", "--no-fund", "--loglevel=error" })
            {
                npm.ArgumentList.Add(arg);
            }

            using var process = Process.Start(npm) ?? throw new InvalidOperationException("Could not start npm.");
            var errors = process.StandardError.ReadToEndAsync();
            await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"npm ci failed in {Directory}: {await errors}");
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>A path of the repository, from the test's folder up.</summary>
    public static string RepositoryPath(params string[] parts) => Path.Combine([Path.GetDirectoryName(Path.GetDirectoryName(Directory))!, .. parts]);

    private static string FindDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tools", "portal");
            if (File.Exists(Path.Combine(candidate, "package-lock.json")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("tools/portal was not found above the test folder.");
    }
}
