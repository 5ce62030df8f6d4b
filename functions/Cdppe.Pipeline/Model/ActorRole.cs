namespace Cdppe.Pipeline.Model;

/// <summary>
/// What a person may do: a département's staff (their départements: drop, consolidate, report, transmit), the
/// State's reviewers (every département: read and review, never drop nor transmit), or the app's operator (the
/// all-départements key: runs the app, neither transmits nor reviews).
/// </summary>
public enum ActorRole
{
    Departement,
    National,
    Operator,
}
