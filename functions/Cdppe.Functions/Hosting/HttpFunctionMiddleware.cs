using Microsoft.Azure.Functions.Worker.Middleware;

namespace Cdppe.Functions.Hosting;

/// <summary>The worker's side of <see cref="HttpFunctionPipeline"/>: runs inside the ASP.NET Core integration's own middleware.</summary>
public sealed class HttpFunctionMiddleware : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (context.GetHttpContext() is not { } http)
        {
            await next(context);
            return;
        }

        var function = FunctionCatalog.Get(context.FunctionDefinition.Name);
        var result = await HttpFunctionPipeline.RunAsync(function, http, hostCheckedKey: true, async () =>
        {
            await next(context);
            return context.GetInvocationResult().Value;
        });
        context.GetInvocationResult().Value = result;
    }
}
