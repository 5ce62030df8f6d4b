using Cdppe.Pipeline.Consolidation;
using Cdppe.Pipeline.Ingestion;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Storage;
using Microsoft.Extensions.Logging;

namespace Cdppe.Pipeline.Recovery;

public sealed record RebuildSummary(int Files, int Accepted, int Rejected, int Duplicates, int Consolidations);
