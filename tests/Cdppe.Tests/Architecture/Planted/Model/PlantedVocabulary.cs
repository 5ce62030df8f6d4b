using Cdppe.Tests.Architecture.Planted.Storage;

namespace Cdppe.Tests.Architecture.Planted.Model;

/// <summary>A bottom folder that calls the one above it: the back-dependency <see cref="LayeringTests"/> must catch.</summary>
public static class PlantedVocabulary
{
    public static string Describe() => PlantedStore.Name();
}
