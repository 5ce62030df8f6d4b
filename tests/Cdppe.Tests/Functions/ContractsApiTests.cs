using System.Net;
using System.Text.Json;
using Cdppe.Samples;
using Cdppe.Tests.Support;

namespace Cdppe.Tests.Functions;

[Collection(AzuriteCollection.Name)]
public sealed class ContractsApiTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task ContractsAreListedWithTheirPeriodsAndThePlansTheyCameFrom()
    {
        await using var app = await RunningApp.StartAsync(azurite);
        app.Client.DefaultRequestHeaders.Add("x-functions-key", "test-key");
        var dep = TestDepartements.Next();
        var services = new Services(app.Storage);
        var plan = await services.DropAndIngestAsync(dep.Code, "plan-action-2020-2022.xlsx", SampleWorkbooks.PlanAction());
        var annexe = await services.DropAndIngestAsync(dep.Code, "annexe-2-1-2023-2024.xlsx", SampleWorkbooks.Annexe21SeedLayout());

        var response = await app.Client.GetAsync(new Uri($"/api/contrats?departement={dep.Code}", UriKind.Relative));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var contracts = json.RootElement.EnumerateArray().ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            ["Contrat 2020-2022 contrat 2020 2022", "Avenant 2023-2024 avenant 2023 2024"],
            contracts.Select(c => $"{c.GetProperty("name").GetString()} {c.GetProperty("shape").GetString()} {c.GetProperty("firstYear").GetInt32()} {c.GetProperty("lastYear").GetInt32()}"));
        var origin = contracts[1].GetProperty("plans").EnumerateArray().Single();
        Assert.Equal((annexe.IngestionId, "annexe-2-1-2023-2024.xlsx"), (origin.GetProperty("ingestionId").GetString(), origin.GetProperty("fileName").GetString()));
        Assert.Equal(plan.IngestionId, contracts[0].GetProperty("plans")[0].GetProperty("ingestionId").GetString());

        // The ingestion record says which period the workbook was attached to.
        using var records = JsonDocument.Parse(await app.Client.GetStringAsync(new Uri($"/api/ingestions?departement={dep.Code}", UriKind.Relative)));
        Assert.Contains(records.RootElement.EnumerateArray(), r => r.GetProperty("id").GetString() == annexe.IngestionId && r.GetProperty("contract").GetString() == "Avenant 2023-2024");
    }

    [Fact]
    public async Task ContractsNeedTheKeyAndADepartement()
    {
        await using var app = await RunningApp.StartAsync(azurite);

        var anonymous = await app.Client.GetAsync(new Uri("/api/contrats?departement=77", UriKind.Relative));
        app.Client.DefaultRequestHeaders.Add("x-functions-key", "test-key");
        var without = await app.Client.GetAsync(new Uri("/api/contrats", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, without.StatusCode);
    }
}
