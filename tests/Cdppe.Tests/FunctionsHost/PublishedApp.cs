using System.Diagnostics;
using System.Reflection;
using Cdppe.Tests.Support;

namespace Cdppe.Tests.FunctionsHost;

/// <summary>
/// The app as Azure receives it: <c>dotnet publish</c> of the Functions project into a temporary folder, once per
/// test run (every host of the suite runs this one copy). The build the tests run against is reused
/// (<c>--no-build</c>, same configuration); the folder is deleted when the run ends.
/// </summary>
public static class PublishedApp
{
    private static readonly Lazy<Task<string>> Folder = new(PublishAsync);

    /// <summary>How long the publish took (zero before it ran).</summary>
    public static TimeSpan PublishTime { get; private set; }

    public static Task<string> FolderAsync() => Folder.Value;

    private static async Task<string> PublishAsync()
    {
        var output = Path.Combine(Path.GetTempPath(), "cdppe-functions-host-app-" + Guid.NewGuid().ToString("N"));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteQuietly(output);
        var configuration = typeof(PublishedApp).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var project = Path.Combine(Repository.Root, "functions", "Cdppe.Functions", "Cdppe.Functions.csproj");
        var clock = Stopwatch.StartNew();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Repository.Root,
        };
        foreach (var argument in new[] { "publish", project, "-c", configuration, "--no-build", "-o", output, "-v", "q", "-nologo" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet publish did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0 || !File.Exists(Path.Combine(output, "functions.metadata")))
        {
            throw new InvalidOperationException($"dotnet publish failed (exit code {process.ExitCode}):\n{await stdout}\n{await stderr}");
        }

        PublishTime = clock.Elapsed;
        return output;
    }

    private static void DeleteQuietly(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // A host still closing: the temporary folder is the system's to clean.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
