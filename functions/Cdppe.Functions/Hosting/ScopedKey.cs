using Cdppe.Pipeline.Model;

namespace Cdppe.Functions.Hosting;

public sealed class ScopedKey
{
    public const string DepartementRole = "Departement";

    public const string NationalRole = "National";

    public string Key { get; set; } = string.Empty;

    /// <summary>Comma-separated INSEE codes (role Departement).</summary>
    public string Departements { get; set; } = string.Empty;

    /// <summary><c>Departement</c> (the default) or <c>National</c>.</summary>
    public string Role { get; set; } = DepartementRole;

    public bool IsNational => string.Equals(Role, NationalRole, StringComparison.OrdinalIgnoreCase);

    public IEnumerable<string> Codes => Departements.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Whether the key reads <paramref name="departement"/>: every one for the national role.</summary>
    public bool Allows(string departement) => IsNational || Codes.Contains(departement, StringComparer.OrdinalIgnoreCase);

    /// <summary>Who acts with the key named <paramref name="name"/>.</summary>
    public Actor ActorOf(string name) => new(name, "cle:" + name, IsNational ? ActorRole.National : ActorRole.Departement);
}
