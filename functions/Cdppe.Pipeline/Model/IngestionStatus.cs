namespace Cdppe.Pipeline.Model;

/// <summary>What became of an upload.</summary>
public enum IngestionStatus
{
    Accepted,
    Rejected,

    /// <summary>The same bytes were already ingested for this département: nothing was done.</summary>
    Duplicate,

    /// <summary>A zero-byte blob (announced before its content): nothing to do until the content lands.</summary>
    Skipped,

    /// <summary>Every attempt failed (poison): recorded so that it shows in the list; the upload stays in place.</summary>
    Failed,
}
