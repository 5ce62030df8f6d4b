namespace Cdppe.Pipeline.Ingestion.Xlsx;

/// <summary>The file cannot be read as a workbook; <see cref="Exception.Message"/> is French, for the user.</summary>
public sealed class WorkbookFormatException : Exception
{
    public WorkbookFormatException(string message, string? sheet = null, string? cell = null, Exception? inner = null)
        : base(message, inner)
    {
        Sheet = sheet;
        Cell = cell;
    }

    public WorkbookFormatException()
    {
    }

    public WorkbookFormatException(string message)
        : base(message)
    {
    }

    public WorkbookFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public string? Sheet { get; }

    public string? Cell { get; }
}
