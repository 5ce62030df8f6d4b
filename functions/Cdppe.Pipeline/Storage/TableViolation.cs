namespace Cdppe.Pipeline.Storage;

/// <summary>One value of an entity the Table service cannot store as it is.</summary>
/// <param name="Property">The entity property (null for the entity as a whole).</param>
/// <param name="Value">The string concerned (null for the entity as a whole).</param>
/// <param name="Size">Characters of the string, or bytes of the entity.</param>
/// <param name="CodePoint">The offending UTF-16 unit for <see cref="TableViolationKind.InvalidCodePoint"/>.</param>
public sealed record TableViolation(TableViolationKind Kind, string? Property, string? Value, long Size, int? CodePoint = null);
