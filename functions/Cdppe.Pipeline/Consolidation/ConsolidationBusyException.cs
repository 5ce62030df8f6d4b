namespace Cdppe.Pipeline.Consolidation;

/// <summary>Another consolidation of the same département holds the lease.</summary>
public sealed class ConsolidationBusyException : Exception
{
    public ConsolidationBusyException()
    {
    }

    public ConsolidationBusyException(string message)
        : base(message)
    {
    }

    public ConsolidationBusyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
