namespace Cdppe.Pipeline.Reporting.Templating;

/// <summary>A chart tag: a run holding an inline drawing that points to a new chart part.</summary>
internal sealed class ChartNode(TemplateTag tag, string runStart, string runEnd) : Node
{
    public TemplateTag Tag { get; } = tag;

    public override bool HasFixedContent => true;

    public override void Render(RenderContext context)
    {
        if (!context.TryResolve(Tag, out var value) || value is null)
        {
            return;
        }

        if (value is not ChartData chart)
        {
            context.Error(TemplateErrors.NotAChart(Tag, TemplateFilters.Display(value)));
            return;
        }

        var relationshipId = context.AddChart(chart);
        context.Output.Append(runStart).Append(ChartWriter.InlineDrawing(relationshipId, chart)).Append(runEnd);
        context.Frame.Report(BlockKind.None, visible: true, 0);
    }

    public override void Validate(RenderContext context) => context.TryResolve(Tag, out _);
}
