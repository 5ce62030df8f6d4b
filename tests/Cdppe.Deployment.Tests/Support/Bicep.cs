using System.Reflection;

namespace Cdppe.Deployment.Tests.Support;

/// <summary>The bicep binary of the Azure.Bicep.CommandLine.linux-x64 package restored by this project.</summary>
public static class Bicep
{
    public static string Executable { get; } = typeof(Bicep).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BicepExecutable").Value
        ?? throw new InvalidOperationException("BicepExecutable is not set.");

    public static async Task<ProcessResult> RunAsync(params string[] arguments)
    {
        Assert.True(File.Exists(Executable), $"The bicep binary was not restored at {Executable}.");
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(Executable) & UnixFileMode.UserExecute) == 0)
        {
            // NuGet extracts packages without Unix modes on some machines.
            File.SetUnixFileMode(Executable, File.GetUnixFileMode(Executable) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }

        return await ProcessRunner.RunAsync(Executable, arguments, Repository.Root, TimeSpan.FromMinutes(2));
    }
}
