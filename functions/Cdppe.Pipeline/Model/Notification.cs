namespace Cdppe.Pipeline.Model;

/// <summary>
/// A message of the outbox: what happened (<c>fichier-refuse</c>, <c>paquet-transmis</c>, <c>revue</c>), to whom,
/// and how its sending went (<c>en-attente</c>, <c>envoyee</c>, <c>echec</c> after the last attempt, or
/// <c>non-configuree</c> while no SMTP server is set).
/// </summary>
public sealed record Notification(
    string Id,
    string Kind,
    string Departement,
    string Subject,
    string Body,
    IReadOnlyList<string> Recipients,
    string Status,
    int Attempts,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SentAt);
