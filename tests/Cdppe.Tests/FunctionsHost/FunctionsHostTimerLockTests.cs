using System.Net;

namespace Cdppe.Tests.FunctionsHost;

/// <summary>
/// Two hosts of one app on one storage (two instances in Azure: same host id), the timer's schedule a setting of
/// every 2 seconds: the host's singleton lock on storage lets one instance run it. Both run with an Application
/// Insights connection string (to a closed local port): the app starts and works with one, as the suite's other
/// hosts show it does without.
/// </summary>
public sealed class FunctionsHostTimerLockTests(TwoHostsFixture fixture) : IClassFixture<TwoHostsFixture>
{
    [FunctionsHostFact]
    public async Task TheScheduledTimerRunsOnOneInstanceOnly()
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (fixture.Hosts.Sum(h => HostOutput.Occurrences(h.Output, HostOutput.TimerExecuted)) < 4 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500);
        }

        var runs = fixture.Hosts.Select(h => HostOutput.Occurrences(h.Output, HostOutput.TimerExecuted)).ToList();
        Assert.True(runs.Sum() >= 4, $"runs per host: {string.Join(", ", runs)}");
        Assert.Equal(1, runs.Count(r => r > 0));
    }

    [FunctionsHostFact]
    public async Task WithAnApplicationInsightsConnectionStringTheAppAnswers()
    {
        using var host = fixture.Hosts[1].Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/ingestions?departement=77", UriKind.Relative));
        request.Headers.Add("x-functions-key", FunctionsHostProcess.DefaultKey);

        var response = await host.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("[]", await response.Content.ReadAsStringAsync());
    }
}
