using Cdppe.Pipeline.Model;

namespace Cdppe.Functions.Portal;

/// <summary>
/// A person using the portal and what they may see: every département (national scope) or theirs. <see cref="Csrf"/>
/// is the token every change must carry in the <c>X-Cdppe-Csrf</c> header.
/// </summary>
public sealed record PortalUser(string User, SignInMode Mode, bool National, IReadOnlyList<string> Departements, string Csrf, Actor Actor)
{
    /// <summary>The national role reads every département and reviews: it drops, consolidates, changes and transmits nothing.</summary>
    public bool ReadsOnly => Actor.Role == ActorRole.National;

    public bool Allows(Departement departement) => National || Departements.Contains(departement.Code, StringComparer.OrdinalIgnoreCase);

    /// <summary>What the pages read: the user, the scope and the CSRF token (never the key, nor the session's id).</summary>
    public object ToJson() => new
    {
        user = User,
        mode = Mode == SignInMode.Entra ? "entra" : "cle",
        national = National,
        departements = Departements,
        role = Actor.RoleLabel,
        roleCode = Actor.Role.ToString(),
        id = Actor.Id,
        csrf = Csrf,
    };
}
