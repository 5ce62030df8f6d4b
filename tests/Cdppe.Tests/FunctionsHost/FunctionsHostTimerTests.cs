using System.Net;
using System.Text;

namespace Cdppe.Tests.FunctionsHost;

/// <summary>The consolidation timer started by the host's admin route, as an operator (or Azure's portal) does.</summary>
[Collection(FunctionsHostCollection.Name)]
public sealed class FunctionsHostTimerTests(FunctionsHostFixture fixture)
{
    [FunctionsHostFact]
    public async Task TheAdminRouteRunsTheTimerWithTheMasterKeyOnlyAndTheWebhookNeedsAKey()
    {
        using var host = fixture.Host.Client();
        var before = HostOutput.Occurrences(fixture.Host.Output, HostOutput.TimerExecuted);

        var withoutKey = await RunAsync(host, string.Empty);
        var withFunctionKey = await RunAsync(host, FunctionsHostProcess.DefaultKey);
        var webhookWithoutKey = await host.PostAsync(new Uri("/runtime/webhooks/blobs?functionName=Host.Functions.IngestWorkbook", UriKind.Relative), new StringContent("[]", Encoding.UTF8, "application/json"));
        var withMasterKey = await RunAsync(host, FunctionsHostProcess.MasterKey);
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (HostOutput.Occurrences(fixture.Host.Output, HostOutput.TimerExecuted) == before && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, withoutKey);
        Assert.Equal(HttpStatusCode.Forbidden, withFunctionKey);
        Assert.Equal(HttpStatusCode.Unauthorized, webhookWithoutKey.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, withMasterKey);
        Assert.Equal(before + 1, HostOutput.Occurrences(fixture.Host.Output, HostOutput.TimerExecuted));
    }

    public static async Task<HttpStatusCode> RunAsync(HttpClient host, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/admin/functions/ConsolidateMonthly", UriKind.Relative))
        {
            Content = new StringContent("""{"input":""}""", Encoding.UTF8, "application/json"),
        };
        if (key.Length > 0)
        {
            request.Headers.Add("x-functions-key", key);
        }

        using var response = await host.SendAsync(request);
        return response.StatusCode;
    }
}
