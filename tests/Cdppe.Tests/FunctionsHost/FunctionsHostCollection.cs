namespace Cdppe.Tests.FunctionsHost;

/// <summary>The test classes that share one Functions host (<see cref="FunctionsHostFixture"/>).</summary>
[CollectionDefinition(Name)]
public sealed class FunctionsHostCollection : ICollectionFixture<FunctionsHostFixture>
{
    public const string Name = "Functions host";
}
