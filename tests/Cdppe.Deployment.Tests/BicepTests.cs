using System.Text.Json.Nodes;
using Cdppe.Deployment.Tests.Support;
using Cdppe.Functions.Hosting;
using Cdppe.Pipeline.Storage;

namespace Cdppe.Deployment.Tests;

/// <summary>Compiles and lints infra/ once with the pinned bicep binary.</summary>
public sealed class CompiledInfrastructure : IAsyncLifetime
{
    public ProcessResult Build { get; private set; } = null!;

    public ProcessResult Lint { get; private set; } = null!;

    public ProcessResult NationalParameters { get; private set; } = null!;

    public ProcessResult NationalLint { get; private set; } = null!;

    public ArmTemplate Template => ArmTemplate.Parse(Build.Output);

    public async Task InitializeAsync()
    {
        var main = Repository.Path("infra", "main.bicep");
        var national = Repository.Path("infra", "national.bicepparam");
        var results = await Task.WhenAll(
            Bicep.RunAsync("build", main, "--stdout"),
            Bicep.RunAsync("lint", main),
            Bicep.RunAsync("build-params", national, "--stdout"),
            Bicep.RunAsync("lint", national));
        (Build, Lint, NationalParameters, NationalLint) = (results[0], results[1], results[2], results[3]);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

public sealed class BicepTests(CompiledInfrastructure infra) : IClassFixture<CompiledInfrastructure>
{
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";

    [Fact]
    public void MainTemplateBuildsWithoutErrorsOrWarnings()
    {
        Assert.True(infra.Build.ExitCode == 0, infra.Build.Describe());
        Assert.True(string.IsNullOrWhiteSpace(infra.Build.Error), "bicep build reported diagnostics:\n" + infra.Build.Error);
    }

    [Fact]
    public void MainTemplateAndModulesPassTheLinterWithoutWarnings()
    {
        Assert.True(infra.Lint.ExitCode == 0, infra.Lint.Describe());
        Assert.True(string.IsNullOrWhiteSpace(infra.Lint.Output + infra.Lint.Error), "bicep lint reported diagnostics:\n" + infra.Lint.Output + infra.Lint.Error);
    }

    [Fact]
    public void NationalParametersBuildAndCoverTheHundredAndOneDepartements()
    {
        Assert.True(infra.NationalParameters.ExitCode == 0 && string.IsNullOrWhiteSpace(infra.NationalParameters.Error), infra.NationalParameters.Describe());
        Assert.True(infra.NationalLint.ExitCode == 0 && string.IsNullOrWhiteSpace(infra.NationalLint.Output + infra.NationalLint.Error), infra.NationalLint.Describe());
        var parameters = JsonNode.Parse(JsonNode.Parse(infra.NationalParameters.Output)!["parametersJson"]!.GetValue<string>())!["parameters"]!;
        var codes = parameters["departements"]!["value"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        Assert.Equal(101, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains("2A", codes);
        Assert.Contains("976", codes);
        Assert.DoesNotContain("20", codes);
    }

    [Fact]
    public void AzdParametersFileAndHooksMatchTheTemplateAndTheScripts()
    {
        var declared = infra.Template.Root["parameters"]!.AsObject().Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var parameters = JsonNode.Parse(File.ReadAllText(Repository.Path("infra", "main.parameters.json")))!["parameters"]!.AsObject();
        Assert.All(parameters.Select(p => p.Key), name => Assert.True(declared.Contains(name), $"main.parameters.json sets {name}, which main.bicep does not declare."));

        var azureYaml = File.ReadAllText(Repository.Path("azure.yaml"));
        var scripts = System.Text.RegularExpressions.Regex.Matches(azureYaml, @"scripts/[\w-]+\.sh").Select(m => m.Value).Distinct().ToList();
        Assert.Equal(["scripts/subscribe-blob-events.sh"], scripts);
        Assert.All(scripts, script => Assert.True(File.Exists(Repository.Path(script.Split('/'))), $"azure.yaml runs {script}, which does not exist."));

        // azd builds and deploys a .NET Functions app itself (dotnet publish of the project), as for any isolated worker.
        var service = System.Text.RegularExpressions.Regex.Match(azureYaml, @"(?ms)^services:\s*\n\s+functions:\s*\n(?<body>(?:\s{4,}.*\n)+)").Groups["body"].Value;
        Assert.Matches(@"(?m)^\s+project: \./functions/Cdppe\.Functions\s*$", service);
        Assert.Matches(@"(?m)^\s+language: dotnet\s*$", service);
        Assert.Matches(@"(?m)^\s+host: function\s*$", service);
        Assert.DoesNotContain("dist:", service, StringComparison.Ordinal);
        Assert.True(File.Exists(Repository.Path("functions", "Cdppe.Functions", "Cdppe.Functions.csproj")));
    }

    [Fact]
    public void TemplateCreatesTheContainersAndTablesOfTheStorageContract()
    {
        var template = infra.Template;

        Assert.Equal(ContainerNames.All.Order(StringComparer.Ordinal), template.StringArrayVariable("containerNames").Order(StringComparer.Ordinal));
        Assert.Equal(TableNames.All.Order(StringComparer.Ordinal), template.StringArrayVariable("tableNames").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void StorageAccountAcceptsOnlyEntraIdOverTls12AndKeepsEveryVersion()
    {
        var storage = infra.Template.Module("storage");
        var account = storage.One("Microsoft.Storage/storageAccounts")["properties"]!;
        Assert.False(account["allowSharedKeyAccess"]!.GetValue<bool>());
        Assert.False(account["allowBlobPublicAccess"]!.GetValue<bool>());
        Assert.True(account["supportsHttpsTrafficOnly"]!.GetValue<bool>());
        Assert.Equal("TLS1_2", account["minimumTlsVersion"]!.GetValue<string>());

        var blobService = storage.One("Microsoft.Storage/storageAccounts/blobServices")["properties"]!;
        Assert.True(blobService["isVersioningEnabled"]!.GetValue<bool>());
        Assert.True(blobService["deleteRetentionPolicy"]!["enabled"]!.GetValue<bool>());
        Assert.True(blobService["containerDeleteRetentionPolicy"]!["enabled"]!.GetValue<bool>());

        var retention = Assert.Single(storage.OfType("Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies"), p => ((string?)p["name"])!.Contains("archiveContainerName", StringComparison.Ordinal));
        Assert.Equal("[parameters('archiveRetentionDays')]", retention["properties"]!["immutabilityPeriodSinceCreationInDays"]!.GetValue<string>());
        Assert.Equal("archive", storage.Variable("archiveContainerName").GetValue<string>());
    }

    [Fact]
    public void TransmittedPackagesAreImmutableForTenYearsAndTheAccountIsLockedWithItsTableWritesLogged()
    {
        var template = infra.Template;
        var storage = template.Module("storage");
        var passed = template.Resources().Single(r => (string?)r["name"] == "storage")["properties"]!["parameters"]!;

        // packages: versioned, soft-deleted (the blob service's policies above hold for every container), and WORM.
        Assert.Equal("packages", storage.Variable("packagesContainerName").GetValue<string>());
        Assert.Contains(ContainerNames.Packages, template.StringArrayVariable("containerNames"));
        var policies = storage.OfType("Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies");
        Assert.Equal(2, policies.Count);
        var packages = Assert.Single(policies, p => ((string?)p["name"])!.Contains("packagesContainerName", StringComparison.Ordinal));
        Assert.Equal("[parameters('packagesRetentionDays')]", packages["properties"]!["immutabilityPeriodSinceCreationInDays"]!.GetValue<string>());
        Assert.False(packages["properties"]!["allowProtectedAppendWrites"]!.GetValue<bool>());
        Assert.Equal("[parameters('packagesRetentionDays')]", passed["packagesRetentionDays"]!["value"]!.GetValue<string>());
        Assert.Equal(3650, template.Root["parameters"]!["packagesRetentionDays"]!["defaultValue"]!.GetValue<int>());
        Assert.Contains(storage.OfType("Microsoft.Storage/storageAccounts/blobServices/containers"), c => ((string?)c["name"])!.Contains("packagesContainerName", StringComparison.Ordinal));

        // The account (raw workbooks, packages, journal) cannot be deleted while locked; locked by default.
        var accountLock = storage.One("Microsoft.Authorization/locks");
        Assert.Equal("CanNotDelete", accountLock["properties"]!["level"]!.GetValue<string>());
        Assert.Contains("Microsoft.Storage/storageAccounts'", (string?)accountLock["scope"], StringComparison.Ordinal);
        Assert.True(template.Root["parameters"]!["lockStorageAccount"]!["defaultValue"]!.GetValue<bool>());

        // Every write and delete on the tables (Journal included) goes to the Log Analytics workspace.
        var audit = storage.One("Microsoft.Insights/diagnosticSettings");
        Assert.Contains("Microsoft.Storage/storageAccounts/tableServices'", (string?)audit["scope"], StringComparison.Ordinal);
        Assert.Equal(["StorageDelete", "StorageWrite"], audit["properties"]!["logs"]!.AsArray().Where(l => l!["enabled"]!.GetValue<bool>()).Select(l => l!["category"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Equal("[parameters('auditWorkspaceId')]", audit["properties"]!["workspaceId"]!.GetValue<string>());
        Assert.Equal("[resourceId('Microsoft.OperationalInsights/workspaces', variables('logAnalyticsName'))]", passed["auditWorkspaceId"]!["value"]!.GetValue<string>());
        Assert.Equal("[variables('logAnalyticsName')]", template.Resources().Single(r => (string?)r["name"] == "monitoring")["properties"]!["parameters"]!["logAnalyticsName"]!["value"]!.GetValue<string>());
        Assert.Contains("Journal", template.StringArrayVariable("tableNames"));
    }

    [Fact]
    public void FunctionAppRunsTheIsolatedWorkerOnFlexConsumptionWithAnIdentityBasedConnection()
    {
        var module = infra.Template.Module("function-app");
        var plan = module.One("Microsoft.Web/serverfarms");
        Assert.Equal("FC1", plan["sku"]!["name"]!.GetValue<string>());
        Assert.Equal("FlexConsumption", plan["sku"]!["tier"]!.GetValue<string>());

        var site = module.One("Microsoft.Web/sites");
        Assert.Equal("SystemAssigned", site["identity"]!["type"]!.GetValue<string>());
        var properties = site["properties"]!;
        Assert.True(properties["httpsOnly"]!.GetValue<bool>());
        Assert.Equal("dotnet-isolated", properties["functionAppConfig"]!["runtime"]!["name"]!.GetValue<string>());
        Assert.Equal("10.0", properties["functionAppConfig"]!["runtime"]!["version"]!.GetValue<string>());
        Assert.Equal("SystemAssignedIdentity", properties["functionAppConfig"]!["deployment"]!["storage"]!["authentication"]!["type"]!.GetValue<string>());

        var settings = module.One("Microsoft.Web/sites/config")["properties"]!.AsObject();
        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]!.GetValue<string>());
        Assert.Contains("AzureWebJobsStorage__accountName", settings.Select(p => p.Key));
        Assert.Contains("AzureWebJobsStorage__blobServiceUri", settings.Select(p => p.Key));
        Assert.Contains("AzureWebJobsStorage__tableServiceUri", settings.Select(p => p.Key));
        Assert.Contains("CONSOLIDATION_SCHEDULE", settings.Select(p => p.Key));
        Assert.DoesNotContain("AzureWebJobsStorage", settings.Select(p => p.Key));
        Assert.DoesNotContain(settings, p => p.Value?.ToJsonString().Contains("AccountKey", StringComparison.OrdinalIgnoreCase) == true);
    }

    [Fact]
    public void ThePdfConverterIsGotenbergInAnInternalEnvironmentWhoseUrlIsAnAppSetting()
    {
        var module = infra.Template.Module("pdf-converter");
        var environment = module.One("Microsoft.App/managedEnvironments")["properties"]!;
        Assert.True(environment["vnetConfiguration"]!["internal"]!.GetValue<bool>());
        var app = module.One("Microsoft.App/containerApps")["properties"]!;
        Assert.StartsWith("gotenberg/gotenberg:8.", module.Root["parameters"]!["image"]!["defaultValue"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(3000, app["configuration"]!["ingress"]!["targetPort"]!.GetValue<int>());

        var settings = infra.Template.Module("function-app").One("Microsoft.Web/sites/config")["properties"]!.AsObject();
        Assert.Contains("Cdppe__Pdf__GotenbergUrl", settings.Select(p => p.Key));
        Assert.Contains("deployPdfConverter", infra.Template.Root["parameters"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void EverySettingTheBindingsReferenceIsSetByTheInfrastructure()
    {
        var settings = infra.Template.Module("function-app").One("Microsoft.Web/sites/config")["properties"]!.AsObject().Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var timer = Assert.Single(FunctionCatalog.All, f => f.Timer is not null).Timer!;
        var blob = Assert.Single(FunctionCatalog.All, f => f.Blob is not null).Blob!;

        Assert.Matches("^%[A-Z_]+%$", timer.Schedule);
        Assert.True(settings.Contains(timer.Schedule.Trim('%')), $"The timer reads the app setting {timer.Schedule}, which the infrastructure does not set.");
        // Identity-based connection: {name}__accountName (or __serviceUri), never a connection string.
        Assert.True(settings.Contains(blob.Connection + "__accountName"), $"The blob trigger uses the connection {blob.Connection}, which the infrastructure does not define as identity-based.");
        Assert.Equal(ContainerNames.Uploads, blob.BlobPath.Split('/')[0]);
    }

    [Fact]
    public void AppIdentityGetsExactlyTheThreeStorageDataRolesNamedByScopePrincipalAndRole()
    {
        var roles = infra.Template.Module("app-roles");
        var storageRoles = roles.Variable("storageRoles").AsObject().Select(p => p.Value!.GetValue<string>()).Order(StringComparer.Ordinal);
        Assert.Equal(new[] { StorageBlobDataOwner, StorageTableDataContributor, StorageQueueDataContributor }.Order(StringComparer.Ordinal), storageRoles);

        var assignments = roles.OfType("Microsoft.Authorization/roleAssignments");
        Assert.All(assignments, a =>
        {
            var name = (string)a["name"]!;
            Assert.StartsWith("[guid(resourceId(", name, StringComparison.Ordinal);
            Assert.Contains("parameters('principalId')", name, StringComparison.Ordinal);
            Assert.Equal("ServicePrincipal", a["properties"]!["principalType"]!.GetValue<string>());
        });
        var storageAssignment = assignments.Single(a => ((string)a["name"]!).Contains("Microsoft.Storage/storageAccounts", StringComparison.Ordinal));
        Assert.Contains("Microsoft.Storage/storageAccounts", (string)storageAssignment["scope"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void EventGridSubscriptionPostsCreatedUploadsToTheBlobsExtensionOfIngestWorkbook()
    {
        var template = infra.Template;
        var topic = template.Module("event-grid-topic").One("Microsoft.EventGrid/systemTopics");
        Assert.Equal("Microsoft.Storage.StorageAccounts", topic["properties"]!["topicType"]!.GetValue<string>());

        var events = template.Module("blob-events");
        var subscription = events.One("Microsoft.EventGrid/systemTopics/eventSubscriptions")["properties"]!;
        var endpoint = subscription["destination"]!["properties"]!["endpointUrl"]!.GetValue<string>();
        Assert.Equal("WebHook", subscription["destination"]!["endpointType"]!.GetValue<string>());
        Assert.Contains("/runtime/webhooks/blobs?functionName=Host.Functions.{1}&code={2}", endpoint, StringComparison.Ordinal);
        Assert.Contains("systemKeys.blobs_extension", endpoint, StringComparison.Ordinal);
        Assert.Equal("IngestWorkbook", events.Root["parameters"]!["functionName"]!["defaultValue"]!.GetValue<string>());
        Assert.Equal(ContainerNames.Uploads, events.Root["parameters"]!["containerName"]!["defaultValue"]!.GetValue<string>());
        Assert.Equal("Microsoft.Storage.BlobCreated", Assert.Single(subscription["filter"]!["includedEventTypes"]!.AsArray())!.GetValue<string>());
    }
}
