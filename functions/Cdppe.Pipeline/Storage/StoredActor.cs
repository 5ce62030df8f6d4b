using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Storage;

/// <summary>An <see cref="Actor"/> as the tables keep it: three string columns.</summary>
internal static class StoredActor
{
    public static Actor Of(string? name, string? id, string? role) =>
        new(name ?? string.Empty, id ?? string.Empty, Enum.TryParse<ActorRole>(role, out var parsed) ? parsed : ActorRole.Departement);

    public static string Role(Actor actor) => actor.Role.ToString();
}
