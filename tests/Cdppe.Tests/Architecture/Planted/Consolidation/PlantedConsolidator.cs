using Cdppe.Tests.Architecture.Planted.Ingestion;

namespace Cdppe.Tests.Architecture.Planted.Consolidation;

/// <summary>The other half of the planted cycle: it calls back the parser that calls it.</summary>
public static class PlantedConsolidator
{
    public static int Consolidate(int rows) => 1 + PlantedParser.Parse(rows);
}
