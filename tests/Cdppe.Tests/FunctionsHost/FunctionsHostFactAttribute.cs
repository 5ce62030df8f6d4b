namespace Cdppe.Tests.FunctionsHost;

/// <summary>A test that runs the published app under the Azure Functions host.</summary>
public sealed class FunctionsHostFactAttribute : FactAttribute
{
    public FunctionsHostFactAttribute() => Skip = FunctionsHostInstall.SkipReason;
}
