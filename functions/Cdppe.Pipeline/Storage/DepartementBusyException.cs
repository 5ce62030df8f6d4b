namespace Cdppe.Pipeline.Storage;

/// <summary>
/// A département's work is held by someone else (an ingestion's commit, a consolidation) for longer than we wait,
/// or our lease on it was lost mid-work. The one "busy" error of the pipeline: hosts answer it with 409 and retry later.
/// </summary>
public sealed class DepartementBusyException : Exception
{
    public DepartementBusyException()
    {
    }

    public DepartementBusyException(string message)
        : base(message)
    {
    }

    public DepartementBusyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
