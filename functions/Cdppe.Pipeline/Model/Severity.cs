namespace Cdppe.Pipeline.Model;

/// <summary>How serious an issue is: an error refuses the workbook, a warning or an information does not.</summary>
public enum Severity
{
    Error,
    Warning,
    Info,
}
