using System.Globalization;
using Cdppe.Pipeline.Contracts;
using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Reporting;

namespace Cdppe.Pipeline.Portal;

/// <summary>A département a user may choose, with its name.</summary>
public sealed record DepartementChoice(string Code, string Nom);
