namespace Cdppe.Pipeline.Reporting.Templating;

/// <summary>What an element is at block level, to keep the output valid (a cell ends with a paragraph, a table has rows).</summary>
internal enum BlockKind
{
    None,
    Paragraph,
    Table,
    Row,
    Cell,
    Other,
}
