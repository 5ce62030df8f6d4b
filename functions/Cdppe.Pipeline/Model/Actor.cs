namespace Cdppe.Pipeline.Model;

/// <summary>
/// Who does an action, as every use case records it: a name people read, a stable id (the Entra object id, or
/// <c>cle:{name}</c> for a named key) and the role the action was done under.
/// </summary>
public sealed record Actor(string Name, string Id, ActorRole Role)
{
    /// <summary>What the app does by itself (a blob trigger, the monthly timer).</summary>
    public static Actor System { get; } = new("Cdppe (automatique)", "systeme", ActorRole.Operator);

    /// <summary>The role as users read it.</summary>
    public string RoleLabel => Role switch
    {
        ActorRole.National => "National",
        ActorRole.Operator => "Opérateur",
        _ => "Département",
    };

    /// <summary>« Nom (rôle) ».</summary>
    public override string ToString() => $"{Name} ({RoleLabel})";
}
