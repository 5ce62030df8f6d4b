namespace Cdppe.Pipeline.Reporting.Templating;

/// <summary>What a rendering went over.</summary>
internal enum RenderLimit
{
    Characters,
    Evaluations,
    Charts,
}
