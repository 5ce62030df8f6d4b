namespace Cdppe.Pipeline.Portal;

/// <summary>An indicator with values declared unreliable, and the months concerned.</summary>
public sealed record UnreliableValue(string Code, string Label, IReadOnlyList<string> Months, string? LastValue);
