using System.Globalization;
using System.Text;
using Cdppe.Pipeline.Consolidation;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Reporting;

namespace Cdppe.Pipeline.Portal;

/// <summary>One month of an indicator: the consolidated value against the month's target; a gap when nothing is known.</summary>
public sealed record MonthPoint(string Month, string Label, decimal? Value, string? Text, decimal? Target, string? TargetText, string Status, bool Reliable, bool Gap, bool NotConsolidated);
