namespace Cdppe.Pipeline.Storage;

/// <summary>Table Journal, partition = département, row <c>{reversed ticks}|{random}</c> (newest first): one action.</summary>
public sealed class JournalEntity : EntityBase
{
    public DateTimeOffset At { get; set; }

    public string ActorName { get; set; } = string.Empty;

    public string ActorId { get; set; } = string.Empty;

    public string ActorRole { get; set; } = string.Empty;

    public string Action { get; set; } = string.Empty;

    public string Description { get; set; } = string.Empty;

    public int? Year { get; set; }

    public string? Subject { get; set; }
}
