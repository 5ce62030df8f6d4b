using Cdppe.Pipeline.Model;

namespace Cdppe.Pipeline.Campaigns;

/// <summary>Who, as shown: name, id and role.</summary>
public sealed record ActorView(string Nom, string Id, string Role)
{
    public static ActorView From(Actor actor) => new(actor.Name, actor.Id, actor.RoleLabel);
}
