namespace Cdppe.Pipeline.Ingestion.Xlsx;

/// <summary>The type of a cell (its <c>t</c> attribute); any other value reads as a number, as before.</summary>
internal enum RawCellType : byte
{
    Number,
    Shared,
    Inline,
    Str,
    Error,
    Boolean,
    Date,
}
