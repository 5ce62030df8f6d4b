namespace Cdppe.Pipeline.Reporting.Templating;

/// <summary>
/// What one rendering of a template may produce, shared by its parts: loops over loops multiply their content, so
/// a small template can ask for gigabytes. The output, the tags evaluated and the charts are bounded.
/// </summary>
internal sealed class RenderBudget(long maxCharacters, long maxEvaluations, int maxCharts)
{
    public long MaxCharacters => maxCharacters;

    public long MaxEvaluations => maxEvaluations;

    public int MaxCharts => maxCharts;

    /// <summary>Characters written by the parts already rendered.</summary>
    public long Characters { get; set; }

    public long Evaluations { get; set; }

    public int Charts { get; set; }

    /// <summary>The budget of one rendering of a template (<see cref="DocxTemplate"/>'s limits).</summary>
    public static RenderBudget OfOneRendering() => new(DocxTemplate.MaxRenderedCharacters, DocxTemplate.MaxTagEvaluations, DocxTemplate.MaxCharts);
}
