namespace Cdppe.Pipeline.Reporting.Templating;

/// <summary>A chart to add to the rendered package under this relationship id.</summary>
internal sealed record ChartRequest(string RelationshipId, ChartData Data);
