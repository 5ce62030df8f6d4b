namespace Cdppe.Pipeline.Model;

/// <summary>
/// One action of the journal: when, who, what (a code of <c>JournalActions</c>), its French description, the year it
/// concerns when it concerns one, and what it acted on (a file, a package) when it names one.
/// </summary>
public sealed record JournalEntry(DateTimeOffset At, Actor Actor, string Action, string Description, int? Year, string? Subject);
