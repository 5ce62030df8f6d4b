namespace Cdppe.Functions.Hosting;

/// <summary>
/// Tells whether the Azure Functions host started this process as its language worker. The host starts a worker
/// with the address of its gRPC endpoint and the worker's identity on the command line: <c>--functions-uri</c>,
/// <c>--functions-worker-id</c>, <c>--functions-request-id</c>, <c>--functions-grpc-max-message-length</c> (the
/// arguments the isolated worker reads), and, on hosts that still pass them, the older <c>--host</c>,
/// <c>--port</c>, <c>--workerId</c>, <c>--requestId</c>, <c>--grpcMaxMessageLength</c>. Any one of the worker
/// identity arguments is enough; nothing else (environment, files) is looked at, so a developer's settings never
/// turn <c>dotnet run</c> into a worker waiting for a host.
/// </summary>
public static class FunctionsHostArguments
{
    private static readonly string[] WorkerArguments =
    [
        "--functions-uri", "--functions-worker-id", "--functions-request-id", "--functions-grpc-max-message-length",
        "--workerId", "--requestId", "--grpcMaxMessageLength",
    ];

    public static bool StartedByFunctionsHost(IReadOnlyList<string> args) =>
        args.Any(arg => WorkerArguments.Any(name => arg.Equals(name, StringComparison.OrdinalIgnoreCase) || arg.StartsWith(name + "=", StringComparison.OrdinalIgnoreCase)));
}
