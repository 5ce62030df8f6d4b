using System.Net;
using System.Net.Sockets;

namespace Cdppe.Benchmarks;

/// <summary>What the host-starting benchmarks ask of the machine: a free port, a program on the PATH.</summary>
public static class LocalTools
{
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>The program's path in a folder of the PATH, or null.</summary>
    public static string? FindOnPath(string program) => (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(dir => Path.Combine(dir, program))
        .FirstOrDefault(File.Exists);
}
