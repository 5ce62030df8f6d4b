namespace Cdppe.Pipeline.Reporting.Exports;

/// <summary>Why a PDF conversion did not happen; each surface answers its own status (501, 503, 504, 502).</summary>
public enum PdfConversionFailure
{
    /// <summary>No converter is installed or configured (501).</summary>
    NoConverter,

    /// <summary>Every conversion slot is taken and the queue is full (503).</summary>
    Busy,

    /// <summary>The conversion ran past its time limit and was stopped (504).</summary>
    TimedOut,

    /// <summary>The converter failed (502).</summary>
    Failed,
}
