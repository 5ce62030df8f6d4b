using Cdppe.Tests.Architecture.Planted.Ingestion;

namespace Cdppe.Tests.Architecture.Planted.Storage;

/// <summary>A store that names a constant of the folder above it: invisible in the assembly (the value is copied), seen in the source.</summary>
public static class PlantedStore
{
    public static string Name() => PlantedParser.KindName;
}
