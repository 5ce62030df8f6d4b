namespace Cdppe.Pipeline.Campaigns;

/// <summary>A journal entry as shown.</summary>
public sealed record JournalEntryView(DateTimeOffset Le, ActorView Auteur, string Action, string Description, int? Annee, string? Objet);
