using System.Globalization;
using Cdppe.Pipeline.Consolidation;
using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Reporting;
using Cdppe.Pipeline.Storage;

namespace Cdppe.Pipeline.Portal;

/// <summary>A month of the year with indicators without value, or never consolidated.</summary>
public sealed record MissingMonth(string Month, string Label, int Missing, int Known, bool NotConsolidated, IReadOnlyList<string> Indicators);
