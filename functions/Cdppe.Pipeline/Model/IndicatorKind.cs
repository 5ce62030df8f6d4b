namespace Cdppe.Pipeline.Model;

/// <summary>How an indicator's values compare with their targets.</summary>
public enum IndicatorKind
{
    /// <summary>A count, year-to-date within a year (compared with the target prorated to the month).</summary>
    Count,

    /// <summary>A rate or ratio (compared directly), possibly derived from two counts.</summary>
    Rate,

    /// <summary>A text milestone ("Discussion" → "signature du protocole" → "mise en œuvre"), compared by order.</summary>
    Milestone,
}
