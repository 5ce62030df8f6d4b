using Cdppe.Deployment.Tests.Support;

namespace Cdppe.Deployment.Tests;

/// <summary>The module compiled alone (main.bicep, which deploys it when portalClientId is set, is built and linted by <see cref="BicepTests"/>).</summary>
public sealed class CompiledPortalAuth : IAsyncLifetime
{
    public ArmTemplate Template { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var build = await Bicep.RunAsync("build", Repository.Path("infra", "modules", "portal-auth.bicep"), "--stdout");
        Assert.True(build.ExitCode == 0 && string.IsNullOrWhiteSpace(build.Error), build.Describe());
        Template = ArmTemplate.Parse(build.Output);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

/// <summary>The portal's sign-in in Azure: App Service Authentication with Entra ID, configured by infra/modules/portal-auth.bicep.</summary>
public sealed class PortalAuthBicepTests(CompiledPortalAuth module) : IClassFixture<CompiledPortalAuth>
{
    [Fact]
    public void MainDeploysTheModuleOnlyWhenAnAppRegistrationIsGiven()
    {
        var main = File.ReadAllText(Repository.Path("infra", "main.bicep"));
        Assert.Contains("param portalClientId string = ''", main, StringComparison.Ordinal);
        Assert.Contains("module portalAuth 'modules/portal-auth.bicep' = if (!empty(portalClientId))", main, StringComparison.Ordinal);
    }

    [Fact]
    public void AuthSettingsLetScriptsThroughAndSignPeopleInWithEntraId()
    {
        var auth = module.Template.One("Microsoft.Web/sites/config");
        Assert.EndsWith("'authsettingsV2')]", (string?)auth["name"], StringComparison.Ordinal);
        var properties = auth["properties"]!;
        Assert.True(properties["platform"]!["enabled"]!.GetValue<bool>());
        // Function keys keep working for scripts: the platform lets anonymous requests reach the app.
        Assert.Equal("AllowAnonymous", (string?)properties["globalValidation"]!["unauthenticatedClientAction"]);
        Assert.False(properties["globalValidation"]!["requireAuthentication"]!.GetValue<bool>());
        Assert.True(properties["httpSettings"]!["requireHttps"]!.GetValue<bool>());
        var entra = properties["identityProviders"]!["azureActiveDirectory"]!;
        Assert.True(entra["enabled"]!.GetValue<bool>());
        Assert.Equal("[parameters('clientId')]", (string?)entra["registration"]!["clientId"]);
        Assert.Contains("/v2.0", (string?)entra["registration"]!["openIdIssuer"], StringComparison.Ordinal);
        Assert.Equal("MICROSOFT_PROVIDER_AUTHENTICATION_SECRET", (string?)module.Template.Variable("credentialSettingName"));
    }

    [Fact]
    public void AppRolesAreNationalAndOneDepartementRolePerDepartement()
    {
        var roles = (string?)module.Template.Root["outputs"]!["appRoles"]!["value"];
        Assert.NotNull(roles);
        Assert.Contains("'National'", roles, StringComparison.Ordinal);
        Assert.Contains("Departement.", roles, StringComparison.Ordinal);
        Assert.Contains("parameters('departements')", roles, StringComparison.Ordinal);
    }
}
