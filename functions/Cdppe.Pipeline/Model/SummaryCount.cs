namespace Cdppe.Pipeline.Model;

/// <summary>A count indicator's value of the year in a département's summary, with the month it is from (null: an annual figure).</summary>
public sealed record SummaryCount(string Code, string Label, decimal Value, YearMonth? Month);
