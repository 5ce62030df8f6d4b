using Cdppe.Functions.Hosting;
using Cdppe.Pipeline.Storage;
using Cdppe.Tests.Support;

namespace Cdppe.Tests.Architecture;

/// <summary>
/// The layers of the code, lowest first: the vocabulary (Model, with the hardened XML reading), storage, the domain
/// services, the Pipeline's composition; then, in the Functions project, the HTTP plumbing (Hosting), the two surfaces
/// (API functions with their OpenAPI description, portal functions), the composition root that registers them
/// (namespace <c>Cdppe.Functions</c>, with the code the Functions SDK generates) and the standalone host on top. A folder uses only its own layer and those below, and no
/// folders use each other in a cycle. The checker is shown to catch a planted back-dependency and a planted cycle.
/// </summary>
public sealed class LayeringTests
{
    public static readonly IReadOnlyList<IReadOnlyList<string>> Layers =
    [
        ["Pipeline.Model", "Pipeline.Xml"],
        ["Pipeline.Storage"],
        ["Pipeline.Ingestion", "Pipeline.Consolidation", "Pipeline.Contracts", "Pipeline.Reporting", "Pipeline.Portal", "Pipeline.Recovery", "Pipeline.Campaigns", "Pipeline.Notifications"],
        ["Pipeline.Hosting"],
        ["Functions.Hosting"],
        ["Functions.Api", "Functions.Portal", "Functions.OpenApi"],
        ["Functions"],
        ["Functions.Standalone"],
    ];

    private static readonly IReadOnlyList<IReadOnlyList<string>> PlantedLayers =
    [
        ["Model"],
        ["Storage"],
        ["Ingestion", "Consolidation"],
    ];

    private const string PlantedRoot = "Cdppe.Tests.Architecture.Planted";

    [Fact]
    public void NoFolderUsesALayerAboveItNorFormsACycle()
    {
        var pipeline = typeof(CdppeStorage).Assembly.Location;
        var functions = typeof(CdppeOptions).Assembly.Location;
        var dependencies = FolderDependencies.FromAssembly(pipeline, "Cdppe", 2)
            .Concat(FolderDependencies.FromAssembly(functions, "Cdppe", 2))
            .Concat(FolderDependencies.FromSources(Path.Combine(Repository.Root, "functions", "Cdppe.Pipeline"), "Cdppe", 2))
            .Concat(FolderDependencies.FromSources(Path.Combine(Repository.Root, "functions", "Cdppe.Functions"), "Cdppe", 2))
            .ToList();

        var violations = LayerRules.Violations(dependencies, Layers);
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void ThePipelineDoesNotReferenceTheFunctionsProject()
    {
        Assert.DoesNotContain(typeof(CdppeStorage).Assembly.GetReferencedAssemblies(), a => a.Name == typeof(CdppeOptions).Assembly.GetName().Name);
    }

    [Fact]
    public void ThePlantedBackDependencyAndCycleAreCaughtInTheAssembly()
    {
        var dependencies = FolderDependencies.FromAssembly(typeof(LayeringTests).Assembly.Location, PlantedRoot, 1);

        Assert.Equal(
            ["Consolidation→Ingestion", "Ingestion→Consolidation", "Model→Storage"],
            dependencies.Select(d => $"{d.From}→{d.To}"));
        Assert.Equal(
            [
                "Model uses Storage, a layer above it (Cdppe.Tests.Architecture.Planted.Model.PlantedVocabulary uses Cdppe.Tests.Architecture.Planted.Storage.PlantedStore)",
                "cycle between Consolidation, Ingestion",
            ],
            LayerRules.Violations(dependencies, PlantedLayers));
    }

    [Fact]
    public void ThePlantedConstantOfALayerAboveIsCaughtInTheSources()
    {
        var dependencies = FolderDependencies.FromSources(Path.Combine(Repository.Root, "tests", "Cdppe.Tests", "Architecture", "Planted"), PlantedRoot, 1);

        Assert.Contains(
            "Storage uses Ingestion, a layer above it (Storage/PlantedStore.cs has using Cdppe.Tests.Architecture.Planted.Ingestion)",
            LayerRules.Violations(dependencies, PlantedLayers));
    }

    [Fact]
    public void AFolderInNoLayerIsReported()
    {
        var dependencies = new[] { new FolderDependency("Pipeline.Storage", "Pipeline.Caching", "a store uses a cache") };

        Assert.Equal(["Pipeline.Caching is in no layer"], LayerRules.Violations(dependencies, Layers));
    }
}
