namespace Cdppe.Pipeline.Storage;

/// <summary>What the Table service refuses, or silently alters, in an entity.</summary>
public enum TableViolationKind
{
    /// <summary>A lone surrogate (stored altered) or a noncharacter (U+FFFE, U+FFFF).</summary>
    InvalidCodePoint,

    /// <summary>A string longer than <see cref="TableLimits.MaxStringChars"/> UTF-16 characters (64 KiB).</summary>
    StringTooLong,

    /// <summary>An entity larger than <see cref="TableLimits.MaxEntityBytes"/>.</summary>
    EntityTooLarge,
}
