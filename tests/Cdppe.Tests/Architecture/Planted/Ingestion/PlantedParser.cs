using Cdppe.Tests.Architecture.Planted.Consolidation;

namespace Cdppe.Tests.Architecture.Planted.Ingestion;

/// <summary>One half of a planted cycle between two folders of one layer (see <see cref="PlantedConsolidator"/>).</summary>
public static class PlantedParser
{
    public const string KindName = "planted";

    public static int Parse(int rows) => rows <= 0 ? 0 : PlantedConsolidator.Consolidate(rows - 1);
}
