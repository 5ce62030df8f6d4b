namespace Cdppe.Pipeline.Ingestion;

public enum Severity
{
    Error,
    Warning,
    Info,
}
